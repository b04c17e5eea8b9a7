"""A consultant's calendar: days marked unavailable, and the owner of a feed address."""

from datetime import timedelta

from django.db.models import QuerySet
from django.utils import timezone

from networking.enums import BookingState
from networking.models import Booking, Preferences, UnavailableDate
from networking.viewer import as_viewer


def unavailable_days(*, consultant, since) -> QuerySet:
    return UnavailableDate.objects.filter(consultant_id=as_viewer(consultant).pk, date__gte=since)


def calendar_owner(*, token: str):
    """The person whose calendar feed this secret address is, or None."""
    preferences = Preferences.objects.select_related("user").filter(calendar_token=token).first()
    return preferences.user if preferences is not None else None


def calendar_bookings(*, consultant) -> QuerySet:
    """What the consultant's calendar feed lists: confirmed and completed bookings, from a
    year back on."""
    return Booking.objects.filter(
        consultant_id=as_viewer(consultant).pk,
        state__in=[BookingState.CONFIRMED, BookingState.COMPLETED],
        ends_on__gte=timezone.localdate() - timedelta(days=365),
    ).select_related("organization")
