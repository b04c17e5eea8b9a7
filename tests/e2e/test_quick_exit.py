"""The quick exit leaves at once, by click and by keyboard, and Back does not return."""

import re

import pytest

from tests.e2e.conftest import stand_in_for_other_sites, url

pytestmark = [
    pytest.mark.browser,
    # Real transactions: the live server answers the browser on its own thread and connection.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

NEUTRAL = re.compile(r"^https://www\.bbc\.co\.uk/weather")


@pytest.fixture
def page(page):
    """The quick exit's destination is another site: a stand-in page answers for it."""
    return stand_in_for_other_sites(page)


def open_two_pages(page, live_server):
    """A visit of two pages: the quick exit must leave the one it is pressed on."""
    page.goto(url(live_server, "/"))
    page.goto(url(live_server, "/accounts/signup/"))


def assert_left_for_good(page, left_url):
    page.wait_for_url(NEUTRAL)
    assert page.title() == "Weather"
    page.go_back()
    # location.replace overwrote the page's history entry: Back skips it.
    assert page.url != left_url
    assert "/accounts/signup/" not in page.url


def test_the_button_is_the_first_thing_in_tab_order(page, live_server):
    page.goto(url(live_server, "/"))
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.hasAttribute('data-quick-exit')")
    assert focused is True


def test_clicking_leaves_and_back_does_not_return(page, live_server):
    open_two_pages(page, live_server)
    left = page.url

    page.get_by_role("link", name="Quick exit").click()

    assert_left_for_good(page, left)


def test_enter_on_the_focused_button_leaves(page, live_server):
    open_two_pages(page, live_server)
    left = page.url

    page.keyboard.press("Tab")
    page.keyboard.press("Enter")

    assert_left_for_good(page, left)


def test_escape_three_times_leaves_and_back_does_not_return(page, live_server):
    open_two_pages(page, live_server)
    left = page.url
    page.get_by_label("Email").fill("typing something")  # Esc works inside a form too

    for _ in range(3):
        page.keyboard.press("Escape")

    assert_left_for_good(page, left)


def test_escape_once_or_twice_stays(page, live_server):
    open_two_pages(page, live_server)
    page.keyboard.press("Escape")
    page.keyboard.press("Escape")
    # The key handler runs while each press is dispatched, and leaving starts there by
    # marking the page and blanking its title: neither has happened.
    assert page.evaluate("document.documentElement.classList.contains('is-exiting')") is False
    assert page.title() != ""
    assert "/accounts/signup/" in page.url


def test_without_javascript_it_is_a_plain_link(browser, live_server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.route(
        NEUTRAL,
        lambda route: route.fulfill(
            status=200, content_type="text/html", body="<title>Weather</title>"
        ),
    )
    page.goto(url(live_server, "/"))

    page.get_by_role("link", name="Quick exit").click()

    page.wait_for_url(NEUTRAL)
    context.close()


def test_the_destination_comes_from_site_settings(page, live_server):
    from core.models import SiteSettings

    settings = SiteSettings.load()
    settings.quick_exit_url = "https://www.bbc.co.uk/weather/2643743"
    settings.save()

    page.goto(url(live_server, "/"))
    href = page.get_by_role("link", name="Quick exit").get_attribute("href")
    assert href == "https://www.bbc.co.uk/weather/2643743"
