"""Kept profile cards and filter forms (portfolio.fragments) never show what a listing's
own query would not: each test keeps a card first, then changes something or asks as
someone else, and the listing must show only what that person may see, as it is now."""

import pytest
from django.core.cache import cache
from django.test import Client

from networking.services.safety import block_create
from portfolio.models import BlogPostPage, SpeakerProfilePage
from portfolio.services import profile_pause
from tests.factories import (
    ConsultantFactory,
    OrganizationFactory,
    TopicFactory,
    member_of,
    published_child,
    published_profile,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("on_commit_runs")]

NAME = "Lina Okafor"
LISTINGS = ("/speakers/", "/speakers/?q=Lina", "/speakers/topics/fair-pay/")


@pytest.fixture
def lina():
    topic = TopicFactory(name="Fair pay", slug="fair-pay")
    profile = published_profile(
        title=NAME, slug="lina-okafor", headline="Policy trainer", topics=[topic]
    )
    published_child(profile, BlogPostPage, title="Paid, plainly", slug="paid", topics=[topic])
    Client().get("/")  # the site settings' row is written on the first request: a change
    return profile


def _kept_cards() -> list[str]:
    """The kept cards' keys, in the local-memory cache or in Redis (CI)."""
    store = cache._cache
    if hasattr(store, "get_client"):
        keys = [key.decode() for key in store.get_client().keys("*:profile-card:*")]
    else:
        keys = list(store)
    return [key for key in keys if ":profile-card:" in key]


def keep(client):
    for url in LISTINGS:
        assert NAME in client.get(url).content.decode(), url
    assert _kept_cards(), "the cards were not kept"


def _publish(page, **fields):
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision(user=page.consultant).publish()


def test_a_kept_card_is_read_instead_of_rendered(client, lina, django_assert_num_queries):
    client.get("/speakers/?q=Lina")
    # The same card on another listing is the kept one: its topics are not read again
    # (the form without filters is rendered for the first time: its languages are read).
    with django_assert_num_queries(10):
        assert NAME in client.get("/speakers/").content.decode()


def test_a_paused_profile_leaves_every_listing_at_once(client, lina):
    keep(client)
    profile_pause(profile=lina)
    for url in LISTINGS:
        assert NAME not in client.get(url).content.decode(), url


@pytest.mark.parametrize("audience", ["network", "private"])
def test_a_narrowed_profile_leaves_every_listing_at_once(client, lina, audience):
    keep(client)
    _publish(SpeakerProfilePage.objects.get(pk=lina.pk), audience=audience)
    for url in LISTINGS:
        assert NAME not in client.get(url).content.decode(), url


def test_a_card_kept_for_the_network_is_never_shown_to_a_visitor(client, lina):
    _publish(SpeakerProfilePage.objects.get(pk=lina.pk), audience="network")
    member = member_of(OrganizationFactory())
    client.force_login(member)
    assert NAME in client.get("/speakers/").content.decode()
    assert _kept_cards()
    for url in LISTINGS:
        assert NAME not in Client().get(url).content.decode(), url


def test_a_card_kept_for_visitors_is_never_shown_to_a_blocked_organization(client, lina):
    keep(client)
    organization = OrganizationFactory()
    member = member_of(organization)
    block_create(consultant=lina.consultant, organization=organization)
    client.force_login(member)
    for url in LISTINGS:
        assert NAME not in client.get(url).content.decode(), url
    # Others still see it.
    assert NAME in Client().get("/speakers/").content.decode()


def test_what_a_card_shows_changes_at_once(client, lina):
    keep(client)
    topic = lina.topics.get()
    topic.name = "Paid work"
    topic.save()
    _publish(SpeakerProfilePage.objects.get(pk=lina.pk), headline="Housing advocate")
    for url in LISTINGS:
        body = client.get(url).content.decode()
        assert "Paid work" in body, url
        assert "Housing advocate" in body, url
        assert "Policy trainer" not in body, url


def test_a_spanish_card_is_never_shown_in_english(lina):
    spanish = Client().get("/speakers/", headers={"accept-language": "es"})
    english = Client().get("/speakers/", headers={"accept-language": "en"})
    again = Client().get("/speakers/", headers={"accept-language": "es"})
    assert spanish["Content-Language"] == again["Content-Language"] == "es"
    assert english["Content-Language"] == "en"
    # The card's list of topics is labelled in the reader's language.
    assert 'aria-label="Temas"' in again.content.decode()
    assert 'aria-label="Temas"' not in english.content.decode()


def test_the_filter_form_shows_back_only_what_was_asked(client, lina):
    asked = client.get("/speakers/?q=housing").content.decode()
    assert 'value="housing"' in asked
    plain = client.get("/speakers/").content.decode()
    assert 'value="housing"' not in plain
    wrong = client.get("/speakers/?topic=nope").content.decode()
    assert "message--error" in wrong
    assert "message--error" not in client.get("/speakers/?topic=fair-pay").content.decode()


def test_with_the_card_cache_off_cards_are_rendered(client, lina, settings):
    settings.PODIUM_CARD_CACHE_SECONDS = 0
    cache.clear()
    assert NAME in client.get("/speakers/").content.decode()
    assert "Paid, plainly" in client.get("/speakers/topics/fair-pay/").content.decode()
    assert not _kept_cards()


def test_a_visitors_kept_count_is_never_a_signed_in_persons(client, lina):
    _publish(
        SpeakerProfilePage.objects.get(pk=published_profile(title="Bo Reyes").pk),
        audience="network",
    )
    assert "1 speaker" in client.get("/speakers/").content.decode()
    assert "1 speaker" in client.get("/speakers/").content.decode()  # the kept count
    client.force_login(member_of(OrganizationFactory()))
    assert "2 speakers" in client.get("/speakers/").content.decode()
    # A count kept before a pause is forgotten with it.
    client.logout()
    profile_pause(profile=lina)
    assert "0 speakers" in client.get("/speakers/").content.decode()


def test_a_consultant_sees_the_same_card_as_a_visitor(client, lina):
    """The card kept for a visitor is the one a signed-in consultant is shown: no second
    card is kept for her."""
    consultant = ConsultantFactory()  # before the cards are kept: making her purges
    keep(client)
    kept = _kept_cards()
    assert kept
    client.force_login(consultant)
    assert NAME in client.get("/speakers/").content.decode()
    assert _kept_cards() == kept
