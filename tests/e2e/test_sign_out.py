"""After signing out, Back shows nothing of the account (no-store, Clear-Site-Data)."""

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import sign_in, url

pytestmark = [
    pytest.mark.browser,
    # Real transactions: the live server answers the browser on its own thread and connection.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_back_after_sign_out_shows_nothing_of_the_account(page, live_server, consultant):
    sign_in(page, live_server, consultant)
    expect(page.get_by_role("heading", name="Your dashboard")).to_be_visible()
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_url(url(live_server, "/"))
    page.go_back()

    page.wait_for_load_state()
    assert "Your dashboard" not in page.content()
    assert consultant.email not in page.content()
    assert "/accounts/login/" in page.url


def test_session_cookie_is_gone_after_sign_out(page, live_server, consultant):
    sign_in(page, live_server, consultant)
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_url(url(live_server, "/"))

    names = {cookie["name"] for cookie in page.context.cookies()}
    assert "sessionid" not in names
