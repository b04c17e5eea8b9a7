"""Mentoring and referral pages make a bounded number of queries, whatever the number of
items: each is measured with 1 and with 3 and must make exactly the same number."""

import uuid

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from circle.services.mentoring import mentoring_message_send, mentorship_answer, mentorship_request
from circle.services.referrals import referral_answer, referral_create
from networking.services.bookings import booking_request
from tests.circle.mentoring_people import circle_member
from tests.factories import OrganizationFactory, member_of, published_profile
from tests.networking.conftest import booking_fields

pytestmark = pytest.mark.django_db


def _count(client, url) -> int:
    client.get(url)  # the first request warms what every request shares (site, settings)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def _mentoring_page(client, n) -> int:
    me = circle_member(name=f"Ada {n}", asks=["pricing"], offers=["speaking"])
    published_profile(me, title="Ada Stone")
    org_member, rosa, booking = _setting(n)
    for i in range(n):
        mentor = circle_member(name=f"Mentor {n}.{i}", offers=["pricing"])
        circle_member(name=f"Match {n}.{i}", offers=["pricing"], asks=["speaking"])
        mentorship_request(actor=me, mentor=mentor.circle_member, topic="pricing", message="Hi")
        if i:  # one more request, suggested to Ada
            booking = booking_request(
                actor=org_member, consultant=rosa, **booking_fields(title=f"Talk {i}")
            )
        referral_create(actor=rosa, booking=booking, referred=me.circle_member)
    client.force_login(me)
    return _count(client, reverse("circle:mentoring"))


def _thread(client, n) -> int:
    mentee = circle_member(name=f"Ada {n}", asks=["pricing"])
    mentor = circle_member(name=f"Bea {n}", offers=["pricing"])
    mentorship = mentorship_request(
        actor=mentee, mentor=mentor.circle_member, topic="pricing", message="Hi"
    )
    mentorship_answer(actor=mentor, mentorship=mentorship, accept=True)
    for i in range(n):
        sender = mentee if i % 2 else mentor
        mentoring_message_send(
            actor=sender, mentorship=mentorship, body=f"Hello {i}", send_key=uuid.uuid4()
        )
    client.force_login(mentee)
    return _count(client, reverse("circle:mentorship", args=[mentorship.pk]))


def _setting(n):
    # Each call its own names: a page is built twice in one test, and names are unique.
    org_member = member_of(OrganizationFactory())
    rosa = circle_member(name=f"Rosa {n}")
    published_profile(rosa, title="Rosa Calder")
    booking = booking_request(actor=org_member, consultant=rosa, **booking_fields())
    return org_member, rosa, booking


def _candidates(client, n) -> int:
    _org_member, rosa, booking = _setting(n)
    for i in range(n):
        published_profile(circle_member(name=f"Member {n}.{i}"), title=f"Speaker {i}")
    client.force_login(rosa)
    return _count(client, reverse("circle:referral_new", args=[booking.pk]))


def _organization_booking_page(client, n) -> int:
    org_member, rosa, booking = _setting(n)
    for i in range(n):
        member = circle_member(name=f"Member {n}.{i}")
        published_profile(member, title=f"Speaker {i}")
        referral = referral_create(actor=rosa, booking=booking, referred=member.circle_member)
        referral_answer(actor=member, referral=referral, accept=True)
    client.force_login(org_member)
    return _count(client, reverse("networking:booking", args=[booking.pk]))


@pytest.mark.parametrize(
    "page", [_mentoring_page, _thread, _candidates, _organization_booking_page]
)
def test_queries_do_not_grow_with_items(client, page):
    one = page(client, 1)
    client.logout()
    three = page(client, 3)
    assert (page.__name__, three) == (page.__name__, one)
