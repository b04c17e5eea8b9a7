"""Invoices, earnings, the benefits-cliff warning, ratings, testimonials and the calendar."""

import csv
import io
from datetime import timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar
from pypdf import PdfReader

from networking.enums import BookingState
from networking.errors import Refused
from networking.models import Booking, Invoice, Notification, Preferences, Rating
from networking.services.bookings import booking_request
from networking.services.money import (
    invoice_issue,
    invoice_mark_paid,
    invoices_remind_overdue,
    rating_create,
)
from portfolio import models as portfolio_models
from tests.factories import ConsultantFactory, OrganizationFactory, member_of, published_profile
from tests.networking.conftest import booking_fields

pytestmark = pytest.mark.django_db


def _confirmed(booking):
    Booking.objects.filter(pk=booking.pk).update(state=BookingState.CONFIRMED)
    booking.refresh_from_db()
    return booking


def test_a_confirmed_booking_is_invoiced_once(booking):
    _confirmed(booking)
    invoice = invoice_issue(consultant=booking.consultant, booking=booking)
    assert (invoice.amount, invoice.status) == (Decimal("1200.00"), "sent")
    assert invoice.number == f"{timezone.localdate().year}-0001"
    assert invoice.due_on == timezone.localdate() + timedelta(days=30)
    with pytest.raises(Refused, match="already been invoiced"):
        invoice_issue(consultant=booking.consultant, booking=booking)


def test_a_request_cannot_be_invoiced(booking):
    with pytest.raises(Refused):
        invoice_issue(consultant=booking.consultant, booking=booking)
    assert not Invoice.objects.exists()


def test_a_cancellation_fee_is_invoiced(booking, org_member):
    from networking.services.bookings import booking_transition

    _confirmed(booking)
    booking_transition(booking=booking, actor=org_member, to=BookingState.CANCELLED)
    booking.refresh_from_db()
    invoice = invoice_issue(consultant=booking.consultant, booking=booking)
    assert (invoice.kind, invoice.amount) == ("cancellation", Decimal("300.00"))


def test_invoice_pages_printable_and_pdf(client, booking, org_member):
    invoice = invoice_issue(consultant=booking.consultant, booking=_confirmed(booking))
    for person in (booking.consultant, org_member):
        client.force_login(person)
        page = client.get(reverse("networking:invoice", args=[invoice.pk])).content.decode()
        assert "USD\xa01,200.00" in page
        assert booking.organization.name in page
        pdf = client.get(reverse("networking:invoice_pdf", args=[invoice.pk]))
        text = PdfReader(io.BytesIO(pdf.content)).pages[0].extract_text()
        assert invoice.number in text
        assert "1,200.00" in text
    stranger = member_of(OrganizationFactory())
    client.force_login(stranger)
    for name in ("invoice", "invoice_pdf"):
        assert client.get(reverse(f"networking:{name}", args=[invoice.pk])).status_code == 404
    assert client.post(reverse("networking:invoice_paid", args=[invoice.pk])).status_code == 404


def test_only_the_consultant_marks_an_invoice_paid(client, booking, org_member):
    invoice = invoice_issue(consultant=booking.consultant, booking=_confirmed(booking))
    client.force_login(org_member)
    url = reverse("networking:invoice_paid", args=[invoice.pk])
    assert client.post(url, {"paid_on": timezone.localdate()}).status_code == 404
    client.force_login(booking.consultant)
    response = client.post(url, {"paid_on": timezone.localdate() + timedelta(days=3)})
    assert response.status_code == 400
    client.post(url, {"paid_on": timezone.localdate()})
    invoice.refresh_from_db()
    assert invoice.status == "paid"


def test_overdue_invoices_are_marked_and_reminded_weekly(booking, org_member):
    invoice = invoice_issue(consultant=booking.consultant, booking=_confirmed(booking), due_days=1)
    today = timezone.localdate()
    assert invoices_remind_overdue(today=today) == 0
    later = today + timedelta(days=2)
    assert invoices_remind_overdue(today=later) == 1
    invoice.refresh_from_db()
    assert invoice.status == "overdue"
    assert invoices_remind_overdue(today=later + timedelta(days=1)) == 0
    assert invoices_remind_overdue(today=later + timedelta(days=7)) == 1
    reminders = Notification.objects.filter(event_key__startswith="overdue:")
    assert set(reminders.values_list("user", flat=True)) == {booking.consultant_id, org_member.pk}


def test_earnings_by_month_and_organization_with_csv_and_the_threshold_warning(
    client, profile, org_member
):
    other_org_member = member_of(OrganizationFactory(name="=HYPERLINK(1)"))
    today = timezone.localdate()
    for member, fee in ((org_member, 1000), (org_member, 500), (other_org_member, 2000)):
        booking = booking_request(
            actor=member, consultant=profile.consultant, **booking_fields(fee=fee)
        )
        invoice = invoice_issue(consultant=profile.consultant, booking=_confirmed(booking))
        invoice_mark_paid(consultant=profile.consultant, invoice=invoice, paid_on=today)
    Preferences.objects.create(user=profile.consultant, yearly_threshold=3600)
    client.force_login(profile.consultant)
    page = client.get(reverse("networking:earnings")).content.decode()
    assert "USD\xa03,500.00" in page
    assert "close to the limit" in page
    rows = list(
        csv.reader(io.StringIO(client.get(reverse("networking:earnings_csv")).content.decode()))
    )
    assert rows[0] == ["invoice", "organization", "paid_on", "amount", "currency", "kind"]
    assert sorted(row[3] for row in rows[1:]) == ["1000.00", "2000.00", "500.00"]
    assert "'=HYPERLINK(1)" in [row[1] for row in rows]  # no formula in a spreadsheet
    Preferences.objects.filter(user=profile.consultant).update(yearly_threshold=100000)
    assert "close to the limit" not in client.get(reverse("networking:earnings")).content.decode()


