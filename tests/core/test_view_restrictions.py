"""A page's view restrictions, read in one query (core.models.pages.BasePage), are exactly
the ones Wagtail's own two-query version finds: the page's, its ancestors', and for an
alias its source page's."""

import pytest
from wagtail.models import Page, PageViewRestriction

from portfolio.models import BlogPostPage
from tests.factories import published_child, published_profile

pytestmark = pytest.mark.django_db


def _both(page) -> tuple[set, set]:
    return set(page.get_view_restrictions()), set(Page.get_view_restrictions(page))


def test_a_restriction_on_the_page_or_an_ancestor_applies_as_in_wagtail():
    profile = published_profile(title="Lina Okafor")
    post = published_child(profile, BlogPostPage, title="Paid, plainly")
    ours, wagtails = _both(post)
    assert ours == wagtails == set()

    on_index = PageViewRestriction.objects.create(
        page=profile.get_parent(), restriction_type=PageViewRestriction.LOGIN
    )
    on_post = PageViewRestriction.objects.create(
        page=post, restriction_type=PageViewRestriction.LOGIN
    )
    ours, wagtails = _both(post)
    assert on_index in ours
    assert on_post in ours
    assert ours == wagtails
    # A sibling shares the ancestors' restrictions, never the post's own.
    other = published_child(profile, BlogPostPage, title="Another")
    ours, wagtails = _both(other)
    assert ours == wagtails
    assert on_post not in ours


def test_an_alias_counts_as_its_source_page():
    profile = published_profile(title="Lina Okafor")
    other = published_profile(title="Bo Reyes")
    post = published_child(profile, BlogPostPage, title="Paid, plainly")
    alias = post.create_alias(parent=other, update_slug="paid-alias")
    restriction = PageViewRestriction.objects.create(
        page=post, restriction_type=PageViewRestriction.LOGIN
    )
    ours, wagtails = _both(alias.specific)
    assert restriction in ours
    assert ours == wagtails
