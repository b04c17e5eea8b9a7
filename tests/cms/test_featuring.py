"""Featuring on the home page: only with the consultant's consent, only public pages,
only within the schedule; a withdrawal or a pause takes effect at once."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from cms.models import FeaturedItem, HomePage
from portfolio.models import BlogPostPage
from portfolio.services import featuring_consent_set, profile_pause
from tests.factories import published_child, published_profile

pytestmark = pytest.mark.django_db


@pytest.fixture
def home():
    return HomePage.objects.get()


@pytest.fixture
def consenting():
    profile = published_profile(title="Noor Basri", slug="noor-basri")
    featuring_consent_set(profile=profile, consent=True)
    profile.refresh_from_db()
    return profile


def _feature(home, page, **schedule):
    item = FeaturedItem(home=home, page=page, **schedule)
    item.full_clean(exclude=["home"])
    item.save()
    return item


def _home_html(client):
    return client.get("/").content.decode()


def test_a_consenting_consultants_public_post_is_featured(client, home, consenting):
    post = published_child(consenting, BlogPostPage, title="Pay parity, plainly")
    _feature(home, post)
    _feature(home, consenting)
    html = _home_html(client)
    assert "Pay parity, plainly" in html
    assert "Noor Basri" in html


def test_featuring_without_consent_is_refused(home):
    profile = published_profile(title="Ines Varga", slug="ines-varga")
    with pytest.raises(ValidationError, match="not agreed"):
        _feature(home, profile)
    assert not FeaturedItem.objects.exists()


def test_private_or_network_pages_cannot_be_featured(home):
    profile = published_profile(title="Ola Ekwe", slug="ola-ekwe", audience="network")
    featuring_consent_set(profile=profile, consent=True)
    with pytest.raises(ValidationError, match="public"):
        _feature(home, profile)


def test_withdrawing_consent_or_pausing_removes_it_at_once(client, home, consenting):
    _feature(home, consenting)
    assert "Noor Basri" in _home_html(client)
    featuring_consent_set(profile=consenting, consent=False)
    assert "Noor Basri" not in _home_html(client)
    featuring_consent_set(profile=consenting, consent=True)
    assert "Noor Basri" in _home_html(client)
    profile_pause(profile=consenting)
    assert "Noor Basri" not in _home_html(client)


def test_an_item_narrowed_to_private_after_featuring_disappears(client, home, consenting):
    post = published_child(consenting, BlogPostPage, title="Notes for funders")
    _feature(home, post)
    post.audience = "private"
    post.save_revision(user=consenting.consultant).publish()
    assert "Notes for funders" not in _home_html(client)


def test_the_schedule_decides_when(client, home, consenting):
    now = timezone.now()
    _feature(home, consenting, go_live_at=now + timedelta(hours=1))
    assert "Noor Basri" not in _home_html(client)
    FeaturedItem.objects.update(
        go_live_at=now - timedelta(hours=1), expire_at=now - timedelta(minutes=1)
    )
    assert "Noor Basri" not in _home_html(client)
    FeaturedItem.objects.update(expire_at=now + timedelta(days=1))
    assert "Noor Basri" in _home_html(client)
    with pytest.raises(ValidationError, match="after the start"):
        _feature(home, consenting, go_live_at=now, expire_at=now - timedelta(days=1))


def test_the_dashboard_toggle_is_the_consultants_own(client, consenting):
    client.force_login(consenting.consultant)
    client.post(reverse("portfolio:featuring"), {"consent": "no"})
    consenting.refresh_from_db()
    assert consenting.featuring_consent_at is None
    client.post(reverse("portfolio:featuring"), {"consent": "yes"})
    consenting.refresh_from_db()
    assert consenting.featuring_consent_at is not None
    assert client.get(reverse("portfolio:featuring")).status_code == 405


def test_the_home_page_query_count_does_not_grow_with_featured_items(
    client, home, consenting, django_assert_num_queries
):
    # The same exact count for one featured item and for three.
    _feature(home, published_child(consenting, BlogPostPage, title="Post 0"))
    client.get("/")
    with django_assert_num_queries(10):
        assert "Post 0" in _home_html(client)
    for n in range(1, 3):
        _feature(home, published_child(consenting, BlogPostPage, title=f"More {n}"))
    with django_assert_num_queries(10):
        assert "More 2" in _home_html(client)


def test_the_admin_refuses_to_feature_without_consent(client, home):
    from allauth.mfa.models import Authenticator
    from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

    from tests.factories import EditorFactory

    editor = EditorFactory()
    Authenticator.objects.create(user=editor, type=Authenticator.Type.TOTP, data={})
    client.force_login(editor)
    profile = published_profile(title="Ines Varga", slug="ines-varga")
    data = nested_form_data(
        {
            "title": home.title,
            "slug": home.slug,
            "mission": rich_text("<p>Paid work, fairly.</p>"),
            "featured_items": inline_formset(
                [{"page": profile.pk, "go_live_at": "", "expire_at": ""}]
            ),
        }
    )
    response = client.post(reverse("wagtailadmin_pages:edit", args=[home.pk]), data)
    assert response.status_code == 200
    assert "has not agreed to be featured" in response.content.decode()
    assert not FeaturedItem.objects.exists()
    featuring_consent_set(profile=profile, consent=True)
    data["action-publish"] = "action-publish"
    client.post(reverse("wagtailadmin_pages:edit", args=[home.pk]), data)
    assert FeaturedItem.objects.filter(page=profile).count() == 1
    assert "Ines Varga" in client.get("/").content.decode()
