import secrets
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from core.links import absolute_url
from networking.errors import Forbidden, Refused
from networking.models import Preferences, UnavailableDate
from networking.selectors import calendar_bookings
from networking.viewer import as_viewer

MAX_UNAVAILABLE_AHEAD_DAYS = 730


def _require_calendar(consultant) -> None:
    if not as_viewer(consultant).has_perm("networking.use_calendar"):
        raise Forbidden(_("Only consultants keep a calendar."))


def unavailable_add(*, consultant, day) -> UnavailableDate:
    _require_calendar(consultant)
    today = timezone.localdate()
    if not today <= day <= today + timedelta(days=MAX_UNAVAILABLE_AHEAD_DAYS):
        raise Refused(_("Choose a date from today up to two years ahead."), field="date")
    try:
        with transaction.atomic():
            return UnavailableDate.objects.create(consultant=consultant, date=day)
    except IntegrityError:
        return UnavailableDate.objects.get(consultant=consultant, date=day)


def unavailable_remove(*, consultant, day_id: int) -> None:
    _require_calendar(consultant)
    UnavailableDate.objects.filter(consultant=consultant, pk=day_id).delete()


@transaction.atomic
def calendar_token_reset(*, consultant) -> str:
    """A new secret address for the calendar feed; the old one stops working at once."""
    _require_calendar(consultant)
    preferences, _created = Preferences.objects.get_or_create(user=consultant)
    preferences.calendar_token = secrets.token_urlsafe(32)
    preferences.save(update_fields=["calendar_token"])
    return preferences.calendar_token


def calendar_feed(*, consultant) -> bytes:
    """The consultant's confirmed bookings as iCalendar, for their own calendar app.

    The feed's address is a secret, so it may hold what the consultant sees: titles,
    organizations and, once released, the venue.
    """
    calendar = Calendar()
    calendar.add("prodid", "-//Podium//Bookings//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "Podium")
    bookings = calendar_bookings(consultant=consultant)
    stamp = timezone.now()
    for booking in bookings:
        event = Event()
        event.add("uid", f"{booking.pk}@podium")
        event.add("dtstamp", stamp)
        event.add("dtstart", booking.starts_on)
        event.add("dtend", booking.ends_on + timedelta(days=1))  # all-day, end exclusive
        event.add("summary", f"{booking.title} ({booking.organization.name})")
        event.add("location", booking.venue)
        event.add("url", absolute_url(reverse("networking:booking", args=[booking.pk])))
        calendar.add_component(event)
    return calendar.to_ical()
