"""Who sees what: every audience, every kind of viewer, every output path.

A marker string sits in each page's text; a viewer who may not see the page must not
find it in any response body they can get.
"""

import pytest
from django.contrib.auth.models import Group

from networking.services.safety import block_create
from portfolio.enums import NETWORK_GROUP
from portfolio.models import BlogPostPage, VideoPage
from tests.factories import (
    ConsultantFactory,
    EditorFactory,
    OrganizationFactory,
    TopicFactory,
    UserFactory,
    member_of,
    published_child,
    published_profile,
)

pytestmark = pytest.mark.django_db

MARK = "zq-marker"  # in the profile's headline, bio, post and video


@pytest.fixture
def topic():
    return TopicFactory(name="Supply chains", slug="supply-chains")


def make_profile(audience, topic, **fields):
    consultant = ConsultantFactory()
    profile = published_profile(
        consultant,
        audience=audience,
        title=f"Speaker {audience}",
        headline=f"Trainer {MARK}",
        bio=f"<p>Bio {MARK}</p>",
        topics=[topic],
        rates=[("keynote", 700)],
        **fields,
    )
    published_child(
        profile, BlogPostPage, title=f"Post {MARK}", summary=f"Summary {MARK}", topics=[topic]
    )
    published_child(
        profile,
        VideoPage,
        title=f"Video {MARK}",
        video_url="https://vimeo.com/123456789",
        topics=[topic],
    )
    profile.refresh_from_db()
    return profile


def blocked_by(consultant):
    """A member of a verified organization that this consultant has blocked."""
    organization = OrganizationFactory()
    member = member_of(organization)
    block_create(consultant=consultant, organization=organization)
    return member


def viewer_for(kind, profile):
    if kind == "visitor":
        return None
    if kind == "owner":
        return profile.consultant
    if kind == "consultant":
        return ConsultantFactory()
    if kind == "verified org member":
        member = UserFactory()
        member.groups.add(Group.objects.get(name=NETWORK_GROUP))
        return member
    if kind == "unverified org member":
        return UserFactory()
    if kind == "blocked org member":
        return blocked_by(profile.consultant)
    if kind == "editor":
        from allauth.mfa.models import Authenticator

        editor = EditorFactory()
        Authenticator.objects.create(user=editor, type=Authenticator.Type.TOTP, data={})
        return editor
    raise AssertionError(kind)


VIEWERS = [
    "visitor",
    "owner",
    "consultant",
    "verified org member",
    "unverified org member",
    "blocked org member",
    "editor",
]
SEES = {
    "public": {
        "visitor",
        "owner",
        "consultant",
        "verified org member",
        "unverified org member",
        "editor",
    },
    "network": {"owner", "consultant", "verified org member", "editor"},
    "private": {"owner", "editor"},
}


def bodies(client, profile, topic):
    """Every response a viewer can get that could show the profile or its pages."""
    post = profile.get_children().type(BlogPostPage).first()
    video = profile.get_children().type(VideoPage).first()
    urls = [
        profile.url,
        profile.url + "media-kit/",
        post.url,
        post.url + "?read=1",
        video.url,
        "/speakers/",
        "/speakers/?q=Bio",
        "/speakers/?q=Trainer",
        f"/speakers/?topic={topic.slug}",
        "/speakers/?engagement=keynote&budget=1000",
        f"/speakers/topics/{topic.slug}/",
        "/speakers/feed/",
        "/speakers/feed/atom/",
        profile.url + "feed/",
        "/sitemap.xml",
        "/sitemap-pages-1.xml",
    ]
    return {url: client.get(url) for url in urls}


