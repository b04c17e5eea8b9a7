"""Every e-mail Podium sends is stored, then delivered by one Celery task after commit.

EMAIL_BACKEND points here, so allauth, Wagtail and our own code all take this path; the
task delivers through PODIUM_EMAIL_DELIVERY_BACKEND (SMTP in production).
"""

from email.utils import formataddr, parseaddr

from django.conf import settings
from django.core.mail import EmailMessage, EmailMultiAlternatives
from django.core.mail.backends.base import BaseEmailBackend
from django.db import transaction


def sender_address() -> str:
    from core.models import SiteSettings

    name = SiteSettings.load().email_sender_name or "Podium"
    return formataddr((name, parseaddr(settings.DEFAULT_FROM_EMAIL)[1]))


def message_to_dict(message: EmailMessage) -> dict:
    return {
        "subject": str(message.subject),
        "body": str(message.body),
        "to": list(message.to),
        "cc": list(message.cc),
        "bcc": list(message.bcc),
        "reply_to": list(message.reply_to),
        "headers": {k: str(v) for k, v in (message.extra_headers or {}).items()},
        "alternatives": [
            [str(content), mimetype] for content, mimetype in getattr(message, "alternatives", [])
        ],
    }


def message_from_dict(data: dict, *, connection) -> EmailMultiAlternatives:
    message = EmailMultiAlternatives(
        subject=data["subject"],
        body=data["body"],
        from_email=sender_address(),
        to=data["to"],
        cc=data["cc"],
        bcc=data["bcc"],
        reply_to=data["reply_to"],
        headers=data["headers"],
        connection=connection,
    )
    for content, mimetype in data["alternatives"]:
        message.attach_alternative(content, mimetype)
    return message


class QueuedEmailBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        from core.models import OutgoingEmail
        from core.tasks import send_email

        count = 0
        for message in email_messages:
            if not message.recipients():
                continue
            stored = OutgoingEmail.objects.create(message=message_to_dict(message))
            email_id = str(stored.id)
            # robust: a broker outage must not turn a saved sign-up into an error page;
            # core.tasks.send_pending_emails picks the message up later.
            transaction.on_commit(lambda email_id=email_id: send_email.delay(email_id), robust=True)
            count += 1
        return count
