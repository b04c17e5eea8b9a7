import logging
import smtplib
from datetime import timedelta

from celery import shared_task
from django.conf import settings
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
