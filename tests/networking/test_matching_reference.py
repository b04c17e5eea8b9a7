"""rank() scores each combination of facts once and looks candidates up; on crafted data
it must give exactly the ranking of a plain reading of docs/matching.md, consultant by
consultant."""

import random
from datetime import timedelta

import pytest
from django.utils import timezone

from networking.matching import rank
from networking.services.opportunities import opportunity_create
from portfolio.models import Language, RateCardEntry, SpeakerProfilePage
from tests.factories import TopicFactory, published_profile

pytestmark = pytest.mark.django_db


def reference_rank(opportunity) -> list[tuple[int, int]]:
    """docs/matching.md read literally: every candidate profile object scored on its own."""
    wanted_topics = set(opportunity.topics.values_list("pk", flat=True))
    ranked = []
    for profile in SpeakerProfilePage.objects.live().filter(
        visibility__in=["public", "network"], paused_at__isnull=True
    ):
        if profile.availability == "paused":
            continue
        if opportunity.format == "virtual":
            fit = 1.0 if profile.virtual else 0.0
        else:
            same_country = bool(opportunity.country) and profile.country == opportunity.country
            if (
                same_country
                and opportunity.region
                and (profile.region.lower() == opportunity.region.lower())
            ):
                fit = 1.0
            elif same_country:
                fit = 0.8 if profile.travel != "none" else 0.3
            else:
                fit = 0.7 if profile.travel == "international" else 0.0
            if opportunity.format == "hybrid" and profile.virtual:
                fit = max(fit, 0.6)
        if fit == 0:
            continue
        topics = set(profile.topics.values_list("pk", flat=True))
        rates = RateCardEntry.objects.filter(
            profile=profile, engagement_type=opportunity.engagement_type
        )
        same_currency = [r.minimum_fee for r in rates if r.currency == opportunity.currency]
        score = 0
        score += 40 * len(wanted_topics & topics) / len(wanted_topics) if wanted_topics else 20
        score += 15 if rates.exists() else 0
        score += 15 if same_currency and min(same_currency) <= opportunity.fee else 0
        speaks = profile.languages.filter(pk=opportunity.language_id).exists()
        score += 10 if opportunity.language_id is None or speaks else 0
        score += 15 * fit
        score += {"open": 5, "limited": 2.5}.get(profile.availability, 0)
        ranked.append((profile.consultant_id, round(score)))
    return sorted(ranked, key=lambda pair: (-pair[1], pair[0]))


@pytest.fixture
def crafted():
    """Thirty consultants whose facts vary together: topics, rates in two currencies and
    types, languages, country, region (in either case), travel, virtual, availability."""
    rng = random.Random(2026)
    topics = [TopicFactory(name=f"Topic {n}", slug=f"topic-{n}") for n in range(3)]
    languages = [
        Language.objects.get_or_create(code=code, defaults={"name": code})[0]
        for code in ("en", "sw")
    ]
    for n in range(30):
        # A rate card has one line per engagement type.
        panel = rng.choice([None, 500, 900, 5000])
        rates = ([("panel", panel)] if panel else []) + (
            [("keynote", 400)] if rng.random() < 0.5 else []
        )
        profile = published_profile(
            title=f"Crafted {n}",
            slug=f"crafted-{n}",
            topics=rng.sample(topics, rng.randrange(4)),
            languages=rng.sample(languages, rng.randrange(3)),
            rates=rates,
            country=rng.choice(["KE", "KE", "PE"]),
            region=rng.choice(["Nairobi", "nairobi", "", "Mombasa"]),
            travel=rng.choice(["none", "in_country", "international"]),
            virtual=rng.random() < 0.5,
            availability=rng.choice(["open", "limited", "paused"]),
        )
        if n % 4 == 0:
            RateCardEntry.objects.filter(profile=profile).update(currency="EUR")
    return topics, languages


def test_rank_gives_exactly_the_reference_ranking(org_member, crafted):
    topics, languages = crafted
    start = timezone.localdate() + timedelta(days=60)
    ties = 0
    for format_ in ("in_person", "hybrid", "virtual"):
        for topic_count in (0, 1, 3):
            opportunity = opportunity_create(
                actor=org_member,
                topics=topics[:topic_count],
                title=f"Crafted {format_} {topic_count}",
                engagement_type="panel",
                description="Two hours",
                format=format_,
                country="KE",
                region="Nairobi" if topic_count != 1 else "",
                language=languages[1] if topic_count else None,
                starts_on=start,
                ends_on=start,
                fee=900,
                currency="USD",
                deadline=start - timedelta(days=20),
                pay_parity_attested=True,
            )

            expected = reference_rank(opportunity)

            assert rank(opportunity) == expected, (format_, topic_count)
            # The data reaches each part of the score: many different scores.
            assert len({score for _cid, score in expected}) >= 3, (format_, topic_count)
            ties += len(expected) - len({score for _cid, score in expected})
    assert ties > 0  # and equal scores, ordered by account id
