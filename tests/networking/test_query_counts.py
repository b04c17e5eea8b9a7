"""Networking pages make a bounded number of queries, whatever the number of items.

Each page is measured with 1 and with 3 items and must make exactly the same number of
queries (docs/performance.md records the counts).
"""

import os

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from networking.enums import BookingState
from networking.models import Booking, BookingEvent
from networking.services.bookings import booking_request
from networking.services.conversations import message_send
from networking.services.opportunities import (
    interest_express,
    opportunity_create,
    opportunity_set_status,
)
from tests.factories import TopicFactory
from tests.networking.conftest import booking_fields, opportunity_fields

pytestmark = pytest.mark.django_db

# The exact count for each page and person, the same with one item as with three. The
# consultant's booking reads her yearly limit (to warn before she accepts a request), and
# her dashboard the completed engagements she has not rated yet: one query each. Her
# dashboard also carries her insight panel: its views, answers and paid invoices are three
# queries (insight.selectors.own_work_summary).
EXACT = {
    "consultant": {"bookings": 7, "booking": 11, "inbox": 7, "dashboard": 15},
    "organization": {"bookings": 8, "booking": 11, "inbox": 8, "dashboard": 10},
    "opportunities": {"consultant": 9, "organization": 9, "one, organization": 12},
}


def _bookings(profile, org_member, n):
    made = []
    for i in range(n):
        cache.clear()  # the daily request limit is not what is measured here
        booking = booking_request(
            actor=org_member, consultant=profile.consultant, **booking_fields(title=f"Talk {i}")
        )
        message_send(conversation=booking.conversation, sender=org_member, body=f"Hello {i}")
        made.append(booking)
    return made


def _opportunities(org_member, consultant, n):
    topic = TopicFactory()
    made = []
    for i in range(n):
        opportunity = opportunity_create(
            actor=org_member, topics=[topic], **opportunity_fields(title=f"Panel {i}")
        )
        opportunity_set_status(opportunity=opportunity, actor=org_member, status="open")
        interest_express(consultant=consultant, opportunity=opportunity, note="Yes", fee=500)
        made.append(opportunity)
    return made


def _count(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    if os.environ.get("PODIUM_SHOW_QUERIES"):
        print(url, len(queries), *[q["sql"][:150] for q in queries], sep="\n  ")
    return len(queries)


@pytest.mark.parametrize("n", [1, 3])
def test_booking_pages_are_bounded(client, profile, org_member, n):
    bookings = _bookings(profile, org_member, n)
    # A long history on one booking must not add queries either.
    first = bookings[0]
    for i in range(n):
        BookingEvent.objects.create(
            booking=first,
            from_state="requested",
            to_state="requested",
            actor=org_member,
            at=timezone.now(),
            note=f"n{i}",
        )
    for side, person in (("consultant", profile.consultant), ("organization", org_member)):
        client.force_login(person)
        # The session's renewal (at most once a minute) is not measured.
        client.get(reverse("dashboard"))
        counts = {
            "bookings": _count(client, reverse("networking:bookings")),
            "booking": _count(client, reverse("networking:booking", args=[first.pk])),
            "inbox": _count(client, reverse("networking:inbox")),
            "dashboard": _count(client, reverse("dashboard")),
        }
        assert counts == EXACT[side], (side, n)


@pytest.mark.parametrize("n", [1, 3])
def test_opportunity_pages_are_bounded(client, profile, org_member, n):
    opportunities = _opportunities(org_member, profile.consultant, n)
    counts = {}
    client.force_login(profile.consultant)
    client.get(reverse("dashboard"))  # the session's renewal is not measured
    counts["consultant"] = _count(client, reverse("networking:opportunities") + "?engagement=")
    client.force_login(org_member)
    client.get(reverse("dashboard"))
    counts["organization"] = _count(client, reverse("networking:opportunities"))
    one = reverse("networking:opportunity", args=[opportunities[0].pk])
    counts["one, organization"] = _count(client, one)
    assert counts == EXACT["opportunities"], n


def test_the_counts_do_not_grow(client, profile, org_member):
    """The same page with 1 and with 20 bookings costs the same number of queries."""
    _bookings(profile, org_member, 1)
    client.force_login(org_member)
    # First-request work (the site settings row, the session record) is not measured.
    client.get(reverse("networking:bookings"))
    one = (
        _count(client, reverse("networking:bookings")),
        _count(client, reverse("networking:inbox")),
    )
    _bookings(profile, org_member, 19)
    Booking.objects.update(state=BookingState.CONFIRMED)
    twenty = (
        _count(client, reverse("networking:bookings")),
        _count(client, reverse("networking:inbox")),
    )
    assert one == twenty
