"""How long ranking consultants for one opportunity takes, at 10,000 consultants.

    .venv/bin/python bench/matching.py [consultants]

Builds a throwaway database (SQLite in a temporary folder, or the database DATABASE_URL
names, which must be empty and disposable), fills it with that many published profiles
with topics, languages and rate cards, then times networking.matching.rank() and
opportunity_match() (which also stores suggestions and records notifications), and
counts their queries. The figures go in docs/performance.md; compare them between runs
on one machine, never assert them.
"""

import os
import random
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

import django
from django.contrib.auth.hashers import make_password
from django.core.management import call_command
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

COUNTRIES = ["KE", "CA", "PE", "IN", "ES", "NG", "MX", "PH"]
TYPES = ["keynote", "workshop", "panel", "consulting", "advisory", "review"]


def build(count: int):
    from accounts.models import User
    from networking.models import Membership, Organization
    from portfolio.models import (
        Language,
        RateCardEntry,
        SpeakerIndexPage,
        SpeakerProfilePage,
        Topic,
    )

    rng = random.Random(7)
    topics = [Topic.objects.create(name=f"Topic {n}", slug=f"topic-{n}") for n in range(30)]
    languages = list(Language.objects.all()) or [Language.objects.create(code="en", name="English")]
    index = SpeakerIndexPage.objects.first()
    User.objects.bulk_create(
        User(email=f"bench{n}@example.org", role="consultant", password=make_password(None))
        for n in range(count)
    )
    users = list(User.objects.filter(email__startswith="bench").order_by("pk"))
    start = index.numchild
    with transaction.atomic():
        pages = []
        for n, user in enumerate(users):
            page = SpeakerProfilePage(
                title=f"Speaker {n}",
                slug=f"speaker-{n}",
                consultant=user,
                path=SpeakerProfilePage._get_path(index.path, index.depth + 1, start + n + 1),
                depth=index.depth + 1,
                numchild=0,
                live=True,
                audience=rng.choice(["public", "public", "network", "private"]),
                country=rng.choice(COUNTRIES),
                region="",
                travel=rng.choice(["none", "in_country", "international"]),
                virtual=rng.random() < 0.8,
                availability=rng.choice(["open", "open", "limited", "paused"]),
            )
            page.visibility = page.audience
            page.save(clean=False)
            pages.append(page)
        SpeakerIndexPage.objects.filter(pk=index.pk).update(numchild=start + len(pages))
        topic_links = SpeakerProfilePage.topics.through
        topic_links.objects.bulk_create(
            topic_links(speakerprofilepage_id=page.pk, topic_id=topic.pk)
            for page in pages
            for topic in rng.sample(topics, 3)
        )
        language_links = SpeakerProfilePage.languages.through
        language_links.objects.bulk_create(
            language_links(speakerprofilepage_id=page.pk, language_id=rng.choice(languages).pk)
            for page in pages
        )
        RateCardEntry.objects.bulk_create(
            RateCardEntry(
                profile=page,
                engagement_type=rng.choice(TYPES),
                minimum_fee=rng.randrange(200, 3000, 50),
                currency="USD",
                unit="event",
                sort_order=0,
            )
            for page in pages
        )
    organization = Organization.objects.create(
        name="Bench Org", kind="ngo", email_domain="bench.example", verification="verified"
    )
    member = User.objects.create(email="m@bench.example", role="organization")
    Membership.objects.create(organization=organization, user=member, role="admin")
    return organization, member, topics


def opportunity(organization, member, topics):
    from networking.models import Opportunity

    start = timezone.localdate() + timedelta(days=60)
    opp = Opportunity.objects.create(
        organization=organization,
        created_by=member,
        title="Bench panel",
        engagement_type="panel",
        description="-",
        format="hybrid",
        country="KE",
        starts_on=start,
        ends_on=start,
        fee=1500,
        currency="USD",
        pay_parity_attested_at=timezone.now(),
        deadline=start,
        status="open",
    )
    opp.topics.set(topics[:3])
    return opp


def main():
    # As a script: its own throwaway database. bench/pages.py imports opportunity() instead.
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    folder = tempfile.mkdtemp(prefix="podium-bench-")
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{folder}/bench.sqlite3")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    django.setup()
    # Imported here: the models need Django set up, which happens just above.
    from networking.matching import opportunity_match, rank

    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    call_command("migrate", verbosity=0)
    began = time.perf_counter()
    organization, member, topics = build(count)
    print(f"built {count} profiles in {time.perf_counter() - began:.1f} s")
    opp = opportunity(organization, member, topics)
    times = []
    for _ in range(5):
        with CaptureQueriesContext(connection) as queries:
            began = time.perf_counter()
            ranked = rank(opp)
            times.append(time.perf_counter() - began)
    print(
        f"rank(): {len(ranked)} candidates ranked, median {statistics.median(times):.3f} s "
        f"over 5 runs, {len(queries)} queries"
    )
    with CaptureQueriesContext(connection) as queries:
        began = time.perf_counter()
        notified = opportunity_match(opportunity=opp)
        elapsed = time.perf_counter() - began
    print(f"opportunity_match(): {elapsed:.3f} s, {len(queries)} queries, {notified} notified")
    print(f"database: {connection.vendor}")


if __name__ == "__main__":
    main()
