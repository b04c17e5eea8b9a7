"""The calendar page: a month grid of one consultant's own bookings and days off."""

import datetime
import re

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from networking.calendar_month import calendar_month, month_from_param
from networking.enums import BookingState
from networking.models import Booking, Preferences, UnavailableDate
from networking.services.bookings import booking_request
from tests.factories import published_profile
from tests.networking.conftest import booking_fields

pytestmark = pytest.mark.django_db
URL = reverse("networking:calendar")


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
        ("1999-12", datetime.date(2026, 11, 1)),
        ("2101-01", datetime.date(2026, 11, 1)),
        ("march", datetime.date(2026, 11, 1)),
        ("2027-03-05", datetime.date(2026, 11, 1)),
        ("", datetime.date(2026, 11, 1)),
        (None, datetime.date(2026, 11, 1)),
    ],
)
def test_the_month_asked_for_or_this_one(value, expected):
    assert month_from_param(value, today=datetime.date(2026, 11, 30)) == expected


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
    month = calendar_month(consultant=profile.consultant, first=first)
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


def test_a_booking_across_a_month_end_shows_on_each_of_its_days(profile, org_member):
    booking = _booking(
        profile,
        org_member,
        title="Two-day summit",
        starts_on=datetime.date(2027, 3, 31),
        ends_on=datetime.date(2027, 4, 1),
    )
    march = calendar_month(consultant=profile.consultant, first=datetime.date(2027, 3, 1))
    shown = {day.date for week in march.weeks for day in week if booking in day.bookings}
    assert shown == {datetime.date(2027, 3, 31), datetime.date(2027, 4, 1)}
    # The list under the grid names only this month's days.
    assert [day.date for day in march.days_with_entries] == [datetime.date(2027, 3, 31)]
    april = calendar_month(consultant=profile.consultant, first=datetime.date(2027, 4, 1))
    shown = {day.date for week in april.weeks for day in week if booking in day.bookings}
    assert shown == {datetime.date(2027, 3, 31), datetime.date(2027, 4, 1)}


def test_the_page_shows_a_booking_on_its_date_and_a_day_off(client, profile, org_member):
    booking = _booking(
        profile, org_member, title="Spring training day", starts_on=datetime.date(2027, 3, 12)
    )
    UnavailableDate.objects.create(consultant=profile.consultant, date=datetime.date(2027, 3, 15))
    client.force_login(profile.consultant)

    page = client.get(URL, {"month": "2027-03"}).content.decode()

    booking_url = reverse("networking:booking", args=[booking.pk])
    cell = _cell(page, datetime.date(2027, 3, 12))
    assert f'href="{booking_url}">Spring training day</a>' in cell
    assert "calendar__day--booked" in cell
    off = _cell(page, datetime.date(2027, 3, 15))
    assert "calendar__day--off" in off
    assert "Not available" in off
    assert booking_url not in _cell(page, datetime.date(2027, 3, 13))
    assert '<h2 id="calendar-month-heading">March 2027</h2>' in page
    assert '<th scope="col">' in page
    assert '<caption class="visually-hidden">' in page
    assert 'href="?month=2027-02"' in page
    assert 'href="?month=2027-04"' in page
    # The list under the grid, for phones and screen readers, with the weekday.
    assert '<time datetime="2027-03-12">Friday 12 March 2027</time>' in page
    assert '<time datetime="2027-03-15">Monday 15 March 2027</time>' in page


def test_today_is_marked(client, profile):
    client.force_login(profile.consultant)
    page = client.get(URL).content.decode()
    today = _cell(page, timezone.localdate())
    assert 'aria-current="date"' in today
    assert "Today" in today
    assert page.count('aria-current="date"') == 1


def test_another_consultants_bookings_and_days_off_are_never_shown(client, profile, org_member):
    other = published_profile(title="Someone Else", slug="someone-else")
    theirs = _booking(
        other, org_member, title="Their private workshop", starts_on=datetime.date(2027, 3, 12)
    )
    UnavailableDate.objects.create(consultant=other.consultant, date=datetime.date(2027, 3, 16))
    mine = _booking(profile, org_member, title="My talk", starts_on=datetime.date(2027, 3, 12))
    client.force_login(profile.consultant)

    page = client.get(URL, {"month": "2027-03"}).content.decode()

    assert "My talk" in page
    assert "Their private workshop" not in page
    assert str(theirs.pk) not in page
    assert "calendar__day--off" not in _cell(page, datetime.date(2027, 3, 16))
    client.force_login(other.consultant)
    page = client.get(URL, {"month": "2027-03"}).content.decode()
    assert "Their private workshop" in page
    assert str(mine.pk) not in page


def test_declined_cancelled_and_expired_requests_no_longer_take_the_day(
    client, profile, org_member
):
    for state in (BookingState.DECLINED, BookingState.CANCELLED, BookingState.EXPIRED):
        _booking(profile, org_member, title=f"Gone {state}", starts_on=datetime.date(2027, 3, 3))
        Booking.objects.filter(title=f"Gone {state}").update(state=state)
    _booking(
        profile,
        org_member,
        title="Still asked",
        starts_on=datetime.date(2027, 3, 4),
        state=BookingState.REQUESTED,
    )
    client.force_login(profile.consultant)
    page = client.get(URL, {"month": "2027-03"}).content.decode()
    assert "Gone" not in page
    assert "calendar__event--pending" in _cell(page, datetime.date(2027, 3, 4))


def test_only_a_consultant_has_a_calendar(client, org_member):
    client.force_login(org_member)
    assert client.get(URL).status_code == 404
    assert client.get(URL, {"month": "2027-03"}).status_code == 404


def test_a_month_out_of_range_shows_this_month_calmly(client, profile):
    client.force_login(profile.consultant)
    for value in ("9999-99", "<script>", "2027-00"):
        response = client.get(URL, {"month": value})
        assert response.status_code == 200
        this_month = timezone.localdate().strftime("%B %Y")
        assert f'<h2 id="calendar-month-heading">{this_month}</h2>' in response.content.decode()


def test_the_calendar_in_spanish(client, profile, org_member):
    _booking(profile, org_member, title="Taller", starts_on=datetime.date(2027, 3, 12))
    client.force_login(profile.consultant)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "es"
    page = client.get(URL, {"month": "2027-03"}).content.decode()
    assert '<h2 id="calendar-month-heading">Marzo de 2027</h2>' in page
    assert "En marzo de 2027" in page
    assert '<time datetime="2027-03-12">viernes, 12 de marzo de 2027</time>' in page
    assert "Febrero de 2027" in page
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
