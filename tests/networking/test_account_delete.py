"""Deleting an account leaves nothing of the person behind: rows, pages, history, files."""

import io

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.test import Client
from django.urls import reverse
from pypdf import PdfReader
from taggit.models import Tag
from wagtail.log_actions import log
from wagtail.models import Collection, Page, PageLogEntry, Revision

from accounts.models import ConsultantWorkspace, User
from core.media.services import image_create
from core.models import PodiumImage, PodiumVideo
from networking.enums import BookingState
from networking.models import Attachment, Booking, Invoice, Membership, Message, Organization
from networking.services import bookings as booking_services
from networking.services import money
from networking.services.conversations import message_send
from portfolio.models import BlogPostPage
from tests.accounts.helpers import sign_in
from tests.conftest import fixture_path
from tests.core import images as h
from tests.factories import PASSWORD, EditorFactory, member_of, published_child
from tests.forensics import remnants

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("on_commit_runs")]

DELETE = "/dashboard/delete-account/"


def _reauthenticated(client, user):
    client.force_login(user)
    response = client.post("/accounts/reauthenticate/", {"password": PASSWORD})
    assert response.status_code == 302, "the password was not accepted"


def _exists(field_file) -> bool:
    return field_file.storage.exists(field_file.name)


@pytest.fixture
def consultant_world(profile, booking):
    """A consultant with a post, a photo, a video and a file in a booking's conversation."""
    user = profile.consultant
    post = published_child(profile, BlogPostPage, title="A post qq-gone")
    post.save_revision(user=user).publish()
    workspace = ConsultantWorkspace.objects.get(user=user)
    with open(fixture_path("images", "DSCN0010.jpg"), "rb") as source:
        photo = image_create(source=source, title="x", collection=workspace.collection)
    video = PodiumVideo.objects.create(
        title="Talk",
        uploaded_by=user,
        file=ContentFile(b"not really a video", name="v.mp4"),
        captions=ContentFile(b"WEBVTT\n", name="c.vtt"),
    )
    Booking.objects.filter(pk=booking.pk).update(state=BookingState.ACCEPTED)
    message = message_send(conversation=booking.conversation, sender=user, body="Slides")
    attachment = Attachment.objects.create(
        message=message, file=ContentFile(b"%PDF-1.4", name="a.pdf"), content_type="pdf", size=8
    )
    return {
        "user": user,
        "page_ids": [profile.pk, post.pk],
        "workspace": workspace,
        "files": [photo.file, video.file, video.captions, attachment.file],
        "booking": booking,
    }


def test_a_consultant_deletes_everything_that_was_theirs(client, consultant_world):
    world = consultant_world
    user = world["user"]
    assert all(_exists(f) for f in world["files"])
    assert Revision.page_revisions.filter(object_id=str(world["page_ids"][1])).exists()

    _reauthenticated(client, user)
    assert client.get(DELETE).status_code == 200
    response = client.post(DELETE, {"understood": "on"})

    assert response.status_code == 200
    assert "Your account is deleted" in response.content.decode()
    assert response["Clear-Site-Data"]
    assert not User.objects.filter(pk=user.pk).exists()
    ids = world["page_ids"]
    assert not Page.objects.filter(pk__in=ids).exists()
    assert not Revision.page_revisions.filter(object_id__in=[str(i) for i in ids]).exists()
    assert not PageLogEntry.objects.filter(page_id__in=ids).exists()
    assert not Collection.objects.filter(pk=world["workspace"].collection_id).exists()
    assert not PodiumImage.objects.exists()
    assert not PodiumVideo.objects.exists()
    assert not Booking.objects.filter(pk=world["booking"].pk).exists()
    assert not Attachment.objects.exists()
    assert [_exists(f) for f in world["files"]] == [False, False, False, False]
    assert "qq-gone" not in client.get("/speakers/").content.decode()
    assert client.get(reverse("dashboard")).status_code == 302  # signed out


def test_deleting_asks_for_the_password_again(client, consultant):
    client.force_login(consultant)  # signed in, but not just now
    response = client.get(DELETE)
    assert response.status_code == 302
    assert "/accounts/reauthenticate/" in response["Location"]
    client.post(DELETE, {"understood": "on"})
    assert User.objects.filter(pk=consultant.pk).exists()


@pytest.mark.parametrize("data", [{}, {"understood": ""}, {"understood": "false"}])
def test_without_the_tick_nothing_is_deleted(client, consultant, data):
    _reauthenticated(client, consultant)
    response = client.post(DELETE, data)
    assert response.status_code == 200
    assert "Tick the box to confirm." in response.content.decode()
    assert User.objects.filter(pk=consultant.pk).exists()


def test_the_last_administrator_of_a_team_hands_over_first(client, org_member):
    colleague = member_of(org_member.membership.organization, role="member")
    _reauthenticated(client, org_member)
    response = client.post(DELETE, {"understood": "on"}, follow=True)
    assert "Make another member of your organization an administrator first." in (
        response.content.decode()
    )
    assert User.objects.filter(pk=org_member.pk).exists()
    Membership.objects.filter(user=colleague).update(role="admin")
    client.post(DELETE, {"understood": "on"})
    assert not User.objects.filter(pk=org_member.pk).exists()


