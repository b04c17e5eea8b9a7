"""Celery tasks: ids in, look up, call a service. Each is safe to run twice."""

import logging
from datetime import timedelta

from celery import shared_task
from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from core.links import absolute_url
from core.models import SiteSettings
from networking.enums import EmailFrequency, OpportunityStatus
from networking.matching import opportunity_match
from networking.models import Notification, Opportunity, Preferences
from networking.services.bookings import bookings_expire_stale
from networking.services.money import invoices_remind_overdue

log = logging.getLogger("podium.networking")


def _send_update_email(user, count: int) -> None:
    """The discreet e-mail: that something happened, never what (an inbox may be read by
    someone else, so the details stay behind the sign-in)."""
    context = {
        "site_name": SiteSettings.load().site_name,
        "count": count,
        "link": absolute_url(reverse("networking:notifications")),
    }
    with translation.override(user.language or settings.LANGUAGE_CODE):
        subject = render_to_string("networking/email/update_subject.txt", context).strip()
        body = render_to_string("networking/email/update.txt", context)
    send_mail(subject, body, None, [user.email])


def _frequency(user) -> str:
    prefs = Preferences.objects.filter(user=user).only("email_frequency").first()
    return prefs.email_frequency if prefs else EmailFrequency.IMMEDIATE


@shared_task(name="networking.deliver_notification", acks_late=True)
def deliver_notification(notification_id: str) -> bool:
    """E-mail one notification if the person wants e-mail right away; never twice."""
    with transaction.atomic():
        notification = (
            Notification.objects.select_for_update(of=("self",))
            .select_related("user")
            .filter(pk=notification_id, emailed_at__isnull=True)
            .first()
        )
        if notification is None or _frequency(notification.user) != EmailFrequency.IMMEDIATE:
            return False
        _send_update_email(notification.user, 1)
        notification.emailed_at = timezone.now()
        notification.save(update_fields=["emailed_at"])
    return True


@shared_task(name="networking.send_digests")
def send_digests() -> int:
    """One e-mail a day to each person on the daily digest with something new (beat)."""
    now = timezone.now()
    due = Preferences.objects.filter(email_frequency=EmailFrequency.DAILY).exclude(
        last_digest_at__gt=now - timedelta(hours=23)
    )
    sent = 0
    for prefs in due.select_related("user").iterator():
        with transaction.atomic():
            locked = Preferences.objects.select_for_update().get(pk=prefs.pk)
            if locked.last_digest_at and locked.last_digest_at > now - timedelta(hours=23):
                continue
            pending = Notification.objects.filter(user=prefs.user, emailed_at__isnull=True)
            count = pending.count()
            if count:
                _send_update_email(prefs.user, count)
                pending.update(emailed_at=now)
                sent += 1
            locked.last_digest_at = now
            locked.save(update_fields=["last_digest_at"])
    return sent


@shared_task(name="networking.expire_bookings")
def expire_bookings() -> int:
    """Requests nobody answered in BOOKING_ANSWER_DAYS become expired (beat)."""
    count = bookings_expire_stale(now=timezone.now())
    log.info("bookings expired count=%s", count)
    return count


@shared_task(name="networking.match_opportunity", acks_late=True)
def match_opportunity(opportunity_id: str) -> int:
    """Rank consultants for a newly opened opportunity and notify the best matches."""
    opportunity = Opportunity.objects.filter(
        pk=opportunity_id, status=OpportunityStatus.OPEN
    ).first()
    if opportunity is None:
        return 0
    return opportunity_match(opportunity=opportunity)


@shared_task(name="networking.remind_overdue_invoices")
def remind_overdue_invoices() -> int:
    """Mark unpaid invoices overdue and remind both sides once a week (beat, daily)."""
    return invoices_remind_overdue(today=timezone.localdate())
