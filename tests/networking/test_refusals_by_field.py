"""A refusal of one field's value is shown beside that field, marked invalid and described
by the message (WCAG 3.3.1); what the person typed stays in the form."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from networking.enums import BookingState
from networking.models import Booking, Invoice, UnavailableDate
from networking.services.money import invoice_issue
from tests.factories import TopicFactory
from tests.form_errors import field_error, form_errors
from tests.networking.conftest import booking_fields

pytestmark = pytest.mark.django_db


def _day(days: int) -> str:
    return (timezone.localdate() + timedelta(days=days)).isoformat()


@pytest.mark.parametrize(
    ("field", "dates", "message"),
    [
        ("starts_on", (-1, 3), "The first date cannot be in the past."),
        ("ends_on", (9, 3), "The last date cannot be before the first date."),
    ],
)
def test_a_request_with_impossible_dates(client, profile, org_member, field, dates, message):
    client.force_login(org_member)
    data = booking_fields(starts_on=_day(dates[0]), ends_on=_day(dates[1]))

    response = client.post(
        reverse("networking:booking_new", args=[profile.consultant.public_id]), data
    )

    html = response.content.decode()
    assert (response.status_code, field_error(html, field), form_errors(html)) == (
        400,
        message,
        [],
    )
    assert "Spring training day" in html
    assert Booking.objects.count() == 0


def test_a_request_without_the_boundaries_confirmed(client, profile, org_member):
    client.force_login(org_member)
    data = booking_fields(boundaries_acknowledged="")

    html = client.post(
        reverse("networking:booking_new", args=[profile.consultant.public_id]), data
    ).content.decode()

    assert field_error(html, "boundaries_acknowledged") == (
        "Please confirm that you have read the boundaries."
    )


def test_a_day_off_in_the_past(client, profile):
    client.force_login(profile.consultant)

    response = client.post(reverse("networking:calendar"), {"date": _day(-2)})

    html = response.content.decode()
    assert (response.status_code, field_error(html, "date"), form_errors(html)) == (
        400,
        "Choose a date from today up to two years ahead.",
        [],
    )
    assert UnavailableDate.objects.count() == 0


def test_a_topic_avoided_until_before_it_starts(client, profile):
    client.force_login(profile.consultant)
    topic = TopicFactory(name="Forced marriage")
    data = {"form": "topic", "topic": topic.pk, "starts_on": _day(9), "ends_on": _day(1)}

    response = client.post(reverse("networking:capacity"), data)

    html = response.content.decode()
    assert (response.status_code, field_error(html, "ends_on"), form_errors(html)) == (
        400,
        "The last date cannot be before the first date.",
        [],
    )


def test_an_invoice_paid_in_the_future(client, booking):
    Booking.objects.filter(pk=booking.pk).update(state=BookingState.CONFIRMED)
    booking.refresh_from_db()
    invoice = invoice_issue(consultant=booking.consultant, booking=booking)
    client.force_login(booking.consultant)

    response = client.post(
        reverse("networking:invoice_paid", args=[invoice.pk]), {"paid_on": _day(3)}
    )

    html = response.content.decode()
    assert (response.status_code, field_error(html, "paid_on"), form_errors(html)) == (
        400,
        "Give the date the payment arrived.",
        [],
    )
    assert Invoice.objects.get().status != "paid"
