"""Every page and file that shows money or a date reads it in the reader's language."""

import io

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import override
from pypdf import PdfReader

from networking.enums import BookingState
from networking.models import Booking
from networking.services.money import invoice_issue, invoice_mark_paid

pytestmark = pytest.mark.django_db


def _invoice(booking):
    Booking.objects.filter(pk=booking.pk).update(state=BookingState.CONFIRMED)
    booking.refresh_from_db()
    return invoice_issue(consultant=booking.consultant, booking=booking)


def _pdf_text(response) -> str:
    return PdfReader(io.BytesIO(response.content)).pages[0].extract_text()


@pytest.mark.parametrize(
    ("language", "amount", "cancellation"),
    [("en", "USD\xa01,200.00", "USD\xa0300.00"), ("es", "1.200,00\xa0US$", "300,00\xa0US$")],
)
def test_booking_and_invoice_pages_show_amounts_for_the_reader(
    client, booking, language, amount, cancellation
):
    client.force_login(booking.consultant)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    page = client.get(reverse("networking:booking", args=[booking.pk])).content.decode()
    assert amount in page
    assert cancellation in page
    # The fee field of a counter-offer keeps a number the browser can read.
    assert 'name="fee" type="number" min="1" step="0.01" value="1200.00"' in page
    invoice = _invoice(booking)
    page = client.get(reverse("networking:invoice", args=[invoice.pk])).content.decode()
    assert f"<strong>{amount}</strong>" in page
    with override(language):
        assert date_format(invoice.due_on) in page
    page = client.get(reverse("networking:invoices")).content.decode()
    assert amount in page


def test_the_invoice_pdf_reads_in_the_readers_language(client, booking):
    invoice = _invoice(booking)
    client.force_login(booking.consultant)
    text = _pdf_text(client.get(reverse("networking:invoice_pdf", args=[invoice.pk])))
    assert "USD 1,200.00" in text.replace("\xa0", " ")
    with override("en"):
        assert date_format(invoice.due_on) in text
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "es"
    text = _pdf_text(client.get(reverse("networking:invoice_pdf", args=[invoice.pk])))
    assert "1.200,00 US$" in text.replace("\xa0", " ")
    with override("es"):
        assert date_format(invoice.due_on) in text
    assert invoice.due_on.isoformat() not in text


def test_earnings_name_the_month(client, booking):
    invoice = _invoice(booking)
    today = timezone.localdate()
    invoice_mark_paid(consultant=booking.consultant, invoice=invoice, paid_on=today)
    client.force_login(booking.consultant)
    page = client.get(reverse("networking:earnings")).content.decode()
    with override("en"):
        assert f"<td>{date_format(today, 'F')}</td><td>USD\xa01,200.00</td>" in page
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "es"
    page = client.get(reverse("networking:earnings")).content.decode()
    with override("es"):
        month = date_format(today, "F").capitalize()
    assert f"<td>{month}</td><td>1.200,00\xa0US$</td>" in page