def test_ratings_show_only_as_averages_of_three_or_more(client, org_member):
    organization = org_member.membership.organization
    bookings = []
    for n in range(3):
        profile = published_profile(title=f"Rater {n}", slug=f"rater-{n}")
        booking = booking_request(
            actor=org_member, consultant=profile.consultant, **booking_fields()
        )
        Booking.objects.filter(pk=booking.pk).update(state=BookingState.COMPLETED)
        booking.refresh_from_db()
        bookings.append(booking)
    for n, booking in enumerate(bookings[:2]):
        rating_create(
            consultant=booking.consultant,
            booking=booking,
            pay_parity=5,
            payment_speed=2 + n,
            respect=4,
        )
    viewer = bookings[0].consultant
    client.force_login(viewer)
    url = reverse("networking:booking", args=[bookings[0].pk])
    assert "Rated by" not in client.get(url).content.decode()
    rating_create(
        consultant=bookings[2].consultant,
        booking=bookings[2],
        pay_parity=5,
        payment_speed=5,
        respect=4,
    )
    assert "Rated by 3 consultants" in client.get(url).content.decode()
    client.force_login(org_member)
    assert "Rated by" not in client.get(url).content.decode()
    assert Rating.objects.filter(organization=organization).count() == 3


def test_ratings_are_one_per_completed_booking(booking):
    with pytest.raises(Refused, match="once the booking is completed"):
        rating_create(
            consultant=booking.consultant, booking=booking, pay_parity=5, payment_speed=5, respect=5
        )


def test_a_testimonial_after_completion_waits_for_approval(client, booking, org_member):
    client.force_login(org_member)
    url = reverse("networking:testimonial", args=[booking.pk])
    response = client.post(url, {"text": "Clear and generous.", "author_name": "Sam"})
    assert response.status_code == 400  # not completed yet
    Booking.objects.filter(pk=booking.pk).update(state=BookingState.COMPLETED)
    booking_page = client.get(reverse("networking:booking", args=[booking.pk])).content.decode()
    assert url in booking_page
    client.post(url, {"text": "Clear and generous.", "author_name": "Sam"})
    again = client.post(url, {"text": "Another one.", "author_name": "Sam"})
    assert again.status_code == 400
    assert "only once" in again.content.decode()
    booking_page = client.get(reverse("networking:booking", args=[booking.pk])).content.decode()
    assert url not in booking_page
    testimonial = portfolio_models.Testimonial.objects.get()
    assert testimonial.approved_at is None
    assert testimonial.author_role == booking.organization.name
    profile_url = booking.consultant.speaker_profile.url
    client.logout()
    assert "Clear and generous." not in client.get(profile_url).content.decode()
    client.force_login(booking.consultant)
    client.post(reverse("portfolio:testimonial_approve", args=[testimonial.pk]))
    client.logout()
    assert "Clear and generous." in client.get(profile_url).content.decode()


def test_the_calendar_feed_lists_confirmed_bookings_and_its_address_can_be_reset(client, booking):
    consultant = booking.consultant
    _confirmed(booking)
    client.force_login(consultant)
    client.get(reverse("networking:calendar"))
    token = Preferences.objects.get(user=consultant).calendar_token
    client.logout()
    feed = client.get(reverse("networking:calendar_feed", args=[token]))
    assert feed["Content-Type"] == "text/calendar"
    calendar = Calendar.from_ical(feed.content)
    events = calendar.walk("VEVENT")
    assert [str(e["summary"]) for e in events] == [
        f"Spring training day ({booking.organization.name})"
    ]
    assert events[0].decoded("dtstart") == booking.starts_on
    client.force_login(consultant)
    client.post(reverse("networking:calendar_reset"))
    client.logout()
    assert client.get(reverse("networking:calendar_feed", args=[token])).status_code == 404
    assert client.get("/network/calendar/short.ics").status_code == 404


def test_unavailable_dates_are_private_and_bounded(client, consultant):
    client.force_login(consultant)
    url = reverse("networking:calendar")
    day = timezone.localdate() + timedelta(days=10)
    client.post(url, {"date": day})
    client.post(url, {"date": day})  # twice is still once
    assert list(consultant.unavailable_dates.values_list("date", flat=True)) == [day]
    assert client.post(url, {"date": timezone.localdate() - timedelta(days=1)}).status_code == 400
    assert client.post(url, {"date": "not a date"}).status_code == 400
    other = ConsultantFactory()
    client.force_login(other)
    mine = consultant.unavailable_dates.get()
    client.post(reverse("networking:unavailable_remove", args=[mine.pk]))
    assert consultant.unavailable_dates.exists()


def test_future_appearances_are_public_only_when_the_consultant_lists_them(client, booking):
    _confirmed(booking)
    url = booking.consultant.speaker_profile.url
    assert "Spring training day" not in client.get(url).content.decode()
    client.force_login(booking.consultant)
    client.post(reverse("networking:show_publicly", args=[booking.pk]), {"show": "yes"})
    client.logout()
    page = client.get(url).content.decode()
    assert "Spring training day" in page
    assert "Quay Street" not in page  # the venue is never on the profile
