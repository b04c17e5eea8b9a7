"""Writes that every app shares."""

from django.core.files import File
from django.db import transaction

from core.images import scrubbed_file
from core.models import PodiumImage


@transaction.atomic
def image_create(*, source: File, title: str, collection=None, uploaded_by=None) -> PodiumImage:
    """Store an image from code (commands, the demo loader, imports).

    The file is scrubbed before the model sees it, so a damaged or hostile file fails
    with core.images.ImageRejected and a clear message, and nothing is stored.
    """
    clean = scrubbed_file(source)
    clean.source_name = getattr(source, "name", "") or ""
    image = PodiumImage(title=title, file=clean, uploaded_by_user=uploaded_by)
    if collection is not None:
        image.collection = collection
    image.save()
    return image
