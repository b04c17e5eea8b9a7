"""The video task: a copy of each upload without metadata, made by a worker."""

import logging
import shutil
import tempfile
from pathlib import Path

from celery import shared_task
from django.core.files import File

from core.media.models import PodiumVideo
from core.media.videos import VideoRejected, strip_video_metadata

log = logging.getLogger("podium.media")


# Large uploads take minutes: no other worker takes the entry again for an hour.
@shared_task(name="core.process_video", outbox_lease=3600)
def process_video(video_id: str) -> str:
    """Write the uploaded video again without metadata, publish that copy, drop the source.

    Idempotent: a video that is no longer waiting is left alone.
    """
    video = PodiumVideo.objects.filter(pk=video_id, status=PodiumVideo.Status.PROCESSING).first()
    if video is None or not video.source:
        return "skipped"
    extension = Path(video.source.name).suffix
    with tempfile.TemporaryDirectory(prefix="podium-video-") as folder:
        source_path = Path(folder, f"source{extension}")
        with video.source.open("rb") as upload, open(source_path, "wb") as copy:
            shutil.copyfileobj(upload, copy)
        try:
            clean = strip_video_metadata(source_path, Path(folder, "clean"), extension)
        except VideoRejected as rejected:
            video.status = PodiumVideo.Status.FAILED
            video.problem = str(rejected)
        else:
            with open(Path(folder, "clean"), "rb") as cleaned:
                video.file.save(f"video.{clean.extension}", File(cleaned), save=False)
            video.duration_seconds = clean.duration_seconds
            video.status = PodiumVideo.Status.READY
        video.source.delete(save=False)
        video.save()
    log.info("video processed id=%s status=%s", video_id, video.status)
    return video.status
