from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from networking.models import Booking, Invoice
from networking.services.money import invoice_number_next
from tests.factories import OrganizationFactory, published_profile


@pytest.fixture
def profile(db):
    return published_profile(title="Rosa Calder")


@pytest.fixture
def consultant(profile):
    return profile.consultant


@pytest.fixture
def organization(db):
    return OrganizationFactory(name="Lakeside Learning Trust")


def paid_invoice(
    consultant,
    organization,
    *,
    paid_on: date,
    amount="1200.00",
    currency="USD",
    kind="fee",
    engagement_type="workshop",
    status="paid",
):
    """A past engagement and its invoice, paid on `paid_on` (or still open)."""
    start = paid_on - timedelta(days=20)
    now = timezone.now()
    booking = Booking.objects.create(
        consultant=consultant,
        organization=organization,
        title="Training day",
        engagement_type=engagement_type,
        topic="Recognising labour exploitation",
        starts_on=start,
        ends_on=start,
        format="in_person",
        audience_size=30,
        fee=Decimal(amount),
        currency=currency,
        boundaries_acknowledged_at=now,
        venue="Hall 3",
        contact_name="Sam Ortiz",
        contact_details="sam@org.example",
        state="completed" if kind == "fee" else "cancelled",
        state_changed_at=now,
    )
    return Invoice.objects.create(
        booking=booking,
        consultant=consultant,
        organization=organization,
        kind=kind,
        number=invoice_number_next(consultant=consultant, year=start.year),
        amount=Decimal(amount),
        currency=currency,
        issued_on=start,
        due_on=start + timedelta(days=30),
        status=status,
        paid_on=paid_on if status == "paid" else None,
    )
