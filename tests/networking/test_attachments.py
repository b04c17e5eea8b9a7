"""Files in conversations: only after acceptance, cleaned, and only for the two sides."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image
from pypdf import PdfReader, PdfWriter

from networking.enums import BookingState
from networking.models import Attachment
from networking.services.bookings import booking_transition
from tests.conftest import fixture_path
from tests.factories import ConsultantFactory, OrganizationFactory, member_of

pytestmark = pytest.mark.django_db


def _photo():
    with open(fixture_path("images", "DSCN0010.jpg"), "rb") as source:
        return SimpleUploadedFile("IMG_home.jpg", source.read(), content_type="image/jpeg")


def _pdf(**metadata):
    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    writer.add_metadata(metadata)
    out = io.BytesIO()
    writer.write(out)
    return SimpleUploadedFile("slides.pdf", out.getvalue(), content_type="application/pdf")


def _send(client, booking, **files):
    url = reverse("networking:conversation", args=[booking.conversation.pk])
    return client.post(url, {"body": "Here it is", **files})


def test_files_wait_for_the_consultants_acceptance(client, booking, org_member):
    client.force_login(org_member)
    response = _send(client, booking, attachment=_photo())
    assert response.status_code == 400
    assert "Files can be shared once" in response.content.decode()
    assert not Attachment.objects.exists()


def test_a_photo_is_sent_without_its_location_and_only_the_two_sides_get_it(
    client, booking, org_member
):
    booking_transition(booking=booking, actor=booking.consultant, to=BookingState.ACCEPTED)
    client.force_login(org_member)
    assert _send(client, booking, attachment=_photo()).status_code == 302
    attachment = Attachment.objects.get()
    url = reverse("networking:attachment", args=[attachment.pk])
    client.force_login(booking.consultant)
    response = client.get(url)
    assert response["Content-Type"] == "image/jpeg"
    assert "attachment;" in response["Content-Disposition"]
    assert "IMG_home" not in response["Content-Disposition"]
    image = Image.open(io.BytesIO(b"".join(response.streaming_content)))
    assert not image.getexif()
    for stranger in (ConsultantFactory(), member_of(OrganizationFactory())):
        client.force_login(stranger)
        assert client.get(url).status_code == 404
    client.logout()
    assert client.get(url).status_code == 404


def test_a_pdf_travels_without_its_author(client, booking, org_member):
    booking_transition(booking=booking, actor=booking.consultant, to=BookingState.ACCEPTED)
    client.force_login(booking.consultant)
    _send(client, booking, attachment=_pdf(**{"/Author": "Jane Doe", "/Title": "Home address"}))
    attachment = Attachment.objects.get()
    client.force_login(org_member)
    content = b"".join(
        client.get(reverse("networking:attachment", args=[attachment.pk])).streaming_content
    )
    metadata = PdfReader(io.BytesIO(content)).metadata or {}
    assert "/Author" not in metadata
    assert "/Title" not in metadata
    assert b"Jane Doe" not in content


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("page.pdf", b"<html><script>alert(1)</script></html>"),
        ("broken.pdf", b"%PDF-1.7 this is not really a pdf"),
        ("photo.jpg", b"\xff\xd8\xff\xe0 not really a jpeg"),
        ("run.exe", b"MZ\x90\x00"),
        ("empty.png", b""),
    ],
)
def test_other_files_are_refused_clearly(client, booking, org_member, name, content):
    booking_transition(booking=booking, actor=booking.consultant, to=BookingState.ACCEPTED)
    client.force_login(org_member)
    response = _send(client, booking, attachment=SimpleUploadedFile(name, content))
    assert response.status_code == 400
    assert not Attachment.objects.exists()
    assert not booking.conversation.messages.exists()
