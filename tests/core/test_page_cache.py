"""The page cache and the headers of public pages: what is kept, for whom, and never.

A page is kept only when it is the same for every visitor; nothing of a signed-in
person, nothing narrowed to an audience, no error, no cookie, no POST is ever kept or
marked public, and a signed-in person never gets a visitor's kept page.
"""

import pytest
from django.conf import settings as django_settings
from django.core.cache import cache
from django.test import Client

from core.page_cache.middleware import HIT_HEADER
from portfolio.models import BlogPostPage, VideoPage
from tests.conftest import module_world
from tests.core.test_database_outage import database_away
from tests.factories import (
    ConsultantFactory,
    TopicFactory,
    published_child,
    published_profile,
)

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.usefixtures("page_cache_on"),
    pytest.mark.xdist_group("page_cache"),
]


def build_site_pages():
    """One address of every kind of page a visitor reads."""
    topic = TopicFactory(name="Fair pay", slug="fair-pay")
    profile = published_profile(
        title="Lina Okafor", slug="lina-okafor", topics=[topic], allow_search_engines=True
    )
    post = published_child(profile, BlogPostPage, title="Paid, plainly", topics=[topic])
    video = published_child(
        profile, VideoPage, title="A talk", video_url="https://vimeo.com/123456789"
    )
    Client().get("/")  # the site settings' row is written on the site's first request
    addresses = {
        "home": "/",
        "profile": profile.url,
        "one-sheet": f"{profile.url}media-kit/",
        "post": post.url,
        "video": video.url,
        "directory": "/speakers/",
        "facet": "/speakers/?topic=fair-pay",
        "search": "/speakers/?q=Lina",
        "topic": "/speakers/topics/fair-pay/",
        "resources": "/resources/",
        "standard page": "/about/",
        "site feed": "/speakers/feed/",
        "site atom feed": "/speakers/feed/atom/",
        "profile feed": f"{profile.url}feed/",
        "sitemap": "/sitemap.xml",
        "robots": "/robots.txt",
    }
    return {"site_pages": addresses}


# Made once for the module; each test reads them inside its own savepoint.
built, world, site_pages = module_world(build_site_pages, "site_pages")


def _kept(client, url, **headers):
    """Ask twice; the second answer must come from the page cache."""
    first = client.get(url, headers=headers)
    second = client.get(url, headers=headers)
    assert first.status_code == 200, (url, first.status_code)
    assert HIT_HEADER not in first, url
    assert second[HIT_HEADER] == "hit", url
    assert second.content == first.content, url
    return second


def test_no_visitors_page_sets_a_cookie_and_each_is_public_and_kept(client, site_pages):
    for kind, url in site_pages.items():
        response = client.get(url)
        assert response.status_code == 200, (kind, response.status_code)
        assert response.cookies == {}, (kind, response.cookies)
        assert "Set-Cookie" not in response, kind
        assert response["Cache-Control"].startswith("public, max-age=0, s-maxage="), kind
        assert response["Vary"] == "Accept-Language, Cookie", kind
        assert response["ETag"], kind
        assert client.get(url)[HIT_HEADER] == "hit", kind
    assert client.cookies == {}


def test_an_address_without_a_query_is_kept_by_shared_caches_one_with_a_query_is_checked(
    client, site_pages
):
    assert client.get("/speakers/")["Cache-Control"] == "public, max-age=0, s-maxage=300"
    # A search or a filter cannot be purged by address: shared caches must ask each time.
    assert client.get("/speakers/?q=Lina")["Cache-Control"] == "public, max-age=0, s-maxage=0"


def test_a_conditional_get_answers_304_from_the_page_and_from_the_cache(client, site_pages):
    first = client.get(site_pages["profile"])
    etag = first["ETag"]
    again = client.get(site_pages["profile"], headers={"if-none-match": etag})
    assert (again.status_code, again[HIT_HEADER], again.content) == (304, "hit", b"")
    assert again["ETag"] == etag
    assert again["Cache-Control"] == first["Cache-Control"]
    other = client.get(site_pages["profile"], headers={"if-none-match": '"other"'})
    assert other.status_code == 200
    # On a miss too: the post's page, forgotten, is rendered again and compared.
    fresh = client.get(site_pages["post"])["ETag"]
    cache.clear()
    missed = client.get(site_pages["post"], headers={"if-none-match": fresh})
    assert (missed.status_code, HIT_HEADER in missed) == (304, False)


def test_a_head_request_is_answered_from_the_cache_without_a_body(client, site_pages):
    client.get("/speakers/")
    response = client.head("/speakers/")
    assert (response.status_code, response[HIT_HEADER], response.content) == (200, "hit", b"")


