"""Forms for circles, threads and posts: shape and clear messages; the services decide."""

import uuid

from django import forms
from django.utils.translation import gettext_lazy as _

from circle.selectors.forum import SEARCH_MAX_LENGTH, SEARCH_MIN_LENGTH
from circle.services.forum import BODY_MAX, NAME_MAX, NOTE_MAX, TITLE_MAX
from networking.forms import PlainTextMixin


def _body_field():
    return forms.CharField(
        label=_("Your post"),
        max_length=BODY_MAX,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Plain text. Web addresses become links."),
        error_messages={"required": _("Write something first.")},
    )


def _note_field():
    return forms.CharField(
        label=_("Content note (optional)"),
        max_length=NOTE_MAX,
        required=False,
        help_text=_(
            "If your post touches something hard, name it here: readers see this first "
            "and open the post only if they choose to."
        ),
    )


def _as_member_field():
    return forms.BooleanField(
        label=_('Post as "a member of this circle" instead of your name'),
        required=False,
        help_text=_("The peer moderators can still see who wrote it."),
    )


def _send_key_field():
    # A new token each time the form is shown: sending it twice makes one post.
    return forms.UUIDField(widget=forms.HiddenInput, initial=uuid.uuid4, required=False)


class ThreadForm(PlainTextMixin, forms.Form):
    title = forms.CharField(
        label=_("Title"),
        max_length=TITLE_MAX,
        error_messages={"required": _("Give the thread a title.")},
    )
    body = _body_field()
    content_note = _note_field()
    as_member = _as_member_field()
    send_key = _send_key_field()


class ReplyForm(PlainTextMixin, forms.Form):
    body = _body_field()
    content_note = _note_field()
    as_member = _as_member_field()
    send_key = _send_key_field()


class PostEditForm(PlainTextMixin, forms.Form):
    body = _body_field()
    content_note = _note_field()


class OpeningPostEditForm(PostEditForm):
    title = forms.CharField(
        label=_("Title"),
        max_length=TITLE_MAX,
        error_messages={"required": _("Give the thread a title.")},
    )
    field_order = ["title", "body", "content_note"]


class SearchForm(PlainTextMixin, forms.Form):
    q = forms.CharField(
        label=_("Search your circles"),
        min_length=SEARCH_MIN_LENGTH,
        max_length=SEARCH_MAX_LENGTH,
        strip=True,
    )


class CircleSettingsForm(PlainTextMixin, forms.Form):
    name = forms.CharField(
        label=_("Name shown to other members"),
        max_length=NAME_MAX,
        help_text=_(
            "Your professional name, or another name you choose. It never needs to be your "
            "legal name."
        ),
    )
    wants_digest = forms.BooleanField(
        label=_("Send me a weekly reminder e-mail"),
        required=False,
        help_text=_(
            "Only when there is something new in your circles. It never says what, "
            "where or from whom."
        ),
    )
