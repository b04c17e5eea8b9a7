"""What search engines and browsers fetch on their own: sitemap, robots.txt, favicon.

The sitemap is an index of sections; together they list only public pages of
consultants who let search engines list them, at the host the request named, each with
a number of queries that does not grow with the number of pages.
"""

import re
from urllib.parse import urlsplit

import pytest
from wagtail.models import Page, PageViewRestriction

from portfolio.models import BlogPostPage, SpeakerIndexPage, VideoPage
from portfolio.selectors import search_engine_listable
from portfolio.services import profile_pause
from tests.factories import published_child, published_profile

pytestmark = pytest.mark.django_db

# The home page, the speaker directory, the resource directory and the standard pages
# the migrations create; the test compares against what is there, not this number.
LOC = re.compile(r"<loc>([^<]+)</loc>")


def locations(response) -> list[str]:
    return LOC.findall(response.content.decode())


def sitemap_locations(client, **request) -> list[str]:
    """Every address the sitemap's sections list, read as a crawler does from the index."""
    found = []
    for section in locations(client.get("/sitemap.xml", **request)):
        found += locations(client.get(urlsplit(section).path, **request))
    return found


def speaker(index: int, *, listed: bool = True, audience: str = "public"):
    profile = published_profile(
        title=f"Speaker {index}", audience=audience, allow_search_engines=listed
    )
    published_child(profile, BlogPostPage, title=f"Post {index}")
    published_child(
        profile, VideoPage, title=f"Video {index}", video_url="https://vimeo.com/123456789"
    )
    profile.refresh_from_db()
    return profile


def test_the_sitemap_names_the_host_that_was_asked(client):
    profile = speaker(1)

    plain = sitemap_locations(client, HTTP_HOST="podium.example")
    secure = sitemap_locations(client, HTTP_HOST="talks.example", secure=True)

    assert f"http://podium.example{profile.url}" in plain
    assert f"https://talks.example{profile.url}" in secure
    assert all(url.startswith("http://podium.example/") for url in plain)
    assert all(url.startswith("https://talks.example/") for url in secure)


def test_the_sitemap_lists_only_what_is_public_and_indexable(client):
    listed = speaker(1)
    not_opted_in = speaker(2, listed=False)
    network = speaker(3, audience="network")
    private_post = published_child(listed, BlogPostPage, title="Drafty", audience="private")
    paused = speaker(4)
    profile_pause(profile=paused)

    paths = {url.removeprefix("http://testserver") for url in sitemap_locations(client)}

    listed_pages = {page.url for page in listed.get_descendants(inclusive=True).specific()}
    assert listed_pages - {private_post.url} <= paths
    assert private_post.url not in paths
    for hidden in (not_opted_in, network, paused):
        assert not {page.url for page in hidden.get_descendants(inclusive=True)} & paths
    assert all(not path.startswith(("/admin/", "/accounts/", "/dashboard/")) for path in paths)


def test_a_restriction_hides_every_page_under_it(client):
    """Wagtail's view restrictions hide a whole section, whoever set them."""
    listed = speaker(1)
    index = SpeakerIndexPage.objects.get()
    assert f"http://testserver{listed.url}" in sitemap_locations(client)

    PageViewRestriction.objects.create(page=index, restriction_type="password", password="x")

    paths = {url.removeprefix("http://testserver") for url in sitemap_locations(client)}
    assert "/" in paths
    assert not [path for path in paths if path.startswith(index.url)]


def test_restrictions_at_every_depth_hide_exactly_what_wagtail_calls_not_public(client):
    """A restriction on a profile hides its posts; one on a post hides only that post:
    the sitemap lists exactly the live pages Wagtail's `.public()` keeps that may be
    listed."""
    shown, hidden_profile, partly = speaker(1), speaker(2), speaker(3)
    PageViewRestriction.objects.create(
        page=hidden_profile, restriction_type="password", password="x"
    )
    hidden_post = BlogPostPage.objects.child_of(partly).get()
    PageViewRestriction.objects.create(page=hidden_post, restriction_type="password", password="x")

    listed = set(sitemap_locations(client))

    root = Page.objects.get(url_path="/home/")
    expected = {
        f"http://testserver{page.url}"
        for page in Page.objects.live().public().descendant_of(root, inclusive=True).specific()
        if getattr(page, "allow_search_engine_indexing", True)
    }
    assert listed == expected
    assert f"http://testserver{shown.url}" in listed
    assert f"http://testserver{partly.url}" in listed
    for page in (hidden_profile, *hidden_profile.get_children(), hidden_post):
        assert f"http://testserver{page.url}" not in listed


