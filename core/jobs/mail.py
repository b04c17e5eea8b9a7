"""Every e-mail Podium sends is stored in the outbox, then delivered after commit.

EMAIL_BACKEND points here, so allauth, Wagtail and our own code all take this path;
core.jobs.outbox delivers through PODIUM_EMAIL_DELIVERY_BACKEND (SMTP in production).
"""

import base64
from email.mime.base import MIMEBase
from email.utils import formataddr, parseaddr

from django.conf import settings
from django.core.mail import EmailMessage, EmailMultiAlternatives
from django.core.mail.backends.base import BaseEmailBackend

from core.models import SiteSettings

# Attachments wait in the database with the message (so a rolled-back transaction keeps
# none) and are erased with it once sent. Mail servers refuse much more than this anyway.
MAX_ATTACHMENT_BYTES = 15 * 1024 * 1024


class UnqueueableEmail(ValueError):
    """An e-mail the queue cannot keep whole; refused rather than sent without a part."""


def sender_address() -> str:
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
        "attachments": _attachments_to_list(message.attachments),
    }


def _attachments_to_list(attachments) -> list[dict]:
    stored, total = [], 0
    for attachment in attachments:
        if isinstance(attachment, MIMEBase):
            raise UnqueueableEmail(
                "A MIME part cannot be queued; attach it as (filename, content, mimetype)."
            )
        filename, content, mimetype = attachment
        data = content.encode() if isinstance(content, str) else bytes(content)
        total += len(data)
        if total > MAX_ATTACHMENT_BYTES:
            raise UnqueueableEmail(
                f"Attachments over {MAX_ATTACHMENT_BYTES} bytes cannot be sent by e-mail."
            )
        stored.append(
            {
                "filename": filename,
                "mimetype": mimetype,
                "content": base64.b64encode(data).decode("ascii"),
            }
        )
    return stored


def message_from_dict(data: dict, *, connection, message_id: str = "") -> EmailMultiAlternatives:
    headers = dict(data["headers"])
    if message_id:
        headers["Message-ID"] = message_id
    message = EmailMultiAlternatives(
        subject=data["subject"],
        body=data["body"],
        from_email=sender_address(),
        to=data["to"],
        cc=data["cc"],
        bcc=data["bcc"],
        reply_to=data["reply_to"],
        headers=headers,
        connection=connection,
    )
    for content, mimetype in data["alternatives"]:
        message.attach_alternative(content, mimetype)
    for attachment in data.get("attachments", []):
        content = base64.b64decode(attachment["content"])
        message.attach(attachment["filename"], content, attachment["mimetype"])
    return message


class QueuedEmailBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        # Imported here to break an import cycle: core.jobs.outbox imports this module.
        from core.jobs.outbox import EMAIL, outbox_enqueue

        count = 0
        for message in email_messages:
            if not message.recipients():
                continue
            # Stored in the caller's transaction; core.jobs.outbox sends it after the commit and
            # again later if the broker or the worker fails, so no error reaches the caller.
            outbox_enqueue(task=EMAIL, payload=message_to_dict(message))
            count += 1
        return count
