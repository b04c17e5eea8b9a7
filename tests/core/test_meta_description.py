"""Meta descriptions: every public page has one, drawn only from what everyone may see.

Search results and link previews show the description to whoever fetches an address, so
a page that not everyone may see never lends it its own words, and a page kept out of
search engines stays out.
"""

from html.parser import HTMLParser

import pytest
from django.contrib.auth.models import Group
from django.test import Client

from cms.models import ResourceIndexPage
from core.models import META_DESCRIPTION_LENGTH, site_meta_description
from portfolio.enums import NETWORK_GROUP
from portfolio.models import BlogPostPage, VideoPage
from tests.factories import (
    ConsultantFactory,
    TopicFactory,
    UserFactory,
    published_child,
    published_profile,
)

pytestmark = pytest.mark.django_db

MARK = "zq-marker"


class HeadParser(HTMLParser):
    """The <meta name=...> elements of a page, every one of them (duplicates included)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.meta: list[tuple[str, str]] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta" and attrs.get("name"):
            self.meta.append((attrs["name"].lower(), attrs.get("content") or ""))


def meta(response) -> dict[str, list[str]]:
    parser = HeadParser()
    parser.feed(response.content.decode())
    found: dict[str, list[str]] = {}
    for name, content in parser.meta:
        found.setdefault(name, []).append(content)
    return found


def description(response) -> str:
    values = meta(response).get("description", [])
    assert len(values) == 1, f"{len(values)} meta descriptions"
    return values[0]


@pytest.fixture
def topics():
    return [
        TopicFactory(name="Supply chains", slug="supply-chains", description="Fair sourcing."),
        TopicFactory(name="Housing", slug="housing"),
    ]


def test_profile_description_is_its_headline_and_topics(client, topics):
    profile = published_profile(headline="Trainer on fair recruitment.", topics=topics)
    response = client.get(profile.url)
    assert description(response) == ("Trainer on fair recruitment. Topics: Housing, Supply chains.")


def test_profile_without_headline_or_topics_is_described_by_name(client):
    profile = published_profile(title="Ada Stone")
    assert description(client.get(profile.url)) == ("Ada Stone: speaker, trainer and consultant.")


def test_the_promote_tab_description_wins_and_is_cut_to_length(client, topics):
    profile = published_profile(headline="Trainer", topics=topics)
    profile.search_description = "Word " * 60
    profile.save_revision().publish()
    text = description(client.get(profile.url))
    assert text.startswith("Word Word")
    assert len(text) <= META_DESCRIPTION_LENGTH
    assert text.endswith("…")


def test_post_and_video_are_described_by_their_summary(client):
    profile = published_profile()
    post = published_child(profile, BlogPostPage, summary="Three things trainers miss.")
    video = published_child(
        profile,
        VideoPage,
        title="A talk",
        summary="A talk on policy.",
        video_url="https://vimeo.com/123456789",
    )
    assert description(client.get(post.url)) == "Three things trainers miss."
    assert description(client.get(video.url)) == "A talk on policy."


def test_post_without_summary_never_quotes_text_behind_its_content_note(client):
    profile = published_profile(title="Ada Stone")
    post = published_child(
        profile,
        BlogPostPage,
        content_note="Mentions of violence",
        body=[("paragraph", f"<p>What happened {MARK}</p>")],
    )
    response = client.get(post.url + "?read=1")
    assert MARK in response.content.decode()  # the reader chose to go on
    assert description(response) == "A post by Ada Stone."


def test_topic_page_says_whom_it_lists(client, topics):
    published_profile(topics=topics)
    response = client.get("/speakers/topics/supply-chains/")
    assert description(response) == "Speakers on Supply chains. Fair sourcing."


def test_site_pages_and_views_have_a_description_in_the_readers_language(client):
    client.cookies["django_language"] = "es"
    resources = ResourceIndexPage.objects.get()
    assert description(client.get(resources.url)).startswith("Dónde pedir ayuda")
    sign_in = client.get("/accounts/login/")
    assert description(sign_in).startswith("Personas ponentes")
    assert meta(sign_in)["robots"] == ["noindex, nofollow"]


@pytest.mark.parametrize("audience", ["network", "private"])
def test_a_page_not_everyone_may_see_lends_no_words_to_its_description(audience, topics):
    consultant = ConsultantFactory()
    profile = published_profile(
        consultant, audience=audience, headline=f"Trainer {MARK}", topics=topics
    )
    post = published_child(profile, BlogPostPage, audience=audience, summary=f"Post {MARK}")
    viewer = consultant
    if audience == "network":
        viewer = UserFactory()
        viewer.groups.add(Group.objects.get(name=NETWORK_GROUP))
    client = Client()
    client.force_login(viewer)
    for page in (profile, post):
        response = client.get(page.url)
        assert MARK in response.content.decode()  # the viewer may see the page itself
        assert description(response) == site_meta_description()
        assert meta(response)["robots"] == ["noindex, noimageindex"]
        assert response["X-Robots-Tag"] == "noindex, noimageindex"
