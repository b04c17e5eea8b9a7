"""Every change to what a visitor may see leaves the page cache at once.

Each test fills the cache (the second request of every address is a hit), makes one
kind of change the way the product makes it, and asks again as a visitor: the profile,
its post and every listing that showed them (directory, topic page, feeds, sitemap, home)
must no longer show what was withdrawn.
"""

import pytest
from django.test import Client
from wagtail.models import PageViewRestriction

from cms.models import FeaturedItem, HomePage
from core.models import SiteSettings
from core.page_cache.middleware import HIT_HEADER
from networking.services.safety import block_create
from portfolio.models import BlogPostPage, SpeakerProfilePage
from portfolio.services import featuring_consent_set, profile_pause, profile_resume
from tests.factories import (
    EditorFactory,
    OrganizationFactory,
    TopicFactory,
    published_child,
    published_profile,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("on_commit_runs", "page_cache_on")]

NAME = "Lina Okafor"
POST = "Paid, plainly"


@pytest.fixture
def lina():
    topic = TopicFactory(name="Fair pay", slug="fair-pay")
    profile = published_profile(
        title=NAME, slug="lina-okafor", topics=[topic], allow_search_engines=True
    )
    post = published_child(profile, BlogPostPage, title=POST, slug="paid", topics=[topic])
    featuring_consent_set(profile=profile, consent=True)
    FeaturedItem.objects.create(home=HomePage.objects.get(), page=post)
    Client().get("/")  # the site settings' row is written on the site's first request
    return profile


# Where each marker must be seen before the change, and must be gone after it.
LISTINGS = {
    "/speakers/": NAME,
    "/speakers/?topic=fair-pay": NAME,
    "/speakers/?q=Lina": NAME,
    "/speakers/topics/fair-pay/": POST,
    "/speakers/feed/": POST,
    "/speakers/feed/atom/": POST,
    "/sitemap-pages-1.xml": "/speakers/lina-okafor/",
    "/": POST,
}
PAGES = {
    "/speakers/lina-okafor/": NAME,
    "/speakers/lina-okafor/paid/": POST,
    "/speakers/lina-okafor/feed/": POST,
    "/speakers/lina-okafor/media-kit/": NAME,
}


def fill(client, addresses):
    for url, marker in addresses.items():
        client.get(url)
        again = client.get(url)
        assert again[HIT_HEADER] == "hit", url
        assert marker in again.content.decode(), url


def assert_gone(client, addresses):
    for url, marker in addresses.items():
        response = client.get(url)
        assert HIT_HEADER not in response, url
        assert marker not in response.content.decode(), url


def _publish(page, **fields):
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision(user=page.consultant).publish()


def test_a_paused_profile_leaves_the_cache_at_once(client, lina):
    fill(client, LISTINGS | PAGES)
    profile_pause(profile=lina)
    assert_gone(client, LISTINGS | PAGES)
    profile_resume(profile=lina)
    assert NAME in client.get("/speakers/").content.decode()


@pytest.mark.parametrize("audience", ["network", "private"])
def test_a_profile_narrowed_to_an_audience_leaves_the_cache_at_once(client, lina, audience):
    fill(client, LISTINGS | PAGES)
    _publish(SpeakerProfilePage.objects.get(pk=lina.pk), audience=audience)
    assert_gone(client, LISTINGS | PAGES)


def test_a_post_narrowed_to_an_audience_leaves_the_cache_at_once(client, lina):
    post = BlogPostPage.objects.get(slug="paid")
    posts = {url: POST for url in (*LISTINGS, *PAGES) if LISTINGS.get(url, PAGES.get(url)) == POST}
    posts["/speakers/lina-okafor/"] = POST
    fill(client, posts)
    _publish(post, audience="network")
    assert_gone(client, posts)


def test_an_unpublished_post_leaves_the_cache_at_once(client, lina):
    posts = {"/speakers/lina-okafor/": POST, "/speakers/lina-okafor/paid/": POST}
    posts |= {"/speakers/feed/": POST, "/speakers/topics/fair-pay/": POST, "/": POST}
    fill(client, posts)
    BlogPostPage.objects.get(slug="paid").unpublish(user=EditorFactory())
    assert_gone(client, posts)


