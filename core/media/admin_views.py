"""Admin views of Podium's own, where Wagtail's would show more than a person may see."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Q
from django.http import JsonResponse
from django.views.decorators.http import require_safe
from taggit.models import Tag, TaggedItem
from wagtail.admin.auth import require_admin_access
from wagtail.admin.views.tags import TAGS_AUTOCOMPLETE_LIMIT
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.views.chooser import ImageChooseView
from wagtail.images.views.images import Image, ImagesFilterSet, IndexView
from wagtail.permissions import policy_registry


@require_safe
@require_admin_access
def tag_autocomplete(request):
    """Wagtail's tag suggestions, from the images and documents this person may change.

    Wagtail's own view suggests every tag on the site, so a consultant typing a letter
    would read the tags other people gave their private images.
    """
    term = request.GET.get("term", "")
    if not term:
        return JsonResponse([], safe=False)
    own = Q(pk__in=[])
    for model in (get_image_model(), get_document_model()):
        policy = policy_registry.get_by_type(model)
        own |= Q(
            content_type=ContentType.objects.get_for_model(model),
            object_id__in=policy.instances_user_has_permission_for(request.user, "change").values(
                "pk"
            ),
        )
    names = (
        Tag.objects.filter(
            name__istartswith=term,
            pk__in=TaggedItem.objects.filter(own).values("tag_id"),
        )
        .order_by("name")
        .values_list("name", flat=True)[:TAGS_AUTOCOMPLETE_LIMIT]
    )
    return JsonResponse(list(names), safe=False)


def own_popular_tags(user, model, count: int = 10):
    """The most used tags on the objects of `model` this person may change."""
    policy = policy_registry.get_by_type(model)
    return (
        Tag.objects.filter(
            taggit_taggeditem_items__content_type=ContentType.objects.get_for_model(model),
            taggit_taggeditem_items__object_id__in=policy.instances_user_has_permission_for(
                user, "change"
            ).values("pk"),
        )
        .annotate(item_count=Count("taggit_taggeditem_items"))
        .order_by("-item_count", "name")[:count]
    )


class OwnTagsImagesFilterSet(ImagesFilterSet):
    """Wagtail's image filters, offering the person's own popular tags, not the site's."""

    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, request=request, **kwargs)
        if "tag" in self.filters:
            tags = [(tag.name, tag.name) for tag in own_popular_tags(request.user, Image)]
            if tags:
                self.filters["tag"].extra["choices"] = tags
            else:
                del self.filters["tag"]


class ImageIndexView(IndexView):
    filterset_class = OwnTagsImagesFilterSet


class OwnTagsImageChooseView(ImageChooseView):
    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["popular_tags"] = own_popular_tags(self.request.user, self.model)
        return context
