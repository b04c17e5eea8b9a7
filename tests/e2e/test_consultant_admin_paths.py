"""A consultant's obvious paths, in the browser: one click from the dashboard to a new
post, who sees it asked first with the private choice made, a post begun twice saved
both times, a plain "Send for review", and a private page never called published."""

import re

import pytest
from playwright.sync_api import expect

from portfolio.models import BlogPostPage
from portfolio.services import direct_publishing_grant
from tests.e2e.conftest import sign_in, url
from tests.factories import published_profile

pytestmark = [
    pytest.mark.browser,
    # Real transactions: the live server answers the browser on its own thread and connection.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_write_a_post_twice_with_one_title_and_publish_it_privately(page, live_server):
    profile = published_profile(title="Ana Rivera", slug="ana-rivera")
    direct_publishing_grant(profile=profile)
    sign_in(page, live_server, profile.consultant)

    for _attempt in range(2):
        page.goto(url(live_server, "/dashboard/"))
        page.get_by_role("link", name="Write a post").click()
        page.wait_for_url(re.compile(rf"/admin/pages/add/portfolio/blogpostpage/{profile.pk}/"))
        assert page.locator("input[name=audience][value=private]").is_checked()
        expect(page.locator("input[name=audience][value=private]")).to_be_visible()
        page.get_by_role("textbox", name=re.compile("^Title")).fill("What trainers miss")
        page.get_by_role("button", name="Save draft").click()
        page.wait_for_url(re.compile(r"/admin/pages/\d+/edit/"))

    slugs = sorted(BlogPostPage.objects.child_of(profile).values_list("slug", flat=True))
    assert slugs == ["what-trainers-miss", "what-trainers-miss-2"]

    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Publish").click()
    page.get_by_text("It is visible only to you and Podium's editors.").wait_for()
    body = page.content()
    assert "has been published" not in body
    assert "Only you" in body


def test_a_draft_profile_is_sent_for_review_in_plain_words(page, live_server):
    profile = published_profile(title="Ana Rivera", slug="ana-rivera")
    profile.unpublish()
    sign_in(page, live_server, profile.consultant)
    page.goto(url(live_server, f"/admin/pages/{profile.pk}/edit/"))
    page.get_by_role("button", name="More actions").click()
    expect(page.get_by_role("button", name="Send for review", exact=True)).to_be_visible()
    assert page.get_by_role("button", name=re.compile("Submit|Moderat")).count() == 0
