"""Ranking consultants for an opportunity (docs/matching.md explains the score).

Candidates are read as plain rows in a fixed number of queries, whatever their number,
and scored in Python: 10,000 profiles take well under a second (bench/matching.py).
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.db.models import Count, F, Q
from django.urls import reverse
from django.utils.translation import gettext_noop

from accounts.models import User
from networking.enums import BookingState, ContactPolicy, EventFormat
from networking.models import (
    Block,
    MatchSuggestion,
    Opportunity,
    Preferences,
    UnavailableDate,
)
from networking.services.notifications import notify
from portfolio.enums import Audience, Availability, Travel
from portfolio.models import RateCardEntry, SpeakerProfilePage

WEIGHTS = {
    "topics": 40,
    "engagement": 15,
    "language": 10,
    "place": 15,
    "fee": 15,
    "availability": 5,
}
SUGGESTIONS_KEPT = 50
NOTIFY_TOP = 20
NOTIFY_MIN_SCORE = 50


@dataclass(frozen=True)
class Candidate:
    consultant_id: int
    country: str
    region: str
    travel: str
    virtual: bool
    availability: str
    topic_ids: frozenset
    language_ids: frozenset
    offers_engagement: bool  # their rate card lists the opportunity's engagement type
    min_fee: object  # Decimal or None: their rate for this type, in the opportunity's currency


def score(opportunity: Opportunity, topic_ids: set, candidate: Candidate) -> int:
    points = 0
    if topic_ids:
        points += WEIGHTS["topics"] * len(topic_ids & candidate.topic_ids) / len(topic_ids)
    else:
        points += WEIGHTS["topics"] / 2
    if candidate.offers_engagement:
        points += WEIGHTS["engagement"]
    # A fee is compared only with a rate in the same currency: there is no exchange rate.
    if candidate.min_fee is not None and candidate.min_fee <= opportunity.fee:
        points += WEIGHTS["fee"]
    if opportunity.language_id is None or opportunity.language_id in candidate.language_ids:
        points += WEIGHTS["language"]
    points += WEIGHTS["place"] * _place_fit(opportunity, candidate)
    if candidate.availability == Availability.OPEN:
        points += WEIGHTS["availability"]
    elif candidate.availability == Availability.LIMITED:
        points += WEIGHTS["availability"] / 2
    return round(points)


def _place_fit(opportunity: Opportunity, candidate: Candidate) -> float:
    """1 when the consultant can be there (or join online), 0 when they cannot."""
    if opportunity.format == EventFormat.VIRTUAL:
        return 1.0 if candidate.virtual else 0.0
    # Both are ISO codes (a Country object on the opportunity, a string from the query).
    same_country = bool(opportunity.country) and candidate.country == opportunity.country.code
    same_region = candidate.region.lower() == opportunity.region.lower()
    if same_country and opportunity.region and same_region:
        fit = 1.0
    elif same_country:
        fit = 0.8 if candidate.travel != Travel.NONE else 0.3
    else:
        fit = 0.7 if candidate.travel == Travel.INTERNATIONAL else 0.0
    if opportunity.format == EventFormat.HYBRID and candidate.virtual:
        fit = max(fit, 0.6)
    return fit


def candidates(opportunity: Opportunity) -> list[Candidate]:
    """Consultants who could be asked: live, seen by verified organizations, not blocking
    this one, open to contact, not paused or unavailable on the dates, under their cap."""
    org = opportunity.organization
    blocking = Block.objects.filter(Q(organization=org) | Q(email_domain=org.email_domain)).values(
        "consultant_id"
    )
    closed = Preferences.objects.filter(contact_policy=ContactPolicy.NOBODY).values("user_id")
    away = UnavailableDate.objects.filter(
        date__gte=opportunity.starts_on, date__lte=opportunity.ends_on
    ).values("consultant_id")
    profiles = (
        SpeakerProfilePage.objects.live()
        .filter(visibility__in=[Audience.PUBLIC, Audience.NETWORK], paused_at__isnull=True)
        .exclude(availability=Availability.PAUSED)
        .exclude(paused_until__gte=opportunity.starts_on)
        .exclude(consultant_id__in=blocking)
        .exclude(consultant_id__in=closed)
        .exclude(consultant_id__in=away)
        .exclude(consultant_id__in=_at_monthly_cap(opportunity.starts_on))
    )
    rows = list(
        profiles.values_list(
            "pk", "consultant_id", "country", "region", "travel", "virtual", "availability"
        )
    )
    page_ids = [row[0] for row in rows]
    topics = _pairs(SpeakerProfilePage.topics.through, "topic_id", page_ids)
    languages = _pairs(SpeakerProfilePage.languages.through, "language_id", page_ids)
    fees, offering = {}, set()
    for page_id, fee, currency in RateCardEntry.objects.filter(
        profile_id__in=page_ids, engagement_type=opportunity.engagement_type
    ).values_list("profile_id", "minimum_fee", "currency"):
        offering.add(page_id)
        if currency == opportunity.currency:
            fees[page_id] = min(fee, fees.get(page_id, fee))
    return [
        Candidate(
            consultant_id=consultant_id,
            country=country,
            region=region,
            travel=travel,
            virtual=virtual,
            availability=availability,
            topic_ids=frozenset(topics.get(page_id, ())),
            language_ids=frozenset(languages.get(page_id, ())),
            offers_engagement=page_id in offering,
            min_fee=fees.get(page_id),
        )
        for page_id, consultant_id, country, region, travel, virtual, availability in rows
    ]


def _pairs(through, field: str, page_ids) -> dict:
    pairs = defaultdict(set)
    for page_id, other_id in through.objects.filter(speakerprofilepage_id__in=page_ids).values_list(
        "speakerprofilepage_id", field
    ):
        pairs[page_id].add(other_id)
    return pairs


def _at_monthly_cap(day: date):
    """Consultants whose confirmed bookings that month already reach their monthly cap."""
    month = Q(
        consultant__bookings__state__in=[BookingState.CONFIRMED, BookingState.COMPLETED],
        consultant__bookings__starts_on__year=day.year,
        consultant__bookings__starts_on__month=day.month,
    )
    # Grouped by the two columns it needs, not by every column of the page.
    return (
        SpeakerProfilePage.objects.filter(monthly_cap__isnull=False)
        .values("consultant_id", "monthly_cap")
        .annotate(booked=Count("consultant__bookings", filter=month))
        .filter(booked__gte=F("monthly_cap"))
        .values("consultant_id")
    )


def rank(opportunity: Opportunity) -> list[tuple[int, int]]:
    """(consultant_id, score) pairs, best first; ties broken by id for a stable order."""
    topic_ids = set(opportunity.topics.values_list("pk", flat=True))
    # Someone who cannot be there (in person, not travelling that far) is not a match at
    # all, however well the rest fits.
    scored = [
        (c.consultant_id, score(opportunity, topic_ids, c))
        for c in candidates(opportunity)
        if _place_fit(opportunity, c) > 0
    ]
    scored.sort(key=lambda pair: (-pair[1], pair[0]))
    return scored


@transaction.atomic
def opportunity_match(*, opportunity: Opportunity) -> int:
    """Store the best suggestions and notify the opted-in best matches. Safe to repeat."""
    ranked = rank(opportunity)[:SUGGESTIONS_KEPT]
    MatchSuggestion.objects.filter(opportunity=opportunity).delete()
    MatchSuggestion.objects.bulk_create(
        MatchSuggestion(opportunity=opportunity, consultant_id=cid, score=points, rank=n)
        for n, (cid, points) in enumerate(ranked, start=1)
    )
    best = [cid for cid, points in ranked[:NOTIFY_TOP] if points >= NOTIFY_MIN_SCORE]
    opted_out = set(
        Preferences.objects.filter(user_id__in=best, match_notifications=False).values_list(
            "user_id", flat=True
        )
    )
    url = reverse("networking:opportunity", args=[opportunity.pk])
    notified = 0
    for user in User.objects.filter(pk__in=[cid for cid in best if cid not in opted_out]):
        if notify(
            user=user,
            event_key=f"match:{opportunity.pk}",
            text=gettext_noop("A new opportunity matches your profile."),
            url=url,
        ):
            notified += 1
    return notified
