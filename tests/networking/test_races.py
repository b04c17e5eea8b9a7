"""The same action sent twenty times at once, through HTTP, against PostgreSQL.

Each request has its own signed-in client, thread and database connection, and all wait
at a barrier before posting, so they really run together (SQLite would queue them and
hide the races). Every action must take effect exactly once, tell each sender the right
thing and never answer 500.
"""

import re
import threading
from datetime import timedelta

import pytest
from django.contrib.messages import get_messages
from django.db import connections
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from networking.enums import BookingState
from networking.models import Booking, BookingEvent, Conversation, Invoice, Rating
from networking.services.bookings import booking_request
from tests.factories import OrganizationFactory, member_of, published_profile
from tests.networking.conftest import booking_fields

# Real transactions: the racing requests run on threads, each with its own connection.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

RACERS = 20


def signed_in(user, count=RACERS) -> list[Client]:
    clients = []
    for _ in range(count):
        client = Client(raise_request_exception=False)
        client.force_login(user)
        clients.append(client)
    return clients


def race(clients, send) -> list:
    """Runs send(client, index) for every client at the same moment; returns the responses."""
    barrier = threading.Barrier(len(clients))
    responses = [None] * len(clients)

    def run(index):
        try:
            barrier.wait(timeout=30)
            responses[index] = send(clients[index], index)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(clients))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    statuses = [getattr(response, "status_code", None) for response in responses]
    assert all(status is not None and status < 500 for status in statuses), statuses
    return responses


