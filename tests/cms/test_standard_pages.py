"""The standard pages and the editors' navigation."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.blocks import StreamValue, StructBlockValidationError

from cms.models import HomePage, StandardPage
from core.blocks import LinkBlock
from core.models import SiteSettings

pytestmark = pytest.mark.django_db

STANDARD_SLUGS = ["about", "fair-pay", "code-of-conduct", "privacy", "safety"]


@pytest.mark.parametrize("slug", STANDARD_SLUGS)
def test_every_site_starts_with_the_standard_pages_in_the_footer(client, slug):
    page = StandardPage.objects.get(slug=slug)
    response = client.get(page.url)
    assert response.status_code == 200
    assert page.title in response.content.decode()
    footer = response.content.decode().split('class="site-footer"')[1]
    for other in STANDARD_SLUGS:
        assert f'href="/{other}/"' in footer


def test_the_safety_page_says_what_the_quick_exit_does_not_hide(client):
    text = client.get("/safety/").content.decode()
    assert "does not erase your history" in text
    assert "spyware" in text
    assert "Private browsing" in text
    assert "1-888-373-7888" in text


def test_a_standard_page_uses_the_shared_blocks(client):
    home = HomePage.objects.get()
    page = StandardPage(title="Accessibility", slug="accessibility", intro="How we build.")
    page.body = [
        ("heading", {"text": "Our promise", "level": "h2"}),
        ("paragraph", "<p>Plain words.</p><script>alert(1)</script>"),
        ("quote", {"text": "Nothing about us without us.", "attribution": ""}),
    ]
    home.add_child(instance=page)
    text = client.get("/accessibility/").content.decode()
    assert "Our promise</h2>" in text
    assert "Nothing about us without us." in text
    assert "<script>alert(1)" not in text


def _link(**value):
    block = LinkBlock()
    return block.clean(block.to_python({"label": "Help", "page": None, "address": "", **value}))


@pytest.mark.parametrize(
    "value",
    [
        {},  # neither a page nor an address
        {"address": "javascript:alert(1)"},
        {"address": "//evil.example"},
        {"address": "http://insecure.example"},
        {"address": "speakers"},
        {"address": "/\\evil.example"},
        {"address": "/ok path"},
    ],
)
def test_a_link_needs_a_page_or_a_safe_address(value):
    with pytest.raises(ValidationError):
        _link(**value)


def test_a_link_cannot_have_both_a_page_and_an_address():
    home = HomePage.objects.get()
    with pytest.raises(StructBlockValidationError):
        _link(page=home.pk, address="/speakers/")


def test_good_links_pass():
    assert _link(address="/speakers/")["address"] == "/speakers/"
    assert _link(address="https://example.org/help")["address"] == "https://example.org/help"


def test_editors_change_the_header_and_unpublished_pages_are_left_out(client):
    about = StandardPage.objects.get(slug="about")
    draft = StandardPage.objects.get(slug="privacy")
    draft.unpublish()
    nav = SiteSettings.load()
    nav.header_links = StreamValue(
        nav.header_links.stream_block,
        [
            ("link", {"label": "Who we are", "page": about, "address": ""}),
            ("link", {"label": "Hidden draft", "page": draft, "address": ""}),
        ],
    )
    nav.save()
    header = client.get("/").content.decode().split("</header>")[0]
    assert '<a href="/about/" lang="en">Who we are</a>' in header
    assert "Hidden draft" not in header
    assert "/speakers/" not in header.split("site-nav__list")[1].split("Sign in")[0]


def _settings_form(**links):
    from wagtail.test.utils.form_data import nested_form_data, streamfield

    current = SiteSettings.load()
    return nested_form_data(
        {
            "site_name": current.site_name,
            "email_sender_name": current.email_sender_name,
            "hotline_name": current.hotline_name,
            "hotline_phone": current.hotline_phone,
            "hotline_text": current.hotline_text,
            "quick_exit_url": current.quick_exit_url,
            "fair_pay_benchmarks": streamfield([]),
            "header_links": streamfield([("link", link) for link in links["header"]]),
            "footer_links": streamfield([]),
        }
    )


def test_editors_set_the_navigation_in_site_settings(editor_client):
    about = StandardPage.objects.get(slug="about")
    address = reverse("wagtailsettings:edit", args=["core", "sitesettings", SiteSettings.load().pk])
    assert editor_client.get(address).status_code == 200
    bad = _settings_form(header=[{"label": "Bad", "page": "", "address": "javascript:alert(1)"}])
    response = editor_client.post(address, bad)
    assert response.status_code == 200
    assert "Start with / for a page on this site" in response.content.decode()
    assert SiteSettings.load().header_links[0].value["label"] == "Speakers"  # nothing lost
    good = _settings_form(header=[{"label": "About us", "page": about.pk, "address": ""}])
    assert editor_client.post(address, good).status_code == 302
    assert (
        '<a href="/about/" lang="en">About us</a>'
        in editor_client.get("/speakers/").content.decode()
    )


def test_a_standard_page_makes_a_bounded_number_of_queries(client, django_assert_num_queries):
    client.get("/safety/")  # warm the site-root cache, as any running site has
    # The view restrictions of the page and its ancestors are one query (core.models.pages).
    with django_assert_num_queries(6):
        response = client.get("/safety/")
    assert "Staying safe on Podium" in response.content.decode()
