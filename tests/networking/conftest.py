from datetime import timedelta

import pytest
from django.utils import timezone

from tests.factories import OrganizationFactory, member_of, published_profile


def profile_make():
    """A published, public profile of a consultant open to verified organizations."""
    return published_profile(
        topics_not_discussed="My family", no_personal_story=True, title="Rosa Calder"
    )


def organization_make():
    return OrganizationFactory(name="Lakeside Learning Trust")


@pytest.fixture
def profile(db):
    return profile_make()


@pytest.fixture
def organization(db):
    return organization_make()


@pytest.fixture
def org_member(organization):
    return member_of(organization)


def booking_fields(**overrides):
    start = timezone.localdate() + timedelta(days=30)
    fields = {
        "title": "Spring training day",
        "engagement_type": "workshop",
        "topic": "Recognising labour exploitation",
        "starts_on": start,
        "ends_on": start,
        "format": "in_person",
        "audience_size": 40,
        "fee": 1200,
        "currency": "USD",
        "cancellation_fee": 300,
        "message": "We would be glad to work with you.",
        "venue": "Hall 3, 12 Quay Street",
        "contact_name": "Sam Ortiz",
        "contact_details": "sam@org.example",
        "boundaries_acknowledged": True,
    }
    fields.update(overrides)
    return fields


def opportunity_fields(**overrides):
    """What an organization fills in to post an opportunity, a month ahead."""
    start = timezone.localdate() + timedelta(days=30)
    fields = {
        "title": "Panel",
        "engagement_type": "panel",
        "description": "A panel",
        "format": "virtual",
        "starts_on": start,
        "ends_on": start,
        "fee": 500,
        "currency": "USD",
        "deadline": start,
        "pay_parity_attested": True,
    }
    fields.update(overrides)
    return fields


def booking_make(profile, org_member):
    from networking.services.bookings import booking_request

    return booking_request(actor=org_member, consultant=profile.consultant, **booking_fields())


@pytest.fixture
def booking(profile, org_member):
    return booking_make(profile, org_member)


def member_world() -> dict:
    """What the `profile`, `organization` and `org_member` fixtures make, by fixture name:
    for a module whose tests all start from them (module_world)."""
    organization = organization_make()
    return {
        "profile": profile_make(),
        "organization": organization,
        "org_member": member_of(organization),
    }


def booking_world() -> dict:
    """member_world with the requested booking of the `booking` fixture."""
    world = member_world()
    return world | {"booking": booking_make(world["profile"], world["org_member"])}
