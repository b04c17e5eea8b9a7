"""Completed, paid bookings written as history, for the insight tests."""

import itertools
from datetime import timedelta
from decimal import Decimal

from django.utils import timezone

from accounts.enums import Role
from networking.enums import BookingState
from networking.models import Booking, Invoice
from networking.models.money import InvoiceStatus
from tests.factories import OrganizationFactory, UserFactory

_numbers = itertools.count(1)


def consultants(n):
    return [UserFactory(role=Role.CONSULTANT, verified=False) for _ in range(n)]


def organizations(n, country="DE"):
    return [OrganizationFactory(country=country) for _ in range(n)]


def paid_booking(
    consultant,
    organization,
    fee,
    *,
    engagement_type="keynote",
    format="virtual",
    currency="EUR",
    state=BookingState.COMPLETED,
    status=InvoiceStatus.PAID,
    days_ago=60,
    days_to_pay=10,
):
    """A booking in the given state with its fee invoice; written directly, since what
    is measured here is what insight makes of them, not how bookings get there."""
    number = next(_numbers)
    day = timezone.localdate() - timedelta(days=days_ago)
    booking = Booking.objects.create(
        consultant=consultant,
        organization=organization,
        title=f"Talk {number}",
        engagement_type=engagement_type,
        topic="Labour exploitation",
        starts_on=day,
        ends_on=day,
        format=format,
        audience_size=50,
        fee=Decimal(fee),
        currency=currency,
        boundaries_acknowledged_at=timezone.now(),
        venue="Online",
        contact_name="Sam",
        contact_details="sam@example.org",
        state=state,
        state_changed_at=timezone.now(),
    )
    Invoice.objects.create(
        booking=booking,
        consultant=consultant,
        organization=organization,
        number=f"T-{number}",
        amount=Decimal(fee),
        currency=currency,
        issued_on=day,
        due_on=day + timedelta(days=30),
        status=status,
        paid_on=day + timedelta(days=days_to_pay) if status == InvoiceStatus.PAID else None,
    )
    return booking
