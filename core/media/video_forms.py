"""The upload form for videos; the checks a file can fail before it is stored."""

from pathlib import PurePath

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from core.media.videos import FORMATS

CAPTIONS_MAX_BYTES = 1024 * 1024


class VideoUploadForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=255)
    file = forms.FileField(
        label=_("Video file"),
        help_text=_(
            "MP4, MOV or WebM. Podium removes the place, time and device details that "
            "phones record in a video before anyone can see it."
        ),
    )
    captions = forms.FileField(label=_("Captions (optional, WebVTT .vtt file)"), required=False)
    captions_language = forms.CharField(
        label=_("Language of the captions"), max_length=12, initial="en", required=False
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        extension = PurePath(upload.name).suffix.lower().lstrip(".")
        if extension not in FORMATS:
            raise forms.ValidationError(_("Upload an MP4, MOV or WebM file."))
        limit = settings.PODIUM_MAX_VIDEO_UPLOAD_BYTES
        if upload.size > limit:
            raise forms.ValidationError(
                _("This file is too big (%(size)s). The most is %(limit)s.")
                % {"size": filesizeformat(upload.size), "limit": filesizeformat(limit)}
            )
        return upload

    def clean_captions(self):
        captions = self.cleaned_data.get("captions")
        if not captions:
            return None
        if captions.size > CAPTIONS_MAX_BYTES:
            raise forms.ValidationError(_("A captions file can be at most 1 MB."))
        head = captions.read(16)
        captions.seek(0)
        if not head.lstrip(b"\xef\xbb\xbf").startswith(b"WEBVTT"):
            raise forms.ValidationError(_("This is not a WebVTT file: it must start with WEBVTT."))
        return captions