@pytest.mark.parametrize("audience", ["public", "network", "private"])
@pytest.mark.parametrize("kind", VIEWERS)
def test_each_viewer_sees_exactly_what_the_audience_allows(client, topic, audience, kind):
    profile = make_profile(audience, topic)
    viewer = viewer_for(kind, profile)
    if viewer:
        client.force_login(viewer)

    responses = bodies(client, profile, topic)

    may_see = kind in SEES[audience]
    assert (responses[profile.url].status_code == 200) is may_see
    assert (MARK in responses["/speakers/"].content.decode()) is may_see
    assert (MARK in responses[f"/speakers/topics/{topic.slug}/"].content.decode()) is may_see
    if not may_see:
        for url, response in responses.items():
            # The profile and every page under it are missing; the lists are there, without it.
            assert response.status_code == (404 if url.startswith(profile.url) else 200), url
            assert MARK not in response.content.decode(), url


@pytest.mark.parametrize("audience", ["network", "private"])
def test_feeds_and_sitemap_carry_only_public_pages_whoever_asks(client, topic, audience):
    profile = make_profile(audience, topic, allow_search_engines=True)
    client.force_login(profile.consultant)  # even the owner's feed reader sees public only

    for url in ("/speakers/feed/", "/speakers/feed/atom/", "/sitemap.xml", "/sitemap-pages-1.xml"):
        assert MARK not in client.get(url).content.decode()
        assert profile.slug not in client.get(url).content.decode()
    assert client.get(profile.url + "feed/").status_code == 404


def test_a_public_profile_is_in_the_feeds(client, topic):
    profile = make_profile("public", topic)
    assert f"Post {MARK}" in client.get("/speakers/feed/").content.decode()
    assert f"Post {MARK}" in client.get(profile.url + "feed/").content.decode()


def test_a_private_post_under_a_public_profile_stays_private(client, topic):
    profile = make_profile("public", topic)
    secret = published_child(
        profile, BlogPostPage, title="Draft thoughts qq-secret", audience="private"
    )

    assert client.get(secret.url).status_code == 404
    for url in (
        profile.url,
        "/speakers/feed/",
        profile.url + "feed/",
        f"/speakers/topics/{topic.slug}/",
    ):
        assert "qq-secret" not in client.get(url).content.decode()
    client.force_login(profile.consultant)
    assert client.get(secret.url).status_code == 200


@pytest.mark.parametrize(
    ("section_audience", "kind", "shown"),
    [
        ("public", "visitor", True),
        ("network", "visitor", False),
        ("network", "verified org member", True),
        ("network", "unverified org member", False),
        ("private", "verified org member", False),
        ("private", "owner", True),
        ("private", "editor", True),
    ],
)
def test_the_lived_experience_statement_has_its_own_audience(
    client, topic, section_audience, kind, shown
):
    profile = make_profile(
        "public",
        topic,
        lived_experience="<p>My story qq-story</p>",
        lived_experience_audience=section_audience,
    )
    viewer = viewer_for(kind, profile)
    if viewer:
        client.force_login(viewer)

    for url in (profile.url, profile.url + "media-kit/"):
        assert ("qq-story" in client.get(url).content.decode()) is shown
    for url in ("/speakers/", "/speakers/?q=story", "/speakers/feed/"):
        assert "qq-story" not in client.get(url).content.decode()


@pytest.mark.parametrize(("rates_audience", "shown"), [("public", True), ("network", False)])
def test_rates_follow_their_audience_and_cannot_be_probed_with_the_budget_filter(
    client, topic, rates_audience, shown
):
    profile = make_profile("public", topic, rates_audience=rates_audience)

    profile_page = client.get(profile.url).content.decode()
    within = client.get("/speakers/?budget=800").content.decode()
    below = client.get("/speakers/?budget=600").content.decode()

    assert ("700" in profile_page) is shown
    assert (MARK in within) is shown
    assert MARK not in below


def test_accommodation_needs_never_appear_on_the_profile(client, topic):
    profile = make_profile("public", topic, accommodation_needs="Needs qq-access")
    client.force_login(ConsultantFactory())
    for url in (profile.url, profile.url + "media-kit/", "/speakers/"):
        assert "qq-access" not in client.get(url).content.decode()