def test_the_listing_rule_is_the_pages_own(client):
    """The sitemap's query asks what each consultant page answers on its own."""
    for index in range(4):
        speaker(index, listed=index != 2, audience="network" if index == 3 else "public")
    paused = speaker(4)
    profile_pause(profile=paused)
    published_child(speaker(5), BlogPostPage, title="Private", audience="private")

    by_query = set(Page.objects.filter(search_engine_listable()).values_list("pk", flat=True))
    pages = SpeakerIndexPage.objects.get().get_descendants().specific()
    assert by_query == {page.pk for page in pages if page.allow_search_engine_indexing}
    assert len(by_query) == 9  # speakers 0, 1 and 5 with a post and a video each


def test_sections_hold_at_most_their_size_and_cover_every_page(client, settings):
    for index in range(3):
        speaker(index)
    everything = sitemap_locations(client)
    settings.PODIUM_SITEMAP_SECTION_SIZE = 4

    sections = locations(client.get("/sitemap.xml"))
    pages = [locations(client.get(urlsplit(section).path)) for section in sections]

    assert sections == [
        f"http://testserver/sitemap-pages-{number}.xml" for number in range(1, len(sections) + 1)
    ]
    assert all(1 <= len(section) <= 4 for section in pages)
    assert sorted(url for section in pages for url in section) == sorted(everything)
    assert len(everything) == len(set(everything))
    beyond = client.get(f"/sitemap-pages-{len(sections) + 1}.xml")
    assert beyond.status_code == 404
    assert client.get("/sitemap-pages-0.xml").status_code == 404
    for url in ("/sitemap.xml", "/sitemap-pages-1.xml"):
        response = client.get(url)
        assert response["Content-Type"] == "application/xml"
        assert response["X-Robots-Tag"] == "noindex, noodp, noarchive"  # as Django's own


@pytest.mark.parametrize("speakers", [1, 3])
def test_the_sitemap_costs_the_same_queries_for_one_speaker_or_many(
    client, django_assert_num_queries, speakers
):
    for index in range(speakers):
        speaker(index, listed=index % 3 != 2)
    PageViewRestriction.objects.create(
        page=Page.objects.get(url_path="/home/safety/"), restriction_type="password", password="x"
    )
    client.get("/sitemap.xml")  # site root paths are cached after the first request

    # The site, its root page, the deepest restriction, then the count or the section.
    with django_assert_num_queries(4):
        index = client.get("/sitemap.xml")
    with django_assert_num_queries(4):
        response = client.get("/sitemap-pages-1.xml")

    assert locations(index) == ["http://testserver/sitemap-pages-1.xml"]
    listed = sum(1 for index in range(speakers) if index % 3 != 2)
    assert len([url for url in locations(response) if "/speakers/speaker-" in url]) == 3 * listed
    assert "http://testserver/safety/" not in locations(response)


def test_robots_txt_points_at_the_sitemap_on_the_host_asked_and_keeps_crawlers_out(client):
    response = client.get("/robots.txt", HTTP_HOST="podium.example", secure=True)
    lines = response.content.decode().splitlines()

    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert lines[0] == "User-agent: *"
    assert "Sitemap: https://podium.example/sitemap.xml" in lines
    for area in ("/admin/", "/accounts/", "/dashboard/", "/network/"):
        assert f"Disallow: {area}" in lines
    assert "Disallow: /" not in lines  # the public site stays open


def test_the_favicon_answers_at_the_root_and_in_the_page_head(client):
    icon = client.get("/favicon.ico")
    body = b"".join(icon.streaming_content) if icon.streaming else icon.content
    head = client.get("/").content.decode()
    linked = re.search(r'<link rel="icon" href="([^"]+)"', head).group(1)
    svg = client.get(linked)

    assert icon.status_code == 200
    assert body[:4] == b"\x00\x00\x01\x00"  # an ICO file
    assert svg.status_code == 200
    assert svg["Content-Type"].startswith("image/svg+xml")
