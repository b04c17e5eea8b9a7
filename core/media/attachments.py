"""Files people send each other: photos (scrubbed like every image) and PDFs (rebuilt
from their pages by core.media.pdf_scrub: pictures encoded again, no metadata, scripts, forms
or attached files). Anything else is refused with a clear message."""

import uuid

from django.core.files.base import ContentFile
from django.utils.translation import gettext_lazy as _

from core.media.images import ImageRejected, scrub_image
from core.media.pdf_scrub import PdfUnreadable, rebuild_pdf

MAX_BYTES = 10 * 1024 * 1024
NOT_ALLOWED = _("Send a photo (JPEG, PNG, WebP, HEIC) or a PDF, up to 10 MB.")
BAD_PDF = _("This PDF could not be read; it may be damaged or protected by a password.")


class AttachmentRejected(ValueError):
    """The message is for the sender."""


def clean_attachment(upload) -> tuple[ContentFile, str]:
    """(a safe copy with a random name, its content type) or AttachmentRejected."""
    if upload.size > MAX_BYTES:
        raise AttachmentRejected(NOT_ALLOWED)
    upload.seek(0)
    head = upload.read(5)
    upload.seek(0)
    if head == b"%PDF-":
        return ContentFile(_clean_pdf(upload), name=f"{uuid.uuid4().hex}.pdf"), "application/pdf"
    try:
        result = scrub_image(upload)
    except ImageRejected as rejected:
        raise AttachmentRejected(NOT_ALLOWED) from rejected
    content_type = {"jpg": "image/jpeg", "png": "image/png", "gif": "image/gif"}.get(
        result.extension, "image/webp"
    )
    return ContentFile(result.content, name=f"{uuid.uuid4().hex}.{result.extension}"), content_type


def _clean_pdf(upload) -> bytes:
    try:
        return rebuild_pdf(upload)
    except PdfUnreadable as error:
        raise AttachmentRejected(BAD_PDF) from error
