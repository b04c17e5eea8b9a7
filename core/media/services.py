"""Storing media from code: images scrubbed first, videos queued for their cleaning."""

from django.core.files import File
from django.db import transaction

from core.jobs.outbox import outbox_enqueue
from core.media.images import scrubbed_file
from core.media.models import PodiumImage, PodiumVideo
from core.media.tasks import process_video


@transaction.atomic
def image_create(*, source: File, title: str, collection=None, uploaded_by=None) -> PodiumImage:
    """Store an image from code (commands, the demo loader, imports).

    The file is scrubbed before the model sees it, so a damaged or hostile file fails
    with core.media.images.ImageRejected and a clear message, and nothing is stored.
    """
    clean = scrubbed_file(source)
    clean.source_name = getattr(source, "name", "") or ""
    image = PodiumImage(title=title, file=clean, uploaded_by_user=uploaded_by)
    if collection is not None:
        image.collection = collection
    image.save()
    return image


@transaction.atomic
def video_create(
    *,
    uploaded_by,
    title: str,
    source: File,
    captions: File | None = None,
    captions_language: str = "en",
) -> PodiumVideo:
    """Store an upload privately and queue its cleaning (core.media.tasks.process_video)."""

    video = PodiumVideo(
        title=title, uploaded_by=uploaded_by, captions_language=captions_language or "en"
    )
    video.source.save(source.name, source, save=False)
    if captions is not None:
        video.captions.save("captions.vtt", captions, save=False)
    video.save()
    outbox_enqueue(task=process_video, args=[video.pk])
    return video
