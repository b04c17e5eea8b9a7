import pytest
from wagtail.models import Page, Site

from cms.models import HomePage
from core.models import SiteSettings

pytestmark = pytest.mark.django_db


def test_home_page_is_the_default_sites_root():
    site = Site.objects.get(is_default_site=True)

    assert isinstance(site.root_page.specific, HomePage)
    assert not Page.objects.filter(title__icontains="welcome").exists()


def test_home_page_shows_landmarks_quick_exit_first_and_hotline(client):
    html = client.get("/").content.decode()

    assert html.index("data-quick-exit") < html.index('class="skip-link"') < html.index("<main")
    assert 'href="https://www.bbc.co.uk/weather"' in html
    assert '<nav aria-label="Main">' in html
    # The phone menu is a disclosure inside the navigation landmark: no script needed.
    assert html.index('<nav aria-label="Main">') < html.index('<details class="site-nav">')
    # Numbers are tappable and never break across lines.
    assert '<a class="nowrap" href="tel:18883737888">1-888-373-7888</a>' in html
    assert '<a class="nowrap" href="sms:233733">233733</a>' in html


def test_footer_hotline_and_quick_exit_follow_site_settings(client):
    site_settings = SiteSettings.load()
    site_settings.hotline_phone = "0800 123 456"
    site_settings.quick_exit_url = "https://example.com/news"
    site_settings.save()

    html = client.get("/").content.decode()

    assert '<a class="nowrap" href="tel:0800123456">0800 123 456</a>' in html
    assert 'href="https://example.com/news"' in html


def test_home_page_is_a_singleton_at_the_root():
    assert HomePage.max_count == 1
    assert HomePage.parent_page_types == ["wagtailcore.Page"]
    assert not HomePage.can_create_at(Page.get_first_root_node())


def test_home_page_makes_a_bounded_number_of_queries(client, consultant, django_assert_num_queries):
    client.get("/")
    # Measured 7 for a visitor: site, page, the view restrictions, settings, featured
    # items, topics, the open opportunities count (tests/cms/test_featuring.py checks that
    # it does not grow).
    with django_assert_num_queries(7):
        assert client.get("/").status_code == 200

    client.force_login(consultant)
    client.get("/")  # the session's renewal, at most once a minute, is not measured
    with django_assert_num_queries(10):
        assert client.get("/").status_code == 200
