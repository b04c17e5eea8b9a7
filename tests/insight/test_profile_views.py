"""Profile views: daily counters by kind of visitor, and nothing about the visitor."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from accounts.enums import Role
from insight.counting import VIEWS_PER_WINDOW
from insight.models import ProfileViewDay
from tests.factories import (
    ConsultantFactory,
    OrganizationFactory,
    UserFactory,
    member_of,
    published_profile,
)

pytestmark = pytest.mark.django_db
BROWSER = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"


@pytest.fixture
def profile(db):
    return published_profile(title="Rosa Calder")


def _see(client, profile, agent=BROWSER, **headers):
    return client.get(reverse("insight:seen", args=[profile.pk]), HTTP_USER_AGENT=agent, **headers)


def _counts(profile):
    return dict(ProfileViewDay.objects.filter(profile=profile).values_list("kind", "count"))


def test_the_profile_page_carries_the_counting_image(client, profile):
    html = client.get(profile.url, HTTP_USER_AGENT=BROWSER).content.decode()
    assert f'src="{reverse("insight:seen", args=[profile.pk])}"' in html
    # Rendering the page counts nothing: the image does.
    assert _counts(profile) == {}


def test_views_are_counted_by_kind_of_visitor(client, profile):
    _see(client, profile, REMOTE_ADDR="198.51.100.4")
    _see(client, profile, REMOTE_ADDR="198.51.100.5")
    client.force_login(ConsultantFactory())
    _see(client, profile)
    client.force_login(member_of(OrganizationFactory(kind="government")))
    _see(client, profile)
    client.force_login(member_of(OrganizationFactory(kind="ngo", verification="pending")))
    _see(client, profile)
    assert _counts(profile) == {
        "anonymous": 2,
        "consultant": 1,
        "org_government": 1,
        "signed_in": 1,
    }
    assert set(ProfileViewDay.objects.values_list("day", flat=True)) == {timezone.localdate()}


def test_the_owner_is_never_counted(client, profile):
    client.force_login(profile.consultant)
    html = client.get(profile.url, HTTP_USER_AGENT=BROWSER).content.decode()
    assert reverse("insight:seen", args=[profile.pk]) not in html
    _see(client, profile)  # the image asked for directly still counts nothing
    assert _counts(profile) == {}


@pytest.mark.parametrize(
    ("agent", "headers"),
    [
        ("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)", {}),
        ("facebookexternalhit/1.1", {}),
        ("Mozilla/5.0 HeadlessChrome/120.0", {}),
        ("", {}),
        (BROWSER, {"HTTP_SEC_PURPOSE": "prefetch"}),
        # Embedded by another site, or opened on its own rather than as a page's image.
        (BROWSER, {"HTTP_SEC_FETCH_SITE": "cross-site", "HTTP_SEC_FETCH_DEST": "image"}),
        (BROWSER, {"HTTP_SEC_FETCH_SITE": "same-site", "HTTP_SEC_FETCH_DEST": "image"}),
        (BROWSER, {"HTTP_SEC_FETCH_SITE": "none", "HTTP_SEC_FETCH_DEST": "document"}),
        (BROWSER, {"HTTP_SEC_FETCH_SITE": "same-origin", "HTTP_SEC_FETCH_DEST": "empty"}),
    ],
)
def test_bots_and_prefetches_are_not_counted(client, profile, agent, headers):
    response = _see(client, profile, agent, **headers)
    assert response["Content-Type"] == "image/gif"
    assert _counts(profile) == {}


def test_the_image_of_the_profile_page_itself_is_counted(client, profile):
    _see(client, profile, HTTP_SEC_FETCH_SITE="same-origin", HTTP_SEC_FETCH_DEST="image")
    assert _counts(profile) == {"anonymous": 1}


def test_asking_in_a_loop_counts_a_bounded_number_a_half_hour(client, profile, throttle_clock):
    for _ in range(VIEWS_PER_WINDOW + 30):
        response = _see(client, profile, REMOTE_ADDR="203.0.113.9")
    assert response["Content-Type"] == "image/gif"
    assert _counts(profile) == {"anonymous": VIEWS_PER_WINDOW}
    # The bound is the visitor's over every profile: another profile from the same
    # address counts nothing more in this window; another address counts.
    other = published_profile(title="Iris Vale")
    _see(client, other, REMOTE_ADDR="203.0.113.9")
    _see(client, other, REMOTE_ADDR="203.0.113.10")
    assert _counts(other) == {"anonymous": 1}
    throttle_clock.now += 30 * 60
    _see(client, profile, REMOTE_ADDR="203.0.113.9")
    assert _counts(profile) == {"anonymous": VIEWS_PER_WINDOW + 1}


def test_nothing_kept_names_the_profile_looked_at(client, profile, throttle_clock):
    """The bucket that bounds a visitor's counted views is the same whichever profile
    they look at: the cache holds no trace of which one."""
    other = published_profile(title="Iris Vale")
    _see(client, profile, REMOTE_ADDR="203.0.113.9")
    kept_after_one = _throttle_keys()
    _see(client, other, REMOTE_ADDR="203.0.113.9")
    assert _throttle_keys() == kept_after_one
    assert len(kept_after_one) == 1


def _throttle_keys() -> set[str]:
    store = cache._cache
    if hasattr(store, "get_client"):
        keys = {key.decode() for key in store.get_client().keys("*profile-views*")}
    else:
        keys = {key for key in store if "profile-views" in key}
    return keys


def test_colleagues_behind_one_address_each_count(client, profile):
    """The bound is per account when signed in: one colleague reaching it leaves the
    other's views counted, though both come from the same office address."""
    first, second = ConsultantFactory(), ConsultantFactory()
    client.force_login(first)
    for _ in range(VIEWS_PER_WINDOW + 5):
        _see(client, profile, REMOTE_ADDR="203.0.113.9")
    client.force_login(second)
    _see(client, profile, REMOTE_ADDR="203.0.113.9")
    assert _counts(profile) == {"consultant": VIEWS_PER_WINDOW + 1}


