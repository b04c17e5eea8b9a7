import re

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from core.media.attachments import AttachmentRejected, clean_attachment
from core.throttle import over_limit
from networking.enums import DETAILS_RELEASED, Party, ReportTarget
from networking.errors import Forbidden, Hidden, RateLimited, Refused
from networking.models import Attachment, Conversation, Message
from networking.parties import side_of
from networking.scam import scam_signals
from networking.selectors import organization_members
from networking.services.notifications import notify, notify_many
from networking.services.safety import scam_report_create
from networking.viewer import as_viewer

MESSAGES_PER_MEMBER_PER_MINUTE = 20
MESSAGES_PER_ORGANIZATION_PER_MINUTE = 60

# Anything a mail client or browser would turn into a link: a scheme, www., an address,
# or a bare domain name with a common ending.
LINK = re.compile(
    r"(\b[a-z][a-z0-9+.-]*://|\bwww\.|[\w.+-]+@[\w-]+\.[\w.]+|"
    r"\b[\w-]+\.(com|org|net|io|co|me|info|biz|ly|gl|link|app|xyz|ru|cn|tk)\b)",
    re.IGNORECASE,
)


def links_allowed(conversation: Conversation) -> bool:
    """Links and files only once the consultant has accepted a booking: before that, a
    link is how a stranger would lure someone off the platform."""
    booking = conversation.booking
    return booking is not None and booking.state in DETAILS_RELEASED


@transaction.atomic
def message_send(
    *, conversation: Conversation, sender, body: str, attachment=None, send_key=None
) -> Message:
    """Post a message; the same form sent again (same send_key) returns the first one."""
    viewer = as_viewer(sender)
    side = side_of(viewer, conversation)
    if side is None:
        raise Hidden(_("Not found."))
    if send_key is not None:
        # Sends into one conversation queue here, so a form sent twice at once finds
        # the message its first sending posted.
        Conversation.objects.select_for_update(no_key=True).filter(pk=conversation.pk).exists()
        earlier = Message.objects.filter(sender=sender, send_key=send_key).first()
        if earlier is not None:
            return earlier
    if side == Party.ORGANIZATION and not viewer.has_perm("networking.act_for_organization"):
        raise Forbidden(_("Your organization cannot send messages at the moment."))
    body = body.replace("\r\n", "\n").strip()
    if not body and attachment is None:
        raise Refused(_("Write a message first."))
    if len(body) > 5000:
        raise Refused(_("Messages can be up to 5,000 characters."), field="body")
    if "\x00" in body:
        raise Refused(_("The message contains characters that cannot be sent."), field="body")
    if not links_allowed(conversation) and LINK.search(body):
        raise Refused(
            _("Links and addresses can be shared once the consultant has accepted a booking.")
        )
    if attachment is not None and not links_allowed(conversation):
        raise Refused(_("Files can be shared once the consultant has accepted a booking."))
    clean = None
    if attachment is not None:
        try:
            clean = clean_attachment(attachment)
        except AttachmentRejected as rejected:
            raise Refused(str(rejected)) from rejected
    limited = over_limit(f"messages:user:{sender.pk}", MESSAGES_PER_MEMBER_PER_MINUTE)
    if side == Party.ORGANIZATION:
        limited |= over_limit(
            f"messages:org:{conversation.organization_id}", MESSAGES_PER_ORGANIZATION_PER_MINUTE
        )
    if limited:
        raise RateLimited(_("Many messages in a short time. Please wait a minute."))
    signals = scam_signals(body) if side == Party.ORGANIZATION else []
    message = Message.objects.create(
        conversation=conversation,
        sender=sender,
        body=body,
        scam_signals=signals,
        send_key=send_key,
    )
    if clean is not None:
        content, content_type = clean
        Attachment.objects.create(
            message=message, file=content, content_type=content_type, size=content.size
        )
    conversation.last_message_at = message.created_at or timezone.now()
    conversation.save(update_fields=["last_message_at"])
    if signals:
        scam_report_create(
            target_kind=ReportTarget.MESSAGE,
            target_id=message.pk,
            organization=conversation.organization,
            signals=signals,
        )
    url = reverse("networking:conversation", args=[conversation.pk])
    key = f"message:{message.pk}"
    text = gettext_noop("You have a new message.")
    if side == Party.ORGANIZATION:
        notify(user=conversation.consultant, event_key=key, text=text, url=url)
    else:
        notify_many(
            users=organization_members(conversation.organization_id),
            event_key=key,
            text=text,
            url=url,
        )
    return message