def test_an_organization_member_leaves_the_organization_and_its_records(client, booking):
    member = booking.organization.memberships.get().user
    message = message_send(conversation=booking.conversation, sender=member, body="Hello")
    _reauthenticated(client, member)
    client.post(DELETE, {"understood": "on"})
    assert not User.objects.filter(pk=member.pk).exists()
    assert Organization.objects.filter(pk=booking.organization_id).exists()
    assert Booking.objects.filter(pk=booking.pk).exists()  # the consultant's record
    assert Message.objects.get(pk=message.pk).sender is None


def test_a_site_administrator_is_not_deleted_this_way(client):
    admin = EditorFactory(is_superuser=True)
    _reauthenticated(client, admin)
    client.post(DELETE, {"understood": "on"}, follow=True)
    assert User.objects.filter(pk=admin.pk).exists()


def test_a_replaced_logo_and_a_deleted_attachment_leave_no_file(organization):
    organization.logo = ContentFile(b"first", name="first.png")
    organization.save()
    first = organization.logo.name
    organization.logo = ContentFile(b"second", name="second.png")
    organization.save()
    storage = storages["default"]
    assert not storage.exists(first)
    assert storage.exists(organization.logo.name)
    organization.delete()
    assert not storage.exists(organization.logo.name)


MARKERS = ["zqxperson", "zqxname", "zqximage", "zqxtag", "zqxpost", "zqxcontact"]


@pytest.fixture
def consultant_with_traces(profile, booking):
    """A consultant whose words sit where cascades do not reach: image titles in the
    admin's history, image tags, a session on another device, an issued invoice."""
    user = profile.consultant
    User.objects.filter(pk=user.pk).update(email="zqxperson@example.org")
    user.emailaddress_set.update(email="zqxperson@example.org")
    user.refresh_from_db()
    profile.title = "Rosa zqxname"
    profile.save_revision(user=user).publish()
    published_child(profile, BlogPostPage, title="On zqxpost", slug="on-a-post")
    workspace = ConsultantWorkspace.objects.get(user=user)
    with open(fixture_path("images", "DSCN0010.jpg"), "rb") as source:
        photo = image_create(source=source, title="zqximage", collection=workspace.collection)
    photo.tags.add("zqxtag", "shared-tag")
    other = image_create(
        source=ContentFile(h.jpeg_with_everything(), name="o.jpg"), title="Another person's"
    )
    other.tags.add("shared-tag")
    # What Wagtail's image admin writes on upload and edit.
    log(instance=photo, action="wagtail.create", user=user)
    log(instance=photo, action="wagtail.edit", user=user)
    rendition = photo.get_rendition("width-100")
    booking_services.booking_transition(
        booking=booking, actor=user, to=BookingState.ACCEPTED, consultant_contact="zqxcontact"
    )
    organizer = booking.organization.memberships.get().user
    booking_services.booking_transition(booking=booking, actor=organizer, to=BookingState.CONFIRMED)
    invoice = money.invoice_issue(consultant=user, booking=Booking.objects.get(pk=booking.pk))
    phone = Client()
    assert sign_in(phone, user).status_code == 302
    return {
        "user": user,
        "invoice": invoice,
        "organizer": organizer,
        "files": [photo.file.name, rendition.file.name],
        "phone": phone,
    }


def _deleted_everywhere(client, world):
    user = world["user"]
    _reauthenticated(client, user)
    response = client.post(DELETE, {"understood": "on"})
    assert "Your account is deleted" in response.content.decode()
    assert (
        remnants(
            [*MARKERS, user.public_id.hex, str(user.public_id)],
            user_ids=[user.pk],
            file_names=world["files"],
        )
        == []
    )
    assert world["phone"].get(reverse("dashboard")).status_code == 302  # signed out there too
    assert Tag.objects.filter(name="shared-tag").exists()  # another person's image uses it


def test_deletion_leaves_no_log_line_tag_session_or_file(client, consultant_with_traces):
    _deleted_everywhere(client, consultant_with_traces)


def test_deletion_leaves_nothing_on_postgresql(postgres, client, consultant_with_traces):
    _deleted_everywhere(client, consultant_with_traces)


def test_an_organization_keeps_its_copy_of_a_deleted_consultants_invoice(
    client, consultant_with_traces
):
    world = consultant_with_traces
    invoice = world["invoice"]
    _deleted_everywhere(client, world)

    kept = Invoice.objects.get(pk=invoice.pk)
    assert (kept.booking_id, kept.consultant_id) == (None, None)
    assert (kept.number, kept.amount, kept.currency, kept.issued_on) == (
        invoice.number,
        invoice.amount,
        invoice.currency,
        invoice.issued_on,
    )
    organizer = Client()
    organizer.force_login(world["organizer"])
    listing = organizer.get("/network/invoices/").content.decode()
    assert invoice.number in listing
    assert "A former Podium consultant" in listing
    detail = organizer.get(f"/network/invoices/{invoice.pk}/")
    assert detail.status_code == 200
    assert "A former Podium consultant" in detail.content.decode()
    assert "Spring training day" not in detail.content.decode()
    pdf = organizer.get(f"/network/invoices/{invoice.pk}/pdf/")
    assert pdf["Content-Type"] == "application/pdf"
    pdf_text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.content)).pages)
    assert "A former Podium consultant" in pdf_text
    assert "Rosa" not in pdf_text
    export = organizer.get("/network/export.json").json()
    assert [i["number"] for i in export["invoices"]] == [invoice.number]