def test_an_unpublished_profile_leaves_the_cache_at_once(client, lina):
    fill(client, LISTINGS | PAGES)
    SpeakerProfilePage.objects.get(pk=lina.pk).unpublish(user=EditorFactory())
    assert_gone(client, LISTINGS | PAGES)


def test_a_deleted_post_leaves_the_cache_at_once(client, lina):
    posts = {"/speakers/lina-okafor/": POST, "/speakers/lina-okafor/paid/": POST}
    posts |= {"/speakers/feed/": POST, "/speakers/topics/fair-pay/": POST, "/": POST}
    fill(client, posts)
    BlogPostPage.objects.get(slug="paid").delete()
    assert_gone(client, posts)


def test_a_deleted_account_leaves_the_cache_at_once(client, lina):
    from accounts.services import account_delete

    fill(client, LISTINGS | PAGES)
    account_delete(user=lina.consultant)
    assert_gone(client, LISTINGS | PAGES)


def test_a_moved_post_leaves_its_old_address(client, lina):
    other = published_profile(title="Bo Reyes", slug="bo-reyes")
    fill(client, {"/speakers/lina-okafor/paid/": POST, "/speakers/lina-okafor/": POST})
    BlogPostPage.objects.get(slug="paid").move(other, pos="last-child")
    assert_gone(client, {"/speakers/lina-okafor/paid/": POST, "/speakers/lina-okafor/": POST})
    assert POST in client.get("/speakers/bo-reyes/paid/").content.decode()


def test_a_withdrawn_featuring_consent_leaves_the_home_page_at_once(client, lina):
    fill(client, {"/": POST})
    featuring_consent_set(profile=lina, consent=False)
    assert_gone(client, {"/": POST})


def test_an_unfeatured_post_leaves_the_home_page_at_once(client, lina):
    fill(client, {"/": POST})
    FeaturedItem.objects.all().delete()
    assert_gone(client, {"/": POST})


def test_a_view_restriction_added_by_hand_leaves_the_cache_at_once(client, lina):
    fill(client, {"/speakers/lina-okafor/": NAME})
    PageViewRestriction.objects.create(page=lina, restriction_type=PageViewRestriction.LOGIN)
    response = client.get("/speakers/lina-okafor/")
    assert HIT_HEADER not in response
    assert response.status_code == 302  # Wagtail's sign-in redirect, never kept


def test_a_block_forgets_kept_pages(client, lina):
    # Visitors are hidden from nobody; a block changes nothing they see, and signed-in
    # people never get kept pages. Kept pages are forgotten all the same.
    fill(client, {"/speakers/": NAME})
    block_create(consultant=lina.consultant, organization=OrganizationFactory())
    response = client.get("/speakers/")
    assert HIT_HEADER not in response
    assert NAME in response.content.decode()


def test_a_renamed_topic_and_changed_site_settings_show_at_once(client, lina):
    fill(client, {"/speakers/topics/fair-pay/": "Fair pay", "/about/": "Podium"})
    topic = lina.topics.get()
    topic.name = "Paid work"
    topic.save()
    settings = SiteSettings.objects.get()
    settings.hotline_phone = "0800 765 4321"
    settings.save()
    assert "Paid work" in client.get("/speakers/topics/fair-pay/").content.decode()
    assert "0800 765 4321" in client.get("/about/").content.decode()


def test_a_visitors_request_during_the_change_does_not_keep_the_old_page(client, lina):
    """A page rendered from the data before the change, kept while the change's transaction
    was open, is forgotten when it commits: the second purge."""
    from django.db import transaction

    with transaction.atomic():
        profile_pause(profile=lina)
        # Inside the transaction, this connection sees the pause; another visitor's
        # connection would not. Keep the old page as such a visitor would have.
        from django.core.cache import cache

        from core.page_cache import store

        generation = store.generation()
        key = store.key_for(
            generation=generation,
            address="http://testserver/speakers/lina-okafor/",
            language="en",
        )
        cache.set(key, (200, [("Content-Type", "text/html")], NAME.encode()))
        assert client.get("/speakers/lina-okafor/").content.decode() == NAME
    response = client.get("/speakers/lina-okafor/")
    assert response.status_code == 404
    assert NAME not in response.content.decode()
