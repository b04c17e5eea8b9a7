"""The per-address limit on directory and profile pages.

The throttle's clock is pinned for every test (tests/conftest.py), so no window ends
halfway through a count; `throttle_clock` moves it on.
"""

import pytest

pytestmark = pytest.mark.django_db


def test_the_limit_answers_429_with_retry_after_and_spares_other_pages(client, settings):
    settings.PODIUM_DIRECTORY_RATE_PER_MINUTE = 5

    statuses = [client.get("/speakers/").status_code for _ in range(6)]

    assert statuses == [200] * 5 + [429]
    refused = client.get("/speakers/x/")
    assert refused.status_code == 429
    assert refused["Retry-After"] == "60"
    assert "Too many pages in a short time" in refused.content.decode()
    assert client.get("/").status_code == 200  # the rest of the site is not limited


def test_each_address_has_its_own_count(client, settings):
    settings.PODIUM_DIRECTORY_RATE_PER_MINUTE = 2
    for _ in range(3):
        client.get("/speakers/", REMOTE_ADDR="10.0.0.1")

    assert client.get("/speakers/", REMOTE_ADDR="10.0.0.2").status_code == 200
    assert client.get("/speakers/", REMOTE_ADDR="10.0.0.1").status_code == 429


def test_behind_a_trusted_proxy_the_visitor_is_counted_not_the_proxy(client, settings):
    settings.PODIUM_DIRECTORY_RATE_PER_MINUTE = 2
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    proxy = {"REMOTE_ADDR": "10.0.0.9"}
    for _ in range(3):
        client.get("/speakers/", HTTP_X_FORWARDED_FOR="203.0.113.5", **proxy)

    assert client.get("/speakers/", HTTP_X_FORWARDED_FOR="203.0.113.6", **proxy).status_code == 200


def test_the_default_allows_ordinary_browsing_and_stops_a_scraper(settings):
    # Two pages a second for a minute is more than a person reads; 200 a minute is a
    # scraper.
    assert settings.PODIUM_DIRECTORY_RATE_PER_MINUTE == 120


def test_zero_turns_the_limit_off(client, settings):
    settings.PODIUM_DIRECTORY_RATE_PER_MINUTE = 0
    assert {client.get("/speakers/").status_code for _ in range(3)} == {200}


def test_the_count_starts_again_in_the_next_window(client, settings, throttle_clock):
    settings.PODIUM_DIRECTORY_RATE_PER_MINUTE = 2
    statuses = [client.get("/speakers/").status_code for _ in range(3)]
    throttle_clock.now += 49  # still the same minute

    assert statuses == [200, 200, 429]
    assert client.get("/speakers/").status_code == 429
    throttle_clock.now += 1  # the next minute
    assert client.get("/speakers/").status_code == 200