def said(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def _booking(profile, member, *, state=BookingState.CONFIRMED, **overrides) -> Booking:
    booking = booking_request(
        actor=member, consultant=profile.consultant, **booking_fields(**overrides)
    )
    Booking.objects.filter(pk=booking.pk).update(state=state)
    booking.refresh_from_db()
    return booking


@pytest.fixture
def parties(postgres):
    profile = published_profile(title="Noor Vale")
    member = member_of(OrganizationFactory(name="Eastgate Learning"))
    return profile, member


def test_twenty_ratings_of_one_booking_save_one(parties):
    profile, member = parties
    booking = _booking(
        profile, member, state=BookingState.COMPLETED, starts_on=timezone.localdate()
    )
    url = reverse("networking:rating", args=[booking.pk])
    scores = {"pay_parity": 5, "payment_speed": 4, "respect": 5}

    responses = race(signed_in(profile.consultant), lambda client, _i: client.post(url, scores))

    assert Rating.objects.filter(booking=booking).count() == 1
    assert {response["Location"] for response in responses} == {
        reverse("networking:booking", args=[booking.pk])
    }
    messages = sorted(message for response in responses for message in said(response))
    thanks = "Thank you. Only averages of three or more are shown."
    once = "You can rate an organization once the booking is completed, and only once."
    assert messages == sorted([thanks] + [once] * (RACERS - 1))


def test_invoices_sent_at_once_get_one_number_each_and_each_booking_one_invoice(parties):
    profile, member = parties
    colleague = member_of(member.membership.organization)  # daily request limits per member
    bookings = [
        _booking(profile, (member, colleague)[n % 2], title=f"Workshop {n}")
        for n in range(RACERS // 2)
    ]

    # Two clicks on each booking's "Send the invoice", all at the same moment.
    def send(client, index):
        booking = bookings[index // 2]
        return client.post(reverse("networking:invoice_issue", args=[booking.pk]), {"due_days": 30})

    responses = race(signed_in(profile.consultant), send)

    year = timezone.localdate().year
    numbers = sorted(Invoice.objects.values_list("number", flat=True))
    assert numbers == [f"{year}-{n:04d}" for n in range(1, len(bookings) + 1)]
    assert sorted(Invoice.objects.values_list("booking_id", flat=True)) == sorted(
        booking.pk for booking in bookings
    )
    messages = sorted(message for response in responses for message in said(response))
    sent = "The invoice was sent to the organization."
    already = "This booking has already been invoiced."
    assert messages == sorted([sent] * len(bookings) + [already] * len(bookings))
    invoice_pages = {reverse("networking:invoice", args=[i.pk]) for i in Invoice.objects.all()}
    assert {r["Location"] for r in responses if sent in said(r)} == invoice_pages


def test_a_booking_request_sent_twenty_times_at_once_makes_one_booking(parties):
    profile, member = parties
    url = reverse("networking:booking_new", args=[profile.consultant.public_id])
    clients = signed_in(member)
    form = clients[0].get(url).content.decode()
    start = timezone.localdate() + timedelta(days=20)
    data = booking_fields(starts_on=start, ends_on=start, boundaries_acknowledged="on")
    # What the browser sends back with the form it was shown, hidden fields included.
    data |= dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', form))

    responses = race(clients, lambda client, _i: client.post(url, data))

    booking = Booking.objects.get()
    assert Conversation.objects.filter(booking=booking).count() == 1
    assert BookingEvent.objects.filter(booking=booking).count() == 1
    assert {response["Location"] for response in responses} == {
        reverse("networking:booking", args=[booking.pk])
    }
    assert [said(response) for response in responses] == [["Your request was sent."]] * RACERS


def test_an_interest_sent_twenty_times_at_once_is_recorded_once(parties):
    from networking.models import Interest, Opportunity

    profile, member = parties
    start = timezone.localdate() + timedelta(days=40)
    opportunity = Opportunity.objects.create(
        organization=member.membership.organization,
        title="Supplier audit training",
        engagement_type="workshop",
        description="A day with buyers.",
        format="in_person",
        starts_on=start,
        ends_on=start,
        fee=1500,
        pay_parity_attested_at=timezone.now(),
        deadline=start - timedelta(days=10),
        status="open",
    )
    url = reverse("networking:opportunity_interest", args=[opportunity.pk])
    data = {"note": "I have trained buyers before.", "fee": "1500"}

    responses = race(signed_in(profile.consultant), lambda client, _i: client.post(url, data))

    assert Interest.objects.filter(opportunity=opportunity).count() == 1
    assert Conversation.objects.filter(interest__opportunity=opportunity).count() == 1
    statuses = sorted(response.status_code for response in responses)
    assert statuses == [302] + [400] * (RACERS - 1)
    already = "You have already expressed interest in this opportunity."
    assert all(already in r.content.decode() for r in responses if r.status_code == 400)


def test_an_organization_created_twenty_times_at_once_exists_once(postgres):
    from accounts.enums import Role
    from networking.models import Organization
    from tests.factories import UserFactory

    founder = UserFactory(email="ada@rivermouth.example", role=Role.ORGANIZATION)
    data = {
        "name": "Rivermouth Trust",
        "kind": "ngo",
        "email_domain": "rivermouth.example",
        "website": "rivermouth.example",
        "country": "CA",
        "description": "Training.",
    }
    url = reverse("networking:organization")

    race(signed_in(founder), lambda client, _i: client.post(url, data))

    organization = Organization.objects.get()
    assert list(organization.memberships.values_list("user", flat=True)) == [founder.pk]


def test_a_verification_application_sent_twenty_times_at_once_is_filed_once(postgres):
    from networking.models import VerificationApplication

    organization = OrganizationFactory(verification="unverified", verified_at=None)
    admin = member_of(organization)
    data = {
        "registration_number": "CA-118",
        "domain_email": admin.email,
        "reference_name": "Jo Reyes",
        "reference_contact": "jo@partner.example",
        "reference_relationship": "We ran a training together.",
        "pledge": "on",
    }
    url = reverse("networking:verification")

    race(signed_in(admin), lambda client, _i: client.post(url, data))

    assert VerificationApplication.objects.filter(organization=organization).count() == 1
    organization.refresh_from_db()
    assert organization.verification == "pending"


def test_an_invitation_sent_twenty_times_at_once_goes_out_once(postgres):
    from networking.models import Invitation

    organization = OrganizationFactory()
    admin = member_of(organization)
    data = {"email": f"sam@{organization.email_domain}", "role": "member"}
    url = reverse("networking:invite")

    responses = race(signed_in(admin), lambda client, _i: client.post(url, data))

    assert Invitation.objects.filter(organization=organization).count() == 1
    assert [said(response) for response in responses] == [["The invitation was sent."]] * RACERS


def test_a_message_sent_twenty_times_at_once_is_posted_once(parties):
    from networking.models import Message

    profile, member = parties
    conversation = _booking(profile, member).conversation
    url = reverse("networking:conversation", args=[conversation.pk])
    clients = signed_in(profile.consultant)
    form = clients[0].get(url).content.decode()
    data = {"body": "Thank you, see you on the day."}
    data |= dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', form))

    responses = race(clients, lambda client, _i: client.post(url, data))

    assert Message.objects.filter(conversation=conversation).count() == 1
    assert {response["Location"] for response in responses} == {url}
