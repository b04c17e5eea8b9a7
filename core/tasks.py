import logging
import shutil
import smtplib
import tempfile
from datetime import timedelta
from pathlib import Path

from celery import shared_task
from django.conf import settings
from django.core.files import File
from django.core.mail import get_connection
from django.db import transaction
from django.utils import timezone

from core.mail import message_from_dict
from core.models import OutgoingEmail

log = logging.getLogger("podium.email")


@shared_task(
    name="core.send_email",
    autoretry_for=(OSError, smtplib.SMTPException),
    retry_backoff=True,
    retry_backoff_max=600,
    max_retries=8,
)
def send_email(email_id: str) -> bool:
    """Deliver one stored e-mail. A redelivered or retried task never sends it twice."""
    with transaction.atomic():
        email = (
            OutgoingEmail.objects.select_for_update()
            .filter(pk=email_id, sent_at__isnull=True)
            .first()
        )
        if email is None:
            return False
        connection = get_connection(settings.PODIUM_EMAIL_DELIVERY_BACKEND, fail_silently=False)
        message_from_dict(email.message, connection=connection).send()
        email.mark_sent()
    log.info("email sent id=%s", email_id)
    return True


# Queued but not sent after this long: the first task was lost (broker down at commit).
PENDING_GRACE = timedelta(minutes=10)


@shared_task(name="core.send_pending_emails")
def send_pending_emails() -> int:
    """Queue again every e-mail still unsent after PENDING_GRACE (run by beat)."""
    cutoff = timezone.now() - PENDING_GRACE
    pending = OutgoingEmail.objects.filter(sent_at__isnull=True, created_at__lt=cutoff)
    ids = [str(pk) for pk in pending.values_list("pk", flat=True)[:500]]
    for email_id in ids:
        send_email.delay(email_id)
    return len(ids)


@shared_task(name="core.process_video", acks_late=True)
def process_video(video_id: str) -> str:
    """Write the uploaded video again without metadata, publish that copy, drop the source.

    Idempotent: a video that is no longer waiting is left alone.
    """
    from core.models import PodiumVideo
    from core.videos import VideoRejected, strip_video_metadata

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
