"""Matching: who ranks first, who is never suggested, who is told."""

from datetime import timedelta

import pytest
from django.utils import timezone

from networking.enums import ContactPolicy
from networking.matching import opportunity_match, rank
from networking.models import Notification, Preferences, UnavailableDate
from networking.selectors import opportunity_suggestions
from networking.services.opportunities import opportunity_create, opportunity_set_status
from networking.services.safety import block_create
from tests.factories import TopicFactory, published_profile

pytestmark = pytest.mark.django_db


@pytest.fixture
def topics():
    return [
        TopicFactory(name="Labour rights", slug="labour"),
        TopicFactory(name="Policy", slug="policy"),
    ]


def _opportunity(org_member, topics, **overrides):
    start = timezone.localdate() + timedelta(days=60)
    fields = {
        "title": "Policy roundtable",
        "engagement_type": "panel",
        "description": "Two hours",
        "format": "in_person",
        "country": "KE",
        "region": "Nairobi",
        "starts_on": start,
        "ends_on": start,
        "fee": 700,
        "currency": "USD",
        "deadline": start - timedelta(days=20),
        "pay_parity_attested": True,
    }
    fields.update(overrides)
    return opportunity_create(actor=org_member, topics=topics, **fields)


def _profile(title, **fields):
    fields.setdefault("country", "KE")
    return published_profile(title=title, slug=title.lower().replace(" ", "-"), **fields)


def test_the_closest_fit_ranks_first(org_member, topics):
    best = _profile("Best Fit", topics=topics, rates=[("panel", 500)], region="Nairobi")
    partial = _profile("Partial", topics=topics[:1], rates=[("panel", 500)], travel="in_country")
    expensive = _profile("Expensive", topics=topics, rates=[("panel", 5000)], region="Nairobi")
    far = _profile("Far Away", topics=topics, rates=[("panel", 500)], country="PE", virtual=False)
    opportunity = _opportunity(org_member, topics)
    order = [cid for cid, _score in rank(opportunity)]
    assert order.index(best.consultant_id) == 0
    assert order.index(best.consultant_id) < order.index(expensive.consultant_id)
    assert order.index(best.consultant_id) < order.index(partial.consultant_id)
    assert far.consultant_id not in order  # in person, and she does not travel abroad


def test_some_consultants_are_never_suggested(org_member, topics):
    opportunity = _opportunity(org_member, topics)
    private = _profile("Private", topics=topics, audience="private")
    closed = _profile("Closed", topics=topics)
    Preferences.objects.create(user=closed.consultant, contact_policy=ContactPolicy.NOBODY)
    blocking = _profile("Blocking", topics=topics)
    block_create(consultant=blocking.consultant, organization=org_member.membership.organization)
    away = _profile("Away", topics=topics)
    UnavailableDate.objects.create(consultant=away.consultant, date=opportunity.starts_on)
    paused = _profile("Paused", topics=topics, availability="paused")
    visible = _profile("Visible", topics=topics)
    ranked = {cid for cid, _score in rank(opportunity)}
    assert visible.consultant_id in ranked
    for hidden in (private, closed, blocking, away, paused):
        assert hidden.consultant_id not in ranked, hidden.title


def test_opening_notifies_the_opted_in_best_matches_once(org_member, topics):
    keen = _profile("Keen", topics=topics, rates=[("panel", 500)], region="Nairobi")
    quiet = _profile("Quiet", topics=topics, rates=[("panel", 500)], region="Nairobi")
    Preferences.objects.create(user=quiet.consultant, match_notifications=False)
    weak = _profile("Weak", country="PE", virtual=False)
    opportunity = _opportunity(org_member, topics)
    opportunity_set_status(opportunity=opportunity, actor=org_member, status="open")
    opportunity_match(opportunity=opportunity)  # eager task already ran: a second run
    assert Notification.objects.filter(user=keen.consultant).count() == 1
    assert not Notification.objects.filter(user=quiet.consultant).exists()
    assert not Notification.objects.filter(user=weak.consultant).exists()


def test_suggestions_respect_the_viewers_audience_and_later_blocks(org_member, topics):
    keen = _profile("Keen", topics=topics, rates=[("panel", 500)], region="Nairobi")
    opportunity = _opportunity(org_member, topics)
    opportunity_match(opportunity=opportunity)
    assert [
        p.title for _s, p in opportunity_suggestions(opportunity=opportunity, viewer=org_member)
    ] == ["Keen"]
    block_create(consultant=keen.consultant, organization=org_member.membership.organization)
    from accounts.models import User

    fresh = User.objects.get(pk=org_member.pk)
    assert opportunity_suggestions(opportunity=opportunity, viewer=fresh) == []


def test_a_rate_in_another_currency_offers_the_engagement_but_is_no_fee_match(org_member, topics):
    """A fee is compared only with a rate in its own currency; the offer itself counts."""
    from portfolio.models import RateCardEntry

    same = _profile("Same Currency", topics=topics, rates=[("panel", 500)], region="Nairobi")
    other = _profile("Other Currency", topics=topics, rates=[("panel", 500)], region="Nairobi")
    RateCardEntry.objects.filter(profile=other).update(currency="EUR")
    none = _profile("No Panels", topics=topics, rates=[("keynote", 500)], region="Nairobi")
    scores = dict(rank(_opportunity(org_member, topics)))

    assert scores[same.consultant_id] - scores[other.consultant_id] == 15  # the fee part
    assert scores[other.consultant_id] - scores[none.consultant_id] == 15  # the offer


def test_a_consultant_at_their_monthly_cap_that_month_is_not_suggested(org_member, topics):
    from networking.enums import BookingState
    from networking.models import Booking
    from networking.services.bookings import booking_request
    from networking.services.capacity import capacity_update
    from tests.networking.conftest import booking_fields

    capped = _profile("Capped", topics=topics, rates=[("panel", 500)], region="Nairobi")
    capacity_update(consultant=capped.consultant, monthly_limit=1, rest_days=0)
    opportunity = _opportunity(org_member, topics)
    assert capped.consultant_id in [cid for cid, _score in rank(opportunity)]

    # One booking that month, still only requested: below the cap.
    day = opportunity.starts_on.replace(day=1)
    booking = booking_request(
        actor=org_member,
        consultant=capped.consultant,
        **{**booking_fields(), "starts_on": day, "ends_on": day},
    )
    assert capped.consultant_id in [cid for cid, _score in rank(opportunity)]
    # Confirmed, it reaches the cap of one that month.
    Booking.objects.filter(pk=booking.pk).update(state=BookingState.CONFIRMED)
    assert capped.consultant_id not in [cid for cid, _score in rank(opportunity)]
