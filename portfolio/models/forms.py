"""The admin's forms for consultants' pages: what a person may choose on them."""

import itertools

from django import forms
from django.db.models import Q
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.images import get_image_model
from wagtail.models import Page

from accounts.admin_reach import own_images
from accounts.rules import is_editor
from core.models import PodiumVideo
from portfolio.page_choices import ChoiceReach, chosen_fields, refusal_error

SLUG_MAX_LENGTH = Page._meta.get_field("slug").max_length


class ConsultantPageForm(WagtailAdminPageForm):
    """Image fields accept only images the person may use (a consultant: their collection).

    Wagtail's image field accepts any image id, so a crafted form could put someone
    else's private photo on a public page. Another person's image answers like a missing
    one ("select a valid choice"); an image the page already has stays valid. Images and
    pages chosen inside the page's text (StreamField blocks, rich text links) are held to
    the same reach by portfolio.page_choices.
    """

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        if "slug" in self.fields:
            # Made from the title when left empty (clean_slug): the admin's script that
            # fills it in may not have run when "Save draft" follows the title at once.
            self.fields["slug"].required = False
        if for_user is None:
            return
        for name, field in self.fields.items():
            if getattr(field, "queryset", None) is None:
                continue
            if field.queryset.model is not get_image_model():
                continue
            allowed = own_images(for_user)
            current = getattr(self.instance, f"{name}_id", None)
            if current:
                allowed = allowed | get_image_model().objects.filter(pk=current)
            field.queryset = field.queryset.filter(pk__in=allowed.values("pk"))
            field.bound_data = _without_refused(field)
        self._choice_reach = ChoiceReach(user=for_user, page=self.instance)
        chosen = chosen_fields(self.instance)
        self._choosing = {name: block for name, block, _value in chosen if name in self.fields}
        for name, block in self._choosing.items():
            field = self.fields[name]
            field.bound_data = _without_unreachable(field, block, self._choice_reach)

    def clean_slug(self):
        """A page's address may repeat that of a draft never published: it moves aside.

        Left empty, the address is made from the title.

        Wagtail saves a new page as a draft while it is being written (autosave), so a
        post begun and left, or started twice, would otherwise hold its title's address
        and refuse every later post of that title with a message about "slugs". The new
        page takes the next free address ("title-2") instead. A clash with a published
        page is refused in plain words: renaming the new page is the person's choice.
        """
        slug = self.cleaned_data.get("slug") or slugify(self.cleaned_data.get("title", ""))
        if not slug:
            raise forms.ValidationError(self.fields["slug"].error_messages["required"])
        parent = getattr(self, "parent_page", None)
        page = self.instance if self.instance.pk else None
        if not slug or parent is None or Page._slug_is_available(slug, parent, page):
            return slug
        siblings = parent.get_children()
        if page is not None:
            siblings = siblings.not_page(page)
        if siblings.filter(slug=slug).filter(Q(live=True) | Q(first_published_at__isnull=False)):
            raise forms.ValidationError(
                _(
                    "Another page already has the address “%(slug)s”. Give this one a "
                    "different title, or change its address on the Address tab."
                )
                % {"slug": slug}
            )
        for number in itertools.count(2):
            suffix = f"-{number}"
            candidate = slug[: SLUG_MAX_LENGTH - len(suffix)] + suffix
            if Page._slug_is_available(candidate, parent, page):
                return candidate
        return slug  # unreachable: count() never ends

    def clean(self):
        """Chosen images and pages in the page's text must be within the person's reach."""
        cleaned_data = super().clean()
        reach = getattr(self, "_choice_reach", None)
        if reach is None:
            return cleaned_data
        for name, block in self._choosing.items():
            if cleaned_data.get(name) is None:
                continue  # refused already, or empty: nothing to check
            value, removed = reach.without_refused(block, cleaned_data[name])
            if removed:
                cleaned_data[name] = value
                self.add_error(name, refusal_error(block))
        return cleaned_data


def _without_refused(field):
    """The form shown again after a refusal must not show the refused image either.

    Wagtail's chooser widget displays whatever id the form holds, title and thumbnail.
    """
    bound_data = field.bound_data

    def shown(data, initial):
        if data and not (str(data).isdigit() and field.queryset.filter(pk=data).exists()):
            return initial
        return bound_data(data, initial)

    return shown


def _without_unreachable(field, block, reach):
    """Text shown again after an error holds no choice outside the person's reach."""
    bound_data = field.bound_data

    def shown(data, initial):
        value = bound_data(data, initial)
        return reach.without_refused(block, value)[0] if value is not None else value

    return shown


class VideoPageForm(ConsultantPageForm):
    """Offers only the consultant's own uploaded videos (editors see all)."""

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        if "uploaded_video" in self.fields:
            videos = PodiumVideo.objects.filter(status=PodiumVideo.Status.READY)
            if for_user is not None and not is_editor(for_user):
                videos = videos.filter(uploaded_by=for_user)
            if self.instance.uploaded_video_id:
                videos = videos | PodiumVideo.objects.filter(pk=self.instance.uploaded_video_id)
            self.fields["uploaded_video"].queryset = videos
