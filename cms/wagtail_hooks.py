from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.models import Page
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from accounts.rules import is_editor
from cms.editors_desk import EditorsDeskPanel
from cms.models import Resource
from cms.models.home import FEATURABLE_PAGE_TYPES
from portfolio.models import BlogPostPage, SpeakerProfilePage, VideoPage
from portfolio.viewer import Viewer


class ResourceViewSet(SnippetViewSet):
    model = Resource
    icon = "help"
    menu_label = "Resources"
    list_display = ["name", "category", "region", "phone"]
    list_filter = ["category"]
    search_fields = ["name"]


register_snippet(ResourceViewSet)


@hooks.register("construct_homepage_panels")
def editors_desk(request, panels):
    # Consultants use the admin for their own pages; the desk is for editors alone.
    if is_editor(request.user):
        panels.append(EditorsDeskPanel())


class EditorsMenuItem(MenuItem):
    def is_shown(self, request):
        return is_editor(request.user)


@hooks.register("register_admin_menu_item")
def style_guide_menu_item():
    # The living style page, for editors who write pages and ask for new components.
    return EditorsMenuItem(
        _("Style guide"),
        reverse("style_guide"),
        name="style-guide",
        icon_name="doc-full",
        order=10000,
    )


@hooks.register("construct_page_chooser_queryset")
def featuring_chooser_offers_only_featurable(pages, request):
    """The home page's featuring chooser lists only what may be featured.

    That is a consultant's public, published page whose consultant agreed to featuring
    and is not paused; other consultants' pages are not offered at all (their profile
    is not listed, so nothing under it can be reached). The chooser is recognised by the
    page types it asks for (cms.models.home). FeaturedItem.clean still refuses anything
    else, e.g. after a consultant withdrew while the form was open.
    """
    asked = getattr(request, "GET", {}).get("page_type", "")
    if set(asked.lower().split(",")) != set(FEATURABLE_PAGE_TYPES):
        return pages
    not_featurable = Page.objects.type(SpeakerProfilePage, BlogPostPage, VideoPage).exclude(
        _featurable()
    )
    return pages.exclude(pk__in=not_featurable.values("pk"))


def _featurable() -> Q:
    visitor = Viewer.anonymous()
    profiles = SpeakerProfilePage.objects.filter(featuring_consent_at__isnull=False)
    featurable = Q(pk__in=visitor.visible(profiles).values("pk"))
    for page_class in (BlogPostPage, VideoPage):
        pages = page_class.objects.filter(
            consultant__speaker_profile__featuring_consent_at__isnull=False,
            consultant__speaker_profile__paused_at__isnull=True,
        )
        featurable |= Q(pk__in=visitor.visible(pages).values("pk"))
    return featurable