def test_a_draft_paused_or_missing_profile_counts_nothing_and_answers_the_same(client):
    draft = published_profile(title="Not yet")
    draft.unpublish()
    missing = _see(client, type("Gone", (), {"pk": 999999})())
    drafted = _see(client, draft)
    assert missing.content == drafted.content
    assert missing.status_code == drafted.status_code == 200
    assert ProfileViewDay.objects.count() == 0


def test_an_id_past_any_page_answers_the_same_image(client, profile):
    normal = _see(client, profile)
    for huge in (2**31, 10**23):
        response = client.get(f"/insight/seen/{huge}.gif", HTTP_USER_AGENT=BROWSER)
        assert response.status_code == 200
        assert response.content == normal.content
    assert _counts(profile) == {"anonymous": 1}


def test_the_counter_keeps_no_personal_data(client, profile):
    client.force_login(UserFactory(role=Role.CONSULTANT))
    response = _see(client, profile, REMOTE_ADDR="203.0.113.9")
    client.logout()
    anonymous = _see(client, profile, REMOTE_ADDR="198.51.100.4")
    columns = {
        c.name
        for c in connection.introspection.get_table_description(
            connection.cursor(), ProfileViewDay._meta.db_table
        )
    }
    assert columns == {"id", "profile_id", "day", "kind", "count"}
    rows = list(ProfileViewDay.objects.values_list("profile_id", "day", "kind", "count"))
    assert sorted(rows) == sorted(
        [
            (profile.pk, timezone.localdate(), "consultant", 1),
            (profile.pk, timezone.localdate(), "anonymous", 1),
        ]
    )
    # No cookie is set (a signed-in visitor's own session is only renewed), and no
    # cache in front may keep the image for others.
    assert not anonymous.cookies
    assert set(response.cookies) <= {"sessionid"}
    assert "private" in anonymous["Cache-Control"]
    assert "max-age=1800" in anonymous["Cache-Control"]


def test_an_anonymous_view_costs_one_statement(client, profile, django_assert_num_queries):
    _see(client, profile)  # first request work (generations, site) is not measured
    with django_assert_num_queries(1):
        _see(client, profile, REMOTE_ADDR="198.51.100.4")
    assert _counts(profile) == {"anonymous": 2}


def test_a_cached_profile_page_is_served_without_a_query_and_still_counted(
    client, profile, page_cache_on, django_assert_num_queries
):
    client.get("/")  # the site settings' row is written on the site's first request
    client.get(profile.url, HTTP_USER_AGENT=BROWSER)
    with django_assert_num_queries(0):
        kept = client.get(profile.url, HTTP_USER_AGENT=BROWSER)
    assert kept["X-Page-Cache"] == "hit"
    assert reverse("insight:seen", args=[profile.pk]) in kept.content.decode()
    _see(client, profile)
    assert _counts(profile) == {"anonymous": 1}
