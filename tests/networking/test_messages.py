"""Conversations: plain text, links only after acceptance, rate limits, scam warnings."""

import pytest
from django.urls import reverse

from networking.enums import BookingState
from networking.models import Booking, Report
from networking.scam import scam_signals
from networking.services.bookings import booking_transition

pytestmark = pytest.mark.django_db


def _say(client, booking, body):
    return client.post(
        reverse("networking:conversation", args=[booking.conversation.pk]), {"body": body}
    )


@pytest.mark.parametrize(
    "body",
    [
        "see https://example.org",
        "www.example.org has it",
        "write to me at lee@example.org",
        "it is on bit.ly/abc",
        "javascript://alert(1)",
    ],
)
def test_links_wait_for_the_consultants_acceptance(client, booking, org_member, body):
    client.force_login(org_member)
    response = _say(client, booking, body)
    assert response.status_code == 400
    assert "once the consultant has accepted" in response.content.decode()
    assert not booking.conversation.messages.exists()
    booking_transition(booking=booking, actor=booking.consultant, to=BookingState.ACCEPTED)
    assert _say(client, booking, body).status_code == 302
    assert booking.conversation.messages.count() == 1


def test_the_21st_message_in_a_minute_gets_429(client, booking, org_member):
    client.force_login(org_member)
    for n in range(20):
        assert _say(client, booking, f"Message {n}").status_code == 302
    response = _say(client, booking, "One too many")
    assert response.status_code == 429
    assert booking.conversation.messages.count() == 20


def test_messages_are_plain_text(client, booking, org_member):
    client.force_login(org_member)
    _say(client, booking, "<script>alert(1)</script><img src=x onerror=alert(2)>")
    client.force_login(booking.consultant)
    page = client.get(reverse("networking:conversation", args=[booking.conversation.pk]))
    text = page.content.decode()
    assert "<script>alert(1)" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text


@pytest.mark.parametrize(
    ("body", "signal"),
    [
        ("Before the event you must pay the visa fee of $300.", "visa"),
        ("Please buy three Apple gift cards for the registration.", "gift cards"),
        ("Send it by Western Union to our agent.", "transfer"),
        ("Our agency takes a 20% commission from speakers.", "commission"),
        ("Let's handle payment outside Podium on WhatsApp.", "outside Podium"),
    ],
)
def test_requests_for_money_are_flagged_to_the_consultant_and_editors(
    client, booking, org_member, body, signal
):
    client.force_login(org_member)
    assert _say(client, booking, body).status_code == 302
    message = booking.conversation.messages.get()
    assert any(signal in reason for reason in message.scam_signals), message.scam_signals
    report = Report.objects.get(target_id=str(message.pk))
    assert report.reporter is None
    assert report.organization == booking.organization
    client.force_login(booking.consultant)
    page = client.get(reverse("networking:conversation", args=[booking.conversation.pk]))
    assert "Be careful:" in page.content.decode()


@pytest.mark.parametrize(
    "body",
    [
        "We pay your fee within 14 days of the invoice.",
        "Travel is covered; we book the train for you.",
        "Our registration desk opens at 9.",
        "The conference fee is waived for speakers.",
    ],
)
def test_ordinary_logistics_are_not_flagged(body):
    assert scam_signals(body) == []


def test_a_request_asking_for_money_is_flagged_too(profile, org_member):
    from networking.services.bookings import booking_request
    from tests.networking.conftest import booking_fields

    booking = booking_request(
        actor=org_member,
        consultant=profile.consultant,
        **booking_fields(message="A small processing fee is paid by you before we confirm."),
    )
    assert Report.objects.filter(target_kind="booking", target_id=str(booking.pk)).exists()


def test_consultants_messages_are_not_scanned(client, booking):
    client.force_login(booking.consultant)
    _say(client, booking, "I never pay a visa fee myself.")
    assert not Report.objects.exists()
    assert Booking.objects.get(pk=booking.pk).conversation.messages.get().scam_signals == []


def test_the_consultant_sees_the_warning_on_a_request_asking_for_money(client, profile, org_member):
    from networking.services.bookings import booking_request
    from tests.networking.conftest import booking_fields

    booking = booking_request(
        actor=org_member,
        consultant=profile.consultant,
        **booking_fields(message="Please buy two gift cards for the registration."),
    )
    url = reverse("networking:booking", args=[booking.pk])
    client.force_login(profile.consultant)
    assert "Be careful:" in client.get(url).content.decode()
    client.force_login(org_member)
    assert "Be careful:" not in client.get(url).content.decode()


def test_the_inbox_lists_conversations_with_messages_first_on_every_database(
    client, booking, org_member
):
    from networking.selectors import conversations_for
    from networking.services.bookings import booking_request
    from tests.networking.conftest import booking_fields

    client.force_login(org_member)
    assert _say(client, booking, "Looking forward to it.").status_code == 302
    # A newer conversation without a message yet: PostgreSQL sorts NULL first when
    # descending, SQLite last; the inbox must read the same on both.
    quiet = booking_request(
        actor=org_member, consultant=booking.consultant, **booking_fields(title="Autumn talk")
    )
    inbox = list(conversations_for(user=booking.consultant))
    assert [c.pk for c in inbox] == [booking.conversation.pk, quiet.conversation.pk]


def test_reading_a_conversation_reads_its_new_message_notifications(client, booking, org_member):
    from networking.models import Notification
    from networking.selectors import dashboard_summary

    client.force_login(org_member)
    assert _say(client, booking, "The room is on the second floor.").status_code == 302
    consultant = booking.consultant
    other = Notification.objects.create(
        user=consultant, event_key="message:elsewhere", text="x", url="/network/inbox/other/"
    )
    assert dashboard_summary(user=consultant)["unread_messages"] == 2

    client.force_login(consultant)
    assert (
        client.get(reverse("networking:conversation", args=[booking.conversation.pk])).status_code
        == 200
    )

    assert dashboard_summary(user=consultant)["unread_messages"] == 1
    other.refresh_from_db()
    assert other.read_at is None


def test_the_scam_warning_is_in_the_readers_language_whoever_wrote_in_which(
    client, booking, org_member
):
    # The organization writes from a Spanish interface; the consultant reads in English,
    # then in Spanish: the reason is stored once, in English, and shown in each language.
    client.cookies["django_language"] = "es"
    client.force_login(org_member)
    assert _say(client, booking, "You must pay the visa fee of $300 first.").status_code == 302
    message = booking.conversation.messages.get()
    assert message.scam_signals == ["asks you to pay a visa, permit or processing fee"]

    client.force_login(booking.consultant)
    url = reverse("networking:conversation", args=[booking.conversation.pk])
    client.cookies["django_language"] = "en"
    assert "asks you to pay a visa, permit or processing fee" in client.get(url).content.decode()
    client.cookies["django_language"] = "es"
    spanish = client.get(url).content.decode()
    assert "le pide pagar una tasa de visado, permiso o trámite" in spanish
    assert "asks you to pay" not in spanish
