"""Celery tasks of the circle: ids in, look up, act; each is safe to run twice."""

import logging
from datetime import timedelta

from celery import shared_task
from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from circle.enums import MemberStatus
from circle.models import Member
from circle.selectors.forum import digest_candidates, has_unread_since
from core.links import absolute_url
from core.models import SiteSettings

log = logging.getLogger("podium.circle")

# At most one reminder a member in this long. A little under a week, so that a weekly
# run a few minutes early still sends; a retried run in the same week finds it sent.
DIGEST_PERIOD = timedelta(days=6)


def _send_digest(member: Member) -> None:
    """The discreet reminder: that something is new, never what, where or from whom (an
    inbox may be read by someone else; the details stay behind the sign-in)."""
    user = member.user
    context = {
        "site_name": SiteSettings.load().site_name,
        "link": absolute_url(reverse("circle:home")),
        "settings_link": absolute_url(reverse("circle:settings")),
    }
    with translation.override(user.language or settings.LANGUAGE_CODE):
        subject = render_to_string("circle/forum/email/digest_subject.txt", context).strip()
        body = render_to_string("circle/forum/email/digest.txt", context)
    send_mail(subject, body, None, [user.email])


def digest_send_one(*, member_id: int, now) -> bool:
    """One member's reminder, if they still want it, are still in, were not reminded this
    period and have something unread that arrived since the last one."""
    with transaction.atomic():
        member = (
            Member.objects.select_for_update(of=("self",))
            .select_related("user")
            .filter(pk=member_id, status=MemberStatus.ACTIVE, wants_digest=True)
            .first()
        )
        if member is None:
            return False
        if member.digest_sent_at and member.digest_sent_at > now - DIGEST_PERIOD:
            return False
        if not has_unread_since(user=member.user, since=member.digest_sent_at):
            return False
        # The e-mail joins the outbox in this transaction: sent once, with the mark.
        _send_digest(member)
        member.digest_sent_at = now
        member.save(update_fields=["digest_sent_at"])
    return True


@shared_task(name="circle.send_digests")
def send_digests() -> int:
    """The weekly reminder to every member who asked for it and has something new (beat)."""
    now = timezone.now()
    due = digest_candidates().exclude(digest_sent_at__gt=now - DIGEST_PERIOD)
    sent = sum(
        digest_send_one(member_id=member_id, now=now)
        for member_id in due.values_list("pk", flat=True).iterator()
    )
    log.info("circle digests sent count=%s", sent)
    return sent
