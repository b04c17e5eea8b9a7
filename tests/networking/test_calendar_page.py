"""The calendar page: a month grid of one consultant's own bookings and days off."""

import datetime
import re

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import override

from networking.calendar_month import calendar_month, month_from_param
from networking.enums import BookingState
from networking.models import Booking, Preferences, UnavailableDate
from networking.services.bookings import booking_request
from tests.factories import published_profile
from tests.networking.conftest import booking_fields

pytestmark = pytest.mark.django_db
URL = reverse("networking:calendar")
TODAY = datetime.date(2026, 11, 30)


def _month_ahead(months: int) -> datetime.date:
    """The first of a month some months after this one, for the pages, which read today."""
    first = timezone.localdate().replace(day=1)
    index = first.year * 12 + first.month - 1 + months
    return datetime.date(index // 12, index % 12 + 1, 1)


def _words(day: datetime.date, language: str = "en", fmt: str = "DATE_FORMAT") -> str:
    with override(language):
        return date_format(day, fmt)


def _booking(profile, org_member, *, title, starts_on, ends_on=None, state="confirmed"):
    booking = booking_request(
        actor=org_member, consultant=profile.consultant, **booking_fields(title=title)
    )
    Booking.objects.filter(pk=booking.pk).update(
        starts_on=starts_on, ends_on=ends_on or starts_on, state=state
    )
    return Booking.objects.get(pk=booking.pk)


def _cell(page: str, day: datetime.date) -> str:
    """The <td> of one date in the grid."""
    match = re.search(
        r'<td class="calendar__day[^"]*"[^>]*>\s*<time class="calendar__date" datetime="'
        + day.isoformat()
        + r'">.*?</td>',
        page,
        re.S,
    )
    assert match, f"no cell for {day}"
    return match.group(0)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2027-03", datetime.date(2027, 3, 1)),
        ("2027-3", datetime.date(2027, 3, 1)),
        ("2027-13", datetime.date(2026, 11, 1)),
        ("2025-11", datetime.date(2025, 11, 1)),  # a year back: the first month shown
        ("2025-10", datetime.date(2026, 11, 1)),
        ("2028-11", datetime.date(2028, 11, 1)),  # two years ahead: the last
        ("2028-12", datetime.date(2026, 11, 1)),
        ("99999-01", datetime.date(2026, 11, 1)),
        ("march", datetime.date(2026, 11, 1)),
        ("2027-03-05", datetime.date(2026, 11, 1)),
        ("", datetime.date(2026, 11, 1)),
        (None, datetime.date(2026, 11, 1)),
    ],
)
def test_the_month_asked_for_or_this_one(value, expected):
    assert month_from_param(value, today=TODAY) == expected


@pytest.mark.parametrize(
    ("first", "grid_start", "grid_end", "previous", "following"),
    [
        # March 2027 begins on a Monday and ends on a Wednesday.
        (datetime.date(2027, 3, 1), (2027, 3, 1), (2027, 4, 4), (2027, 2, 1), (2027, 4, 1)),
        # December 2026 begins on a Tuesday; the next month is in the next year.
        (datetime.date(2026, 12, 1), (2026, 11, 30), (2027, 1, 3), (2026, 11, 1), (2027, 1, 1)),
        # January's previous month is in the year before.
        (datetime.date(2027, 1, 1), (2026, 12, 28), (2027, 1, 31), (2026, 12, 1), (2027, 2, 1)),
        # February 2027: exactly four weeks, Monday 1 to Sunday 28.
        (datetime.date(2027, 2, 1), (2027, 2, 1), (2027, 2, 28), (2027, 1, 1), (2027, 3, 1)),
    ],
)
def test_the_month_grid_is_whole_weeks_from_monday_across_month_ends(
    profile, first, grid_start, grid_end, previous, following
):
    month = calendar_month(consultant=profile.consultant, first=first, today=TODAY)
    days = [day.date for week in month.weeks for day in week]
    assert days[0] == datetime.date(*grid_start)
    assert days[-1] == datetime.date(*grid_end)
    assert all(len(week) == 7 for week in month.weeks)
    assert days == [days[0] + datetime.timedelta(days=n) for n in range(len(days))]
    assert {day.date.weekday() for day in month.weeks[0]} == set(range(7))
    assert month.weeks[0][0].date.weekday() == 0  # Monday
    in_month = [day.date for week in month.weeks for day in week if day.in_month]
    assert in_month[0] == first
    assert in_month[-1].month == first.month
    assert (in_month[-1] + datetime.timedelta(days=1)).month != first.month
    assert (month.previous, month.next) == (datetime.date(*previous), datetime.date(*following))


