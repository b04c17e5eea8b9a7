"""The calendar page in Chromium: the month grid, the list on a phone, copying the feed."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from networking.models import Booking, Preferences, UnavailableDate
from networking.services.bookings import booking_request
from tests.e2e.conftest import axe_violations, sign_in, url
from tests.factories import OrganizationFactory, member_of, published_profile
from tests.networking.conftest import booking_fields

pytestmark = [
    pytest.mark.browser,
    # Real transactions: the live server answers the browser on its own thread and connection.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def consultant_with_a_month(db):
    profile = published_profile(title="Rosa Calder")
    organization = OrganizationFactory(name="Lakeside Learning Trust")
    booking = booking_request(
        actor=member_of(organization),
        consultant=profile.consultant,
        **booking_fields(title="Spring training day"),
    )
    first = timezone.localdate().replace(day=1) + datetime.timedelta(days=40)
    day = first.replace(day=12)
    Booking.objects.filter(pk=booking.pk).update(starts_on=day, ends_on=day, state="confirmed")
    UnavailableDate.objects.create(consultant=profile.consultant, date=day.replace(day=15))
    return profile.consultant, day


@pytest.mark.parametrize("width", [390, 1366])
def test_the_month_grid_and_its_list(page, live_server, consultant_with_a_month, width):
    consultant, day = consultant_with_a_month
    page.set_viewport_size({"width": width, "height": 900})
    sign_in(page, live_server, consultant)
    page.goto(url(live_server, f"/network/calendar/?month={day:%Y-%m}"))

    grid = page.get_by_role("table")
    assert grid.get_by_role("columnheader").count() == 7
    # Each weekday's short name on one line ("Mon", never "Mo" above "n").
    lines = page.evaluate(
        "[...document.querySelectorAll('.calendar th [aria-hidden]')]"
        ".map(name => name.getClientRects().length)"
    )
    assert lines == [1] * 7
    cell_link = grid.get_by_role("link", name="Spring training day")
    if width > 700:
        expect(cell_link).to_be_visible()  # the title on a desk
    else:
        expect(cell_link).not_to_be_visible()  # a dot on a phone
    listed = page.locator(".calendar-list").get_by_role("link", name="Spring training day")
    expect(listed).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert axe_violations(page) == []
    listed.click()
    page.wait_for_url(f"**/network/bookings/{Booking.objects.get().pk}/")


def test_copy_the_feed_address(page, live_server, consultant_with_a_month):
    consultant, _day = consultant_with_a_month
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    sign_in(page, live_server, consultant)
    page.goto(url(live_server, "/network/calendar/"))
    token = Preferences.objects.get(user=consultant).calendar_token

    page.get_by_role("button", name="Copy address").click()

    page.get_by_role("status").filter(has_text="Address copied").wait_for()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.endswith(f"/network/calendar/{token}.ics")
    assert page.get_by_label("Calendar address").input_value() == copied

    # A new address asks first; the old one then stops working.
    page.get_by_text("Make a new address", exact=True).click()
    page.get_by_role("button", name="Yes, make a new address").click()
    page.get_by_text("Your calendar has a new address").wait_for()
    new_token = Preferences.objects.get(user=consultant).calendar_token
    assert new_token != token
    assert page.get_by_label("Calendar address").input_value().endswith(f"/{new_token}.ics")
    assert axe_violations(page) == []


def test_without_javascript_the_address_is_there_to_select(
    browser, live_server, consultant_with_a_month
):
    consultant, _day = consultant_with_a_month
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    sign_in(page, live_server, consultant)
    page.goto(url(live_server, "/network/calendar/"))
    field = page.get_by_label("Calendar address")
    expect(field).to_be_visible()
    assert field.get_attribute("readonly") is not None
    assert field.input_value().endswith(".ics")
    expect(page.get_by_role("button", name="Copy address")).not_to_be_visible()
    context.close()
