"""Files sent in conversations, organization logos and invoices carry nothing identifying.

Every hostile picture and a hostile "scan to PDF" go through each networking upload
path; what is stored and what is served is opened by tests.media_checker.
"""

import functools
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from pypdf import PdfReader

from accounts.enums import Role
from networking.enums import BookingState
from networking.models import Attachment, Booking, Organization
from networking.services.bookings import booking_transition
from networking.services.money import invoice_issue
from tests import hostile_media as hm
from tests import media_checker
from tests.core import images as h
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@functools.cache
def hostile_images() -> list[tuple[str, bytes]]:
    return hm.hostile_images()


def _send(client, booking, name, content):
    url = reverse("networking:conversation", args=[booking.conversation.pk])
    return client.post(url, {"body": "Here it is", "attachment": SimpleUploadedFile(name, content)})


def _served(client, attachment) -> bytes:
    response = client.get(reverse("networking:attachment", args=[attachment.pk]))
    assert response.status_code == 200
    return b"".join(response.streaming_content)


def test_every_attachment_is_stored_and_served_without_metadata(client, booking, org_member):
    booking_transition(booking=booking, actor=booking.consultant, to=BookingState.ACCEPTED)
    client.force_login(org_member)
    before = media_checker.stored_files()
    files = [*hostile_images(), hm.scanned_pdf()]

    for name, content in files:
        assert _send(client, booking, name, content).status_code == 302, name

    attachments = list(Attachment.objects.all())
    assert len(attachments) == len(files)
    assert media_checker.assert_new_files_clean(before) == len(files)
    client.force_login(booking.consultant)
    for attachment in attachments:
        suffix = "." + attachment.file.name.rsplit(".", 1)[1]
        served = _served(client, attachment)
        assert media_checker.findings_in_bytes(served, suffix, attachment.file.name) == []


def test_a_scanned_pdf_keeps_its_pages_and_pictures(client, booking, org_member):
    booking_transition(booking=booking, actor=booking.consultant, to=BookingState.ACCEPTED)
    client.force_login(org_member)
    name, content = hm.scanned_pdf()

    _send(client, booking, name, content)

    reader = PdfReader(io.BytesIO(_served(client, Attachment.objects.get())))
    (page,) = reader.pages
    xobjects = page["/Resources"]["/XObject"]
    assert set(xobjects) == {"/Photo", "/Scan"}
    photo = xobjects["/Photo"].get_object()
    assert (photo["/Width"], photo["/Height"], photo["/Filter"]) == (640, 480, "/DCTDecode")
    assert "/Annots" not in page
    assert reader.metadata == {"/Producer": "Podium"}
    assert hm.NAME.encode() not in _served(client, Attachment.objects.get())


def _logo_post(client, name, content):
    return client.post(
        reverse("networking:organization"),
        {
            "name": "Quiet Harbor",
            "kind": "ngo",
            "email_domain": "quietharbor.example",
            "logo": SimpleUploadedFile(name, content),
        },
    )


def test_every_hostile_logo_is_stored_without_metadata(client):
    client.force_login(UserFactory(role=Role.ORGANIZATION))
    before = media_checker.stored_files()

    for name, content in hostile_images():
        assert _logo_post(client, name, content).status_code == 302, name

    # The first post creates the organization, the others replace its logo.
    assert Organization.objects.get().logo
    assert media_checker.assert_new_files_clean(before) >= 1


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("big.jpg", h.jpeg_with_everything() + b"\0" * (11 * 1024 * 1024), "too big"),
        ("bomb.png", h.decompression_bomb_png(), ""),
        ("cut.jpg", h.read_fixture("DSCN0010.jpg")[:20000], ""),
    ],
)
def test_a_logo_has_the_same_limits_as_every_image(client, name, content, message):
    client.force_login(UserFactory(role=Role.ORGANIZATION))

    response = _logo_post(client, name, content)

    assert response.status_code == 400  # the form again, with what to change
    errors = response.context["form"].errors["logo"]
    assert errors
    assert message in " ".join(errors)
    assert not Organization.objects.exists()


def test_an_invoice_pdf_names_no_software_date_or_action(client, booking):
    Booking.objects.filter(pk=booking.pk).update(state=BookingState.CONFIRMED)
    booking.refresh_from_db()
    invoice = invoice_issue(consultant=booking.consultant, booking=booking)
    client.force_login(booking.consultant)

    pdf = client.get(reverse("networking:invoice_pdf", args=[invoice.pk])).content

    assert invoice.number in PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    assert media_checker.findings_in_bytes(pdf, ".pdf", "invoice") == []
