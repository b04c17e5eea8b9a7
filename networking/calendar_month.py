"""The calendar page's read path: one month of a consultant's bookings and days off.

Only the consultant's own rows are ever read: both queries filter on them, and nothing
here takes an id from the address.
"""

import calendar
import datetime
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.formats import get_format

from networking.enums import ACTIVE, BookingState
from networking.models import Booking, UnavailableDate

# Bookings that hold a date: still being agreed, confirmed, or done. Declined, cancelled
# and expired requests no longer take the day.
SHOWN_STATES = (*ACTIVE, BookingState.COMPLETED)
CONFIRMED_STATES = (BookingState.CONFIRMED, BookingState.COMPLETED)
# The months the page pages through: a year back (the feed's reach too) and two years
# ahead (as far as days off can be set). A bounded range, so that paging never runs on.
MONTHS_BACK, MONTHS_AHEAD = 12, 24


@dataclass
class Day:
    date: datetime.date
    in_month: bool
    is_today: bool
    unavailable: UnavailableDate | None = None
    bookings: list = field(default_factory=list)

    @property
    def only_pending(self) -> bool:
        """Every booking of the day is still being agreed: none is confirmed."""
        return bool(self.bookings) and all(
            booking.state not in CONFIRMED_STATES for booking in self.bookings
        )

    @property
    def has_entries(self) -> bool:
        return bool(self.bookings) or self.unavailable is not None


@dataclass
class Month:
    first: datetime.date
    previous: datetime.date | None
    next: datetime.date | None
    weeks: list[list[Day]]
    weekdays: list[datetime.date]  # one date per column, to name the weekday in any language

    @property
    def days_with_entries(self) -> list[Day]:
        return [day for week in self.weeks for day in week if day.in_month and day.has_entries]


def month_range(today: datetime.date) -> tuple[datetime.date, datetime.date]:
    this_month = today.replace(day=1)
    return _shift(this_month, -MONTHS_BACK), _shift(this_month, MONTHS_AHEAD)


def month_from_param(value: str | None, *, today: datetime.date) -> datetime.date:
    """The first of the month asked for as "2027-03"; this month when absent, unreadable
    or outside the range the page shows."""
    this_month = today.replace(day=1)
    try:
        year, month = (int(part) for part in (value or "").split("-"))
        first = datetime.date(year, month, 1)
    except ValueError:
        return this_month
    earliest, latest = month_range(today)
    return first if earliest <= first <= latest else this_month


def calendar_month(
    *, consultant, first: datetime.date, today: datetime.date | None = None
) -> Month:
    """The weeks that show `first`'s month, whole weeks, with the consultant's entries.

    Days from the neighbouring months that fill the first and last weeks carry their
    entries too, so that a booking across a month's end shows on both of its days.
    """
    today = today or timezone.localdate()
    # Django numbers weekdays from Sunday (0), Python's calendar from Monday (0).
    first_weekday = (int(get_format("FIRST_DAY_OF_WEEK")) - 1) % 7
    weeks = calendar.Calendar(first_weekday).monthdatescalendar(first.year, first.month)
    start, end = weeks[0][0], weeks[-1][-1]

    days = {
        date: Day(date=date, in_month=date.month == first.month, is_today=date == today)
        for week in weeks
        for date in week
    }
    for unavailable in UnavailableDate.objects.filter(
        consultant=consultant, date__range=(start, end)
    ):
        days[unavailable.date].unavailable = unavailable
    bookings = (
        Booking.objects.filter(
            consultant=consultant,
            state__in=SHOWN_STATES,
            starts_on__lte=end,
            ends_on__gte=start,
        )
        .select_related("organization")
        .order_by("starts_on", "title")
    )
    for booking in bookings:
        date = max(booking.starts_on, start)
        while date <= min(booking.ends_on, end):
            days[date].bookings.append(booking)
            date += datetime.timedelta(days=1)

    previous, following = _shift(first, -1), _shift(first, 1)
    earliest, latest = month_range(today)
    return Month(
        first=first,
        previous=previous if previous >= earliest else None,
        next=following if following <= latest else None,
        weeks=[[days[date] for date in week] for week in weeks],
        weekdays=weeks[0],
    )


def _shift(first: datetime.date, months: int) -> datetime.date:
    index = first.year * 12 + first.month - 1 + months
    return datetime.date(index // 12, index % 12 + 1, 1)
