"""Object-level access: another person's id is a 404, for GET and POST.

For each networking object the owner side can open it, and another consultant, a member of
another organization, an anonymous visitor (sent to sign in) and a member of an
organization the consultant blocked all get nothing.
"""

import pytest
from django.urls import reverse

from networking.models import Conversation, Interest, Message, Notification, Opportunity
from networking.services.conversations import message_send
from networking.services.opportunities import opportunity_create
from networking.services.safety import block_create
from tests.factories import ConsultantFactory, OrganizationFactory, member_of
from tests.networking.conftest import opportunity_fields

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(booking, org_member, profile):
    """One of each object, owned by `profile`'s consultant and `org_member`'s organization."""
    conversation = Conversation.objects.get(booking=booking)
    message = message_send(conversation=conversation, sender=org_member, body="Hello there")
    draft = opportunity_create(
        actor=org_member,
        **opportunity_fields(
            title="Draft", engagement_type="keynote", description="Not yet open", fee=800
        ),
    )
    notification = Notification.objects.filter(user=profile.consultant).first()
    return {
        "booking": booking,
        "conversation": conversation,
        "message": message,
        "draft": draft,
        "notification": notification,
    }


def _urls(world):
    booking, conversation, message = world["booking"], world["conversation"], world["message"]
    draft, notification = world["draft"], world["notification"]
    return [
        ("GET", reverse("networking:booking", args=[booking.pk]), {}),
        ("POST", reverse("networking:booking_move", args=[booking.pk]), {"to": "cancelled"}),
        ("POST", reverse("networking:booking_move", args=[booking.pk]), {"to": "accepted"}),
        ("GET", reverse("networking:conversation", args=[conversation.pk]), {}),
        ("POST", reverse("networking:conversation", args=[conversation.pk]), {"body": "hi"}),
        ("GET", reverse("networking:report", args=["message", message.pk]), {}),
        ("POST", reverse("networking:report", args=["message", message.pk]), {"reason": "x"}),
        ("GET", reverse("networking:report", args=["booking", booking.pk]), {}),
        ("GET", reverse("networking:opportunity", args=[draft.pk]), {}),
        ("GET", reverse("networking:opportunity_edit", args=[draft.pk]), {}),
        ("POST", reverse("networking:opportunity_status", args=[draft.pk]), {"status": "open"}),
        ("GET", reverse("networking:notification_open", args=[notification.pk]), {}),
    ]


def _strangers(organization):
    blocked_org = OrganizationFactory()
    return {
        "another consultant": ConsultantFactory(),
        "another organization": member_of(OrganizationFactory()),
        "a blocked organization": member_of(blocked_org),
    }, blocked_org


def test_every_object_url_is_not_found_for_everyone_else(client, world, profile, organization):
    strangers, blocked_org = _strangers(organization)
    block_create(consultant=profile.consultant, organization=blocked_org)
    before = _counts()
    for who, stranger in strangers.items():
        client.force_login(stranger)
        for method, url, data in _urls(world):
            response = client.get(url) if method == "GET" else client.post(url, data)
            assert response.status_code == 404, (who, method, url)
    assert _counts() == before


def test_the_blocked_organization_loses_its_own_booking(client, world, profile, org_member):
    block_create(consultant=profile.consultant, organization=org_member.membership.organization)
    client.force_login(org_member)
    for method, url, data in _urls(world):
        if "opportunit" in url:
            continue  # its own opportunity is still its own
        response = client.get(url) if method == "GET" else client.post(url, data)
        if "notification" in url:
            continue  # the notification belongs to the consultant
        assert response.status_code == 404, (method, url)


def test_anonymous_visitors_get_not_found_for_every_object(client, world):
    for method, url, data in _urls(world):
        response = client.get(url) if method == "GET" else client.post(url, data)
        assert response.status_code == 404, url


def test_anonymous_visitors_are_sent_to_sign_in_from_list_pages(client):
    for name in ("bookings", "inbox", "notifications", "opportunities", "invoices"):
        response = client.get(reverse(f"networking:{name}"))
        assert response.url.startswith(reverse("account_login")), name


def test_the_parties_can_open_what_is_theirs(client, world, profile, org_member):
    client.force_login(profile.consultant)
    page = client.get(reverse("networking:booking", args=[world["booking"].pk]))
    assert "Spring training day" in page.content.decode()
    client.force_login(org_member)
    page = client.get(reverse("networking:conversation", args=[world["conversation"].pk]))
    assert "Hello there" in page.content.decode()


def test_malformed_ids_are_not_found(client, org_member):
    client.force_login(org_member)
    for url in (
        "/network/bookings/12/",
        "/network/report/message/not-a-uuid/",
        "/network/report/profile/abc/",
        "/network/report/nonsense/1/",
        "/network/request/00000000-0000-0000-0000-000000000000/",
    ):
        assert client.get(url).status_code == 404, url


def _counts():
    return (
        Message.objects.count(),
        Interest.objects.count(),
        Opportunity.objects.filter(status="open").count(),
        Notification.objects.filter(read_at__isnull=False).count(),
    )


def test_each_side_can_export_its_own_records_and_nothing_else(client, world, profile):
    import json

    client.force_login(profile.consultant)
    data = json.loads(client.get(reverse("networking:export")).content)
    assert [b["title"] for b in data["bookings"]] == ["Spring training day"]
    assert data["conversations"][0]["messages"][0]["text"] == "Hello there"
    client.force_login(ConsultantFactory())
    data = json.loads(client.get(reverse("networking:export")).content)
    assert (data["bookings"], data["conversations"], data["invoices"]) == ([], [], [])
