"""Deleting an account leaves nothing of the person behind: rows, pages, history, files."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.urls import reverse
from wagtail.models import Collection, Page, PageLogEntry, Revision

from accounts.models import ConsultantWorkspace, User
from core.models import PodiumImage, PodiumVideo
from core.services import image_create
from networking.enums import BookingState
from networking.models import Attachment, Booking, Membership, Message, Organization
from networking.services.conversations import message_send
from portfolio.models import BlogPostPage
from tests.conftest import fixture_path
from tests.factories import PASSWORD, EditorFactory, member_of, published_child

# Files leave storage on commit: these tests commit.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

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
