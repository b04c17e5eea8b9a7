"""Ranking consultants for an opportunity (docs/matching.md explains the score).

Candidates are read as plain rows in a fixed number of queries, whatever their number.
A score depends only on a handful of facts about a candidate (how many of the
opportunity's topics they cover, whether they offer the engagement type and within the
fee, speak the language, where they are and travel, how available they are), and
thousands of consultants share a few hundred combinations of them: each combination is
scored once, by `points()`, and every candidate looks its score up. 10,000 profiles
take a fraction of a second (bench/matching.py).
"""

from collections import defaultdict
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_noop

from accounts.models import User
from networking.capacity import blocked_by
from networking.enums import ContactPolicy, EventFormat
from networking.models import (
    Block,
    MatchSuggestion,
    Opportunity,
    Preferences,
    UnavailableDate,
)
from networking.selectors.capacity import limits_by_consultant
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
class Wanted:
    """What the opportunity asks, read once: the model's fields (a Country object, a
    Decimal) cost a descriptor call on every access."""

    topics: int  # how many topics it names
    fee: object  # Decimal
    currency: str
    language_id: int | None
    format: str
    country: str  # ISO code, "" when none
    region: str  # lower case

    @classmethod
    def of(cls, opportunity: Opportunity, topic_count: int) -> "Wanted":
        return cls(
            topics=topic_count,
            fee=opportunity.fee,
            currency=opportunity.currency,
            language_id=opportunity.language_id,
            format=opportunity.format,
            country=opportunity.country.code if opportunity.country else "",
            region=opportunity.region.lower(),
        )


def points(
    wanted: Wanted,
    *,
    covered: int,
    offers: bool,
    within_fee: bool,
    speaks: bool,
    fit: float,
    availability: str,
) -> int:
    """The score of a consultant who covers `covered` of the opportunity's topics, offers
    its engagement type (`offers`) at a fee within its budget (`within_fee`), speaks its
    language (`speaks`), has place fit `fit` and this availability."""
    total = 0
    if wanted.topics:
        total += WEIGHTS["topics"] * covered / wanted.topics
    else:
        total += WEIGHTS["topics"] / 2
    if offers:
        total += WEIGHTS["engagement"]
    if within_fee:
        total += WEIGHTS["fee"]
    if speaks:
        total += WEIGHTS["language"]
    total += WEIGHTS["place"] * fit
    if availability == Availability.OPEN:
        total += WEIGHTS["availability"]
    elif availability == Availability.LIMITED:
        total += WEIGHTS["availability"] / 2
    return round(total)


def place_fit(wanted: Wanted, *, country: str, region: str, travel: str, virtual: bool) -> float:
    """1 when the consultant can be there (or join online), 0 when they cannot."""
    if wanted.format == EventFormat.VIRTUAL:
        return 1.0 if virtual else 0.0
    same_country = bool(wanted.country) and country == wanted.country
    same_region = region.lower() == wanted.region
    if same_country and wanted.region and same_region:
        fit = 1.0
    elif same_country:
        fit = 0.8 if travel != Travel.NONE else 0.3
    else:
        fit = 0.7 if travel == Travel.INTERNATIONAL else 0.0
    if wanted.format == EventFormat.HYBRID and virtual:
        fit = max(fit, 0.6)
    return fit


def _visible_profiles():
    """Profiles verified organizations may see at all: the rows the candidates' topics,
    languages and rates are read for (a subquery, not a list of thousands of ids)."""
    return SpeakerProfilePage.objects.live().filter(
        visibility__in=[Audience.PUBLIC, Audience.NETWORK], paused_at__isnull=True
    )


def _candidate_rows(opportunity: Opportunity) -> list[tuple]:
    """Consultants who could be asked: live, seen by verified organizations, not blocking
    this one, open to contact, not paused or unavailable on the dates (their own limits
    are applied in rank())."""
    org = opportunity.organization
    blocking = Block.objects.filter(Q(organization=org) | Q(email_domain=org.email_domain)).values(
        "consultant_id"
    )
    closed = Preferences.objects.filter(contact_policy=ContactPolicy.NOBODY).values("user_id")
    away = UnavailableDate.objects.filter(
        date__gte=opportunity.starts_on, date__lte=opportunity.ends_on
    ).values("consultant_id")
    profiles = (
        _visible_profiles()
        .exclude(availability=Availability.PAUSED)
        .exclude(paused_until__gte=opportunity.starts_on)
        .exclude(consultant_id__in=blocking)
        .exclude(consultant_id__in=closed)
        .exclude(consultant_id__in=away)
    )
    return list(
        profiles.values_list(
            "pk", "consultant_id", "country", "region", "travel", "virtual", "availability"
        )
    )


def _covered(through, field: str, wanted_ids: set) -> dict:
    """Per visible profile, how many of `wanted_ids` it links to (absent: none)."""
    covered = defaultdict(int)
    if wanted_ids:
        for page_id in through.objects.filter(
            speakerprofilepage__in=_visible_profiles().values("pk"),
            **{f"{field}__in": wanted_ids},
        ).values_list("speakerprofilepage_id", flat=True):
            covered[page_id] += 1
    return covered


def rank(opportunity: Opportunity) -> list[tuple[int, int]]:
    """(consultant_id, score) pairs, best first; ties broken by id for a stable order."""
    topic_ids = set(opportunity.topics.values_list("pk", flat=True))
    wanted = Wanted.of(opportunity, len(topic_ids))
    rows = _candidate_rows(opportunity)
    # Everyone's limits at once (a fixed number of queries), decided by the same rule as
    # the profile and the request form.
    limits = limits_by_consultant(starts_on=opportunity.starts_on)
    dates = {"starts_on": opportunity.starts_on, "ends_on": opportunity.ends_on}
    covered = _covered(SpeakerProfilePage.topics.through, "topic", topic_ids)
    language = {wanted.language_id} if wanted.language_id is not None else set()
    speaking = _covered(SpeakerProfilePage.languages.through, "language", language)
    fees, offering = {}, set()
    for page_id, fee, currency in RateCardEntry.objects.filter(
        profile__in=_visible_profiles().values("pk"), engagement_type=opportunity.engagement_type
    ).values_list("profile_id", "minimum_fee", "currency"):
        offering.add(page_id)
        if currency == wanted.currency:
            fees[page_id] = min(fee, fees.get(page_id, fee))
    fits, scores, scored = {}, {}, []
    for page_id, consultant_id, country, region, travel, virtual, availability in rows:
        own = limits.get(consultant_id)
        if own is not None and blocked_by(own, **dates, topic_ids=topic_ids):
            continue
        where = (country, region, travel, virtual)
        fit = fits.get(where)
        if fit is None:
            fit = fits[where] = place_fit(
                wanted, country=country, region=region, travel=travel, virtual=virtual
            )
        # Someone who cannot be there (in person, not travelling that far) is not a
        # match at all, however well the rest fits.
        if not fit > 0:
            continue
        fee = fees.get(page_id)
        facts = (
            covered.get(page_id, 0),
            page_id in offering,
            fee is not None and fee <= wanted.fee,
            wanted.language_id is None or page_id in speaking,
            fit,
            availability,
        )
        points_for = scores.get(facts)
        if points_for is None:
            points_for = scores[facts] = points(
                wanted,
                covered=facts[0],
                offers=facts[1],
                within_fee=facts[2],
                speaks=facts[3],
                fit=fit,
                availability=availability,
            )
        scored.append((consultant_id, points_for))
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