@pytest.mark.parametrize(
    ("spanish", "english"),
    [
        ({"cookie": "es"}, {"cookie": "en"}),
        ({"accept-language": "es-MX,es;q=0.9"}, {"accept-language": "en-GB,en;q=0.9"}),
        ({"cookie": "es", "accept-language": "en"}, {"accept-language": "en"}),
        ({"accept-language": "es"}, {"cookie": "en", "accept-language": "es"}),
    ],
)
def test_a_spanish_page_is_never_served_to_an_english_visitor_or_back(spanish, english, site_pages):
    def visitor(headers):
        client = Client()
        headers = dict(headers)
        if "cookie" in headers:
            client.cookies[django_settings.LANGUAGE_COOKIE_NAME] = headers.pop("cookie")
        return client, headers

    es_client, es_headers = visitor(spanish)
    en_client, en_headers = visitor(english)
    es_page = _kept(es_client, "/speakers/", **es_headers)
    en_page = en_client.get("/speakers/", headers=en_headers)
    again_es = es_client.get("/speakers/", headers=es_headers)
    assert es_page["Content-Language"] == again_es["Content-Language"] == "es"
    assert en_page["Content-Language"] == "en"
    assert "Salida rápida" in again_es.content.decode()
    assert "Quick exit" in en_page.content.decode()
    assert "Salida rápida" not in en_page.content.decode()


def test_a_kept_page_is_served_while_the_database_is_away(client, site_pages):
    _kept(client, site_pages["profile"])
    visitor = Client(raise_request_exception=False)
    with database_away():
        kept = visitor.get(site_pages["profile"])
        not_kept = visitor.get(site_pages["video"])
    assert (kept.status_code, kept[HIT_HEADER]) == (200, "hit")
    assert "Lina Okafor" in kept.content.decode()
    assert not_kept.status_code == 503


def test_with_the_cache_away_pages_are_served_uncached(client, site_pages, cache_away):
    for _ in range(2):
        response = client.get("/robots.txt")
        assert response.status_code == 200
        assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode()
        assert HIT_HEADER not in response


# --- Never kept, never public -------------------------------------------------------


def _never_public(response):
    control = response.get("Cache-Control", "")
    assert "public" not in control, control
    assert "s-maxage" not in control, control
    assert HIT_HEADER not in response


def test_a_signed_in_person_never_gets_a_kept_page_and_theirs_is_never_kept(site_pages):
    visitor = Client()
    profile_url = site_pages["profile"]
    _kept(visitor, profile_url)
    owner = Client()
    from portfolio.models import SpeakerProfilePage

    owner.force_login(SpeakerProfilePage.objects.get(url_path__endswith="/lina-okafor/").consultant)
    for _ in range(2):
        theirs = owner.get(profile_url)
        _never_public(theirs)
        assert "no-store" in theirs["Cache-Control"]
        assert "private" in theirs["Cache-Control"]
        # Their own page shows what only they see: the link to edit it.
        assert "/admin/pages/" in theirs.content.decode()
    assert "/admin/pages/" not in visitor.get(profile_url).content.decode()
    assert visitor.get(profile_url)[HIT_HEADER] == "hit"


def test_a_page_narrowed_to_an_audience_is_never_kept_nor_public(client):
    for audience in ("network", "private"):
        profile = published_profile(title=f"Hidden {audience}", audience=audience)
        for _ in range(2):
            response = client.get(profile.url)
            assert response.status_code in (302, 404)
            _never_public(response)
        member = Client()
        member.force_login(ConsultantFactory())
        if audience == "network":
            shown = member.get(profile.url)
            assert shown.status_code == 200
            assert "private" in shown["Cache-Control"]


def test_error_pages_redirects_and_posts_are_never_kept_nor_public(client, site_pages):
    for _ in range(2):
        _never_public(client.get("/no-such-page/"))
        _never_public(client.get("/speakers"))  # the slash redirect
        _never_public(client.post("/speakers/", {"q": "x"}))


def test_a_page_with_a_message_is_neither_served_from_nor_put_in_the_cache(client, site_pages):
    from django.contrib.messages.storage.cookie import CookieStorage

    _kept(client, "/")
    client.cookies[CookieStorage.cookie_name] = "anything"
    response = client.get("/")
    _never_public(response)
    client.cookies.pop(CookieStorage.cookie_name)
    assert client.get("/")[HIT_HEADER] == "hit"


def test_a_page_that_sets_a_cookie_is_never_kept_nor_public(client):
    for url in ("/accounts/login/", "/accounts/signup/"):
        for _ in range(2):
            response = client.get(url)
            assert response.status_code == 200
            assert django_settings.CSRF_COOKIE_NAME in response.cookies
            _never_public(response)


def test_signed_in_areas_are_never_public_even_when_a_visitor_asks(client, site_pages):
    for url in ("/admin/", "/dashboard/", "/accounts/login/", "/network/opportunities/"):
        _never_public(client.get(url))


def test_a_request_with_a_session_cookie_is_never_served_a_kept_page(client, site_pages):
    _kept(client, "/speakers/")
    client.cookies[django_settings.SESSION_COOKIE_NAME] = "expired-or-forged"
    response = client.get("/speakers/")
    _never_public(response)


def test_kept_pages_count_against_the_directory_limit(client, site_pages, settings):
    settings.PODIUM_DIRECTORY_RATE_PER_MINUTE = 3
    answers = [client.get("/speakers/") for _ in range(4)]
    assert [a.status_code for a in answers] == [200, 200, 200, 429]
    assert answers[2][HIT_HEADER] == "hit"
