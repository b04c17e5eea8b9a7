"""What search engines and browsers fetch on their own: sitemap, robots.txt, favicon.

The sitemap lists only public pages of consultants who let search engines list them,
at the host the request named, with a number of queries that does not grow with the
number of pages.
"""

import re

import pytest

from portfolio.models import BlogPostPage, VideoPage
from portfolio.services import profile_pause
from tests.factories import published_child, published_profile

pytestmark = pytest.mark.django_db

# The home page, the speaker directory, the resource directory and the standard pages
# the migrations create; the test compares against what is there, not this number.
LOC = re.compile(r"<loc>([^<]+)</loc>")


def locations(response) -> list[str]:
    return LOC.findall(response.content.decode())


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

    plain = locations(client.get("/sitemap.xml", HTTP_HOST="podium.example"))
    secure = locations(client.get("/sitemap.xml", HTTP_HOST="talks.example", secure=True))

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

    paths = {url.removeprefix("http://testserver") for url in locations(client.get("/sitemap.xml"))}

    listed_pages = {page.url for page in listed.get_descendants(inclusive=True).specific()}
    assert listed_pages - {private_post.url} <= paths
    assert private_post.url not in paths
    for hidden in (not_opted_in, network, paused):
        assert not {page.url for page in hidden.get_descendants(inclusive=True)} & paths
    assert all(not path.startswith(("/admin/", "/accounts/", "/dashboard/")) for path in paths)


@pytest.mark.parametrize("speakers", [1, 6])
def test_the_sitemap_costs_the_same_queries_for_one_speaker_or_many(
    client, django_assert_num_queries, speakers
):
    for index in range(speakers):
        speaker(index, listed=index % 3 != 2)
    client.get("/sitemap.xml")  # site root paths are cached after the first request

    with django_assert_num_queries(12):
        response = client.get("/sitemap.xml")

    listed = sum(1 for index in range(speakers) if index % 3 != 2)
    assert len([url for url in locations(response) if "/speakers/speaker-" in url]) == 3 * listed


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
