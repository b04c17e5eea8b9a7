"""Wagtail's image form, made to scrub uploads and answer damaged files with an error."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

from core.media.images import DAMAGED, ImageRejected, scrubbed_file

PHOTO_SAFETY_HELP = _(
    "Podium removes location and camera details from every photo. A photo can still be "
    "found by reverse image search, and its background can show where it was taken. "
    "A profile works without a photo."
)

WAGTAIL_SYNC_ATTRIBUTES = ("data-controller", "data-action", "data-w-sync")
TOO_MANY_PIXELS = _(
    "This image is too large to process safely (more than %(max_pixels_count)s pixels). "
    "Please upload a smaller photo."
)


class SafeImageField(WagtailImageField):
    """Wagtail's image field, answering a damaged file with a form error.

    Wagtail reads the picture's size while it validates the upload; a truncated or
    corrupt file makes Pillow raise there, which would otherwise be a server error.
    """

    def to_python(self, data):
        try:
            return super().to_python(data)
        except (OSError, SyntaxError, ValueError, EOFError, IndexError, TypeError) as exc:
            raise ValidationError(str(DAMAGED), code="image_damaged") from exc


class ScrubbedImageForm(BaseImageForm):
    """Wagtail's image form, scrubbing the upload while the form can still show an error."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "title" in self.fields:
            # Wagtail's script copies the file name into the title; a file name can say
            # where or who ("IMG_2041_mums_house"). Podium's title is optional instead,
            # and an image without one is stored as "Untitled image" (core.media.models).
            self.fields["title"].required = False
        if "file" in self.fields:
            wagtail_field = self.fields["file"]
            self.fields["file"] = SafeImageField(
                label=wagtail_field.label,
                required=wagtail_field.required,
                widget=wagtail_field.widget,
            )
            attrs = self.fields["file"].widget.attrs
            for name in [n for n in attrs if n.startswith(WAGTAIL_SYNC_ATTRIBUTES)]:
                del attrs[name]
            self.fields["file"].help_text = PHOTO_SAFETY_HELP
            # Wagtail says "(unknown number)" of pixels for a decompression bomb.
            self.fields["file"].error_messages["file_too_many_pixels"] = TOO_MANY_PIXELS

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload is None or upload is self.original_file or not hasattr(upload, "image"):
            return upload  # no new file in this submission
        try:
            clean = scrubbed_file(upload)
        except ImageRejected as exc:
            raise ValidationError(str(exc), code="image_rejected") from exc
        clean.source_name = upload.name
        return clean
