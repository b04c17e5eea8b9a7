"""The browser under test reaches only this machine: no test depends on the internet, and
no page of the suite's can call out to it."""

import pytest
from playwright.sync_api import Error, expect

from tests.e2e.conftest import url

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.mark.parametrize("address", ["https://example.com/", "http://192.0.2.1/"])
def test_another_host_is_refused_at_once(page, address):
    with pytest.raises(Error, match="ERR_PROXY_CONNECTION_FAILED"):
        page.goto(address, timeout=5_000)


def test_the_live_server_is_reached_directly(page, live_server):
    response = page.goto(url(live_server, "/"))

    assert response.status == 200
    expect(page.get_by_role("link", name="Quick exit")).to_be_visible()
