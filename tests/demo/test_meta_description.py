"""Every public page of the demo has one meta description, and pages kept out of search
engines say so (the rules themselves: tests/core/test_meta_description.py)."""

import pytest
from django.test import Client
from wagtail.models import Page

from core.models import META_DESCRIPTION_LENGTH
from portfolio.models import SpeakerProfilePage, Topic
from tests.core.test_meta_description import description, meta
from tests.demo.crawler import DEMO_GROUPS

pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group(DEMO_GROUPS["en"])]


def test_every_public_page_of_the_demo_has_one_description_and_noindex_stays(demo):
    client = Client()
    seen_types = set()
    hidden = 0
    for page in Page.objects.live().filter(depth__gt=1).specific():
        response = client.get(page.url)
        if response.status_code != 200:
            hidden += 1  # not for visitors: it answers like a missing page or a sign-in
            if response.status_code == 302:
                assert response["Location"].startswith("/accounts/login/"), page.url
            else:
                assert response.status_code == 404, page.url
            continue
        seen_types.add(type(page).__name__)
        text = description(response)
        assert text.strip(), f"{page.url}: empty description"
        assert len(text) <= META_DESCRIPTION_LENGTH
        robots = meta(response)["robots"]
        assert robots == [page.get_robots_directive()], page.url
        if not page.allow_search_engine_indexing:
            assert "noindex" in robots[0], page.url
            assert "noindex" in response["X-Robots-Tag"], page.url
    assert seen_types >= {
        "HomePage",
        "SpeakerIndexPage",
        "SpeakerProfilePage",
        "BlogPostPage",
        "VideoPage",
        "StandardPage",
        "ResourceIndexPage",
    }
    assert hidden, "the demo has pages only some people may see"
    # Some public profiles did not opt in to search engines: they stay unlisted.
    assert any(
        not profile.allow_search_engine_indexing
        for profile in SpeakerProfilePage.objects.live().filter(visibility="public")
    )

    topic = Topic.objects.first()
    topic_page = client.get(f"/speakers/topics/{topic.slug}/")
    assert description(topic_page).startswith(f"Speakers on {topic.name}.")
    for path in ("/accounts/login/", "/accounts/signup/", "/accounts/password/reset/"):
        response = client.get(path)
        assert response.status_code == 200, path
        assert description(response).strip(), path
    missing = client.get("/no-such-page/")
    assert missing.status_code == 404
    assert description(missing).strip()
    assert meta(missing)["robots"] == ["noindex, nofollow"]