def test_paging_stops_a_year_back_and_two_years_ahead(profile):
    earliest = calendar_month(
        consultant=profile.consultant, first=datetime.date(2025, 11, 1), today=TODAY
    )
    assert (earliest.previous, earliest.next) == (None, datetime.date(2025, 12, 1))
    latest = calendar_month(
        consultant=profile.consultant, first=datetime.date(2028, 11, 1), today=TODAY
    )
    assert (latest.previous, latest.next) == (datetime.date(2028, 10, 1), None)


def test_a_booking_across_a_month_end_shows_on_each_of_its_days(profile, org_member):
    booking = _booking(
        profile,
        org_member,
        title="Two-day summit",
        starts_on=datetime.date(2027, 3, 31),
        ends_on=datetime.date(2027, 4, 1),
    )
    march = calendar_month(
        consultant=profile.consultant, first=datetime.date(2027, 3, 1), today=TODAY
    )
    shown = {day.date for week in march.weeks for day in week if booking in day.bookings}
    assert shown == {datetime.date(2027, 3, 31), datetime.date(2027, 4, 1)}
    # The list under the grid names only this month's days.
    assert [day.date for day in march.days_with_entries] == [datetime.date(2027, 3, 31)]
    april = calendar_month(
        consultant=profile.consultant, first=datetime.date(2027, 4, 1), today=TODAY
    )
    shown = {day.date for week in april.weeks for day in week if booking in day.bookings}
    assert shown == {datetime.date(2027, 3, 31), datetime.date(2027, 4, 1)}


def test_the_page_shows_a_booking_on_its_date_and_a_day_off(client, profile, org_member):
    first = _month_ahead(2)
    day, off_day = first.replace(day=12), first.replace(day=15)
    booking = _booking(profile, org_member, title="Spring training day", starts_on=day)
    UnavailableDate.objects.create(consultant=profile.consultant, date=off_day)
    client.force_login(profile.consultant)

    page = client.get(URL, {"month": f"{first:%Y-%m}"}).content.decode()

    booking_url = reverse("networking:booking", args=[booking.pk])
    cell = _cell(page, day)
    assert f'href="{booking_url}">Spring training day</a>' in cell
    assert "calendar__day--booked" in cell
    assert "pending" not in cell  # confirmed: a full band and dot
    off = _cell(page, off_day)
    assert "calendar__day--off" in off
    assert "Not available" in off
    assert booking_url not in _cell(page, first.replace(day=13))
    heading = _words(first, fmt="YEAR_MONTH_FORMAT")
    assert f'<h2 id="calendar-month-heading">{heading}</h2>' in page
    assert '<th scope="col">' in page
    assert '<caption class="visually-hidden">' in page
    assert f'href="?month={_month_ahead(1):%Y-%m}"' in page
    assert f'href="?month={_month_ahead(3):%Y-%m}"' in page
    # The list under the grid, for phones and screen readers, with the weekday.
    for listed in (day, off_day):
        words = f"{listed:%A} {_words(listed)}"
        assert f'<time datetime="{listed.isoformat()}">{words}</time>' in page


def test_today_is_marked(client, profile):
    client.force_login(profile.consultant)
    page = client.get(URL).content.decode()
    today = _cell(page, timezone.localdate())
    assert 'aria-current="date"' in today
    assert "Today" in today
    assert page.count('aria-current="date"') == 1


def test_another_consultants_bookings_and_days_off_are_never_shown(client, profile, org_member):
    first = _month_ahead(1)
    day = first.replace(day=12)
    other = published_profile(title="Someone Else", slug="someone-else")
    theirs = _booking(other, org_member, title="Their private workshop", starts_on=day)
    UnavailableDate.objects.create(consultant=other.consultant, date=first.replace(day=16))
    mine = _booking(profile, org_member, title="My talk", starts_on=day)
    client.force_login(profile.consultant)

    page = client.get(URL, {"month": f"{first:%Y-%m}"}).content.decode()

    assert "My talk" in page
    assert "Their private workshop" not in page
    assert str(theirs.pk) not in page
    assert "calendar__day--off" not in _cell(page, first.replace(day=16))
    client.force_login(other.consultant)
    page = client.get(URL, {"month": f"{first:%Y-%m}"}).content.decode()
    assert "Their private workshop" in page
    assert str(mine.pk) not in page


