"""Stored payloads are inert; structured data, robots and embeds give nothing away."""

import json
import re
from html.parser import HTMLParser

import pytest

from portfolio.models import BlogPostPage, VideoPage
from tests.factories import TopicFactory, published_child, published_profile

pytestmark = pytest.mark.django_db

PAYLOADS = [
    "<script>alert('qq1')</script>",
    "<img src=x onerror=\"alert('qq2')\">",
    '"><svg onload=alert("qq3")>',
    "</script><script>alert('qq4')</script>",
    "javascript:alert('qq5')",
]


class ActiveContent(HTMLParser):
    """Collects what a browser would run: event handlers, javascript: URLs, inline scripts."""

    def __init__(self):
        super().__init__()
        self.found = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}>")
            if name in ("href", "src", "action") and (value or "").strip().lower().startswith(
                "javascript:"
            ):
                self.found.append(f"<{tag} {name}={value}>")
        if tag == "script":
            types = dict(attrs).get("type", "")
            self._in_script = types != "application/ld+json" and not dict(attrs).get("src")
        if tag in ("svg", "iframe", "object", "embed"):
            self.found.append(f"<{tag}>")

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script and data.strip():
            self.found.append(f"inline script: {data[:40]}")


def assert_inert(html: str):
    parser = ActiveContent()
    parser.feed(html)
    assert parser.found == []


@pytest.mark.parametrize("payload", PAYLOADS)
def test_payloads_in_every_text_field_and_block_are_inert(client, payload):
    topic = TopicFactory(name=f"Topic {payload}", slug="hostile")
    profile = published_profile(
        title=f"Name {payload}",
        headline=payload,
        pronouns=payload[:40],
        bio=f"<p>{payload}</p>",
        lived_experience=f"<p>{payload}</p>",
        lived_experience_audience="public",
        credentials=payload,
        country="KE",  # chosen from a list: a payload cannot be stored
        region=payload[:80],
        topics_not_discussed=payload,
        no_personal_story=True,
        allow_search_engines=True,
        topics=[topic],
    )
    post = published_child(
        profile,
        BlogPostPage,
        title=f"Post {payload}",
        summary=payload,
        content_note=payload,
        topics=[topic],
        body=[
            ("paragraph", f"<p>{payload}</p><a href=\"javascript:alert('qq6')\">x</a>"),
            ("heading", {"text": payload, "level": "h2"}),
            ("quote", {"text": payload, "attribution": payload}),
            ("call_out", {"title": payload, "text": f"<p>{payload}</p>"}),
        ],
    )
    video = published_child(
        profile,
        VideoPage,
        title=f"Video {payload}",
        video_url="https://youtu.be/dQw4w9WgXcQ",
        transcript=payload,
        content_note=payload,
    )

    for url in (
        profile.url,
        profile.url + "media-kit/",
        post.url,
        post.url + "?read=1",
        video.url,
        video.url + "?read=1",
        "/speakers/",
        "/speakers/topics/hostile/",
        "/speakers/feed/",
        "/speakers/feed/atom/",
        profile.url + "feed/",
        f"/speakers/?q={payload}",
        f"/speakers/?country={payload}",
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert_inert(response.content.decode())


def test_rich_text_is_cleaned_when_stored_by_code():
    profile = published_profile(bio='<p>Hi<script>alert(1)</script><img src=x onerror="a()"></p>')
    assert "<script" not in profile.bio
    assert "onerror" not in profile.bio


def test_structured_data_is_valid_json_and_cannot_close_its_script(client):
    profile = published_profile(
        title="Ana </script><script>alert(1)</script>", allow_search_engines=True
    )

    html = client.get(profile.url).content.decode()

    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    data = json.loads(match.group(1))
    assert data["@type"] == "Person"
    assert data["name"] == "Ana </script><script>alert(1)</script>"
    assert "<script>alert" not in match.group(1)


@pytest.mark.parametrize(
    ("audience", "opted_in", "listed"),
    [("public", True, True), ("public", False, False), ("network", True, False)],
)
def test_search_engines_only_see_opted_in_public_profiles(client, audience, opted_in, listed):
    profile = published_profile(audience=audience, allow_search_engines=opted_in)
    client.force_login(profile.consultant)  # so that a network profile can be fetched

    response = client.get(profile.url)
    html = response.content.decode()

    robots = "index, follow" if listed else "noindex, noimageindex"
    assert response["X-Robots-Tag"] == robots
    assert f'<meta name="robots" content="{robots}">' in html
    assert ("application/ld+json" in html) is listed
    assert ('property="og:title"' in html) is listed
    client.logout()
    assert (profile.url in client.get("/sitemap-pages-1.xml").content.decode()) is listed


def test_no_video_site_is_contacted_before_the_visitor_presses_play(client):
    profile = published_profile()
    video = published_child(
        profile, VideoPage, title="Talk", video_url="https://www.youtube.com/watch?v=dQw4w9WgXcQ"
    )
    post = published_child(
        profile, BlogPostPage, title="Post", body=[("video", "https://vimeo.com/123456789")]
    )

    for page in (video, post):
        html = client.get(page.url).content.decode()
        assert "<iframe" not in html
        # Only as data for the click-to-load script, and only privacy-enhanced players.
        assert re.findall(r'data-src="([^"]+)"', html)
        for src in re.findall(r'data-src="([^"]+)"', html):
            assert src.startswith(
                ("https://www.youtube-nocookie.com/", "https://player.vimeo.com/")
            )
        assert "dnt=1" in html or "youtube-nocookie" in html


def test_the_csp_allows_only_the_privacy_enhanced_players_in_frames(client):
    csp = client.get("/").headers["Content-Security-Policy"]
    frame_src = re.search(r"frame-src ([^;]+)", csp).group(1).split()
    assert sorted(frame_src) == ["https://player.vimeo.com", "https://www.youtube-nocookie.com"]


def test_a_content_note_comes_before_the_text(client):
    profile = published_profile()
    post = published_child(
        profile,
        BlogPostPage,
        title="Post",
        content_note="Mentions of violence",
        body=[("paragraph", "<p>The body qq-body</p>")],
    )

    first = client.get(post.url).content.decode()
    assert "Mentions of violence" in first
    assert "qq-body" not in first
    assert 'href="?read=1"' in first
    assert "qq-body" in client.get(post.url + "?read=1").content.decode()


def test_feeds_carry_the_summary_never_the_body(client):
    profile = published_profile()
    published_child(
        profile,
        BlogPostPage,
        title="Post",
        summary="A summary",
        content_note="Note",
        body=[("paragraph", "<p>The body qq-body</p>")],
    )
    assert "qq-body" not in client.get("/speakers/feed/").content.decode()