def test_declined_cancelled_and_expired_requests_no_longer_take_the_day(
    client, profile, org_member
):
    first = _month_ahead(1)
    for state in (BookingState.DECLINED, BookingState.CANCELLED, BookingState.EXPIRED):
        _booking(profile, org_member, title=f"Gone {state}", starts_on=first.replace(day=3))
        Booking.objects.filter(title=f"Gone {state}").update(state=state)
    _booking(
        profile,
        org_member,
        title="Still asked",
        starts_on=first.replace(day=4),
        state=BookingState.REQUESTED,
    )
    client.force_login(profile.consultant)
    page = client.get(URL, {"month": f"{first:%Y-%m}"}).content.decode()
    assert "Gone" not in page
    asked = _cell(page, first.replace(day=4))
    assert "calendar__event--pending" in asked
    assert "calendar__marker--pending" in asked


def test_only_a_consultant_has_a_calendar(client, org_member):
    client.force_login(org_member)
    assert client.get(URL).status_code == 404
    assert client.get(URL, {"month": "2027-03"}).status_code == 404


def test_a_month_out_of_range_shows_this_month_calmly(client, profile):
    client.force_login(profile.consultant)
    this_month = _words(timezone.localdate(), fmt="YEAR_MONTH_FORMAT")
    for value in ("9999-99", "<script>", "2027-00", f"{_month_ahead(25):%Y-%m}"):
        response = client.get(URL, {"month": value})
        assert response.status_code == 200
        assert f'<h2 id="calendar-month-heading">{this_month}</h2>' in response.content.decode()


def test_the_calendar_in_spanish(client, profile, org_member):
    first = _month_ahead(2)
    day = first.replace(day=12)
    _booking(profile, org_member, title="Taller", starts_on=day)
    client.force_login(profile.consultant)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "es"
    page = client.get(URL, {"month": f"{first:%Y-%m}"}).content.decode()
    month = _words(first, "es", "YEAR_MONTH_FORMAT")  # "marzo de 2027"
    assert month.endswith(f" de {first.year}")
    assert f'<h2 id="calendar-month-heading">{month.capitalize()}</h2>' in page
    assert f"En {month}" in page
    with override("es"):
        weekday = date_format(day, "l")
    assert f'<time datetime="{day.isoformat()}">{weekday}, {_words(day, "es")}</time>' in page
    assert _words(_month_ahead(1), "es", "YEAR_MONTH_FORMAT").capitalize() in page
    assert "Copiar la dirección" in page


def test_the_feed_address_can_be_copied_and_stays_secret(client, profile):
    client.force_login(profile.consultant)
    page = client.get(URL).content.decode()
    token = Preferences.objects.get(user=profile.consultant).calendar_token
    feed = reverse("networking:calendar_feed", args=[token])
    assert re.search(r'<input id="feed-url" type="text" readonly value="[^"]*' + feed, page)
    assert "data-copy-button hidden>Copy address</button>" in page
    assert 'role="status" aria-live="polite"' in page
    assert "js/copy-feed.js" in page
    client.post(reverse("networking:calendar_reset"))
    assert client.get(feed).status_code == 404
    assert feed not in client.get(URL).content.decode()


def test_the_page_makes_as_many_queries_for_one_booking_as_for_twenty(client, profile, org_member):
    first = _month_ahead(1)
    client.force_login(profile.consultant)

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(URL, {"month": f"{first:%Y-%m}"}).status_code == 200
        return len(captured)

    _booking(profile, org_member, title="Talk 0", starts_on=first.replace(day=2))
    queries()  # the first visit makes the feed's token and warms the site's caches
    one = queries()
    for n in range(1, 20):
        cache.clear()  # the daily request limit is not what is measured here
        _booking(profile, org_member, title=f"Talk {n}", starts_on=first.replace(day=n + 2))
        UnavailableDate.objects.get_or_create(
            consultant=profile.consultant, date=first.replace(day=n % 5 + 1)
        )
    assert queries() == one
