"""The networking pages end to end through the test client, as people would use them."""

from datetime import timedelta

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from accounts.enums import Role
from networking.models import (
    Booking,
    Interest,
    Opportunity,
    Organization,
    Report,
    VerificationApplication,
)
from portfolio.enums import NETWORK_GROUP
from tests.factories import EditorFactory, TopicFactory, UserFactory, published_profile

pytestmark = pytest.mark.django_db


def _text(response) -> str:
    return response.content.decode()


@pytest.mark.django_db
@pytest.mark.usefixtures("on_commit_runs")
def test_an_organization_from_sign_up_to_a_completed_booking(client):
    topic = TopicFactory(name="Supply chains", slug="supply-chains")
    profile = published_profile(title="Mara Quill", topics=[topic], rates=[("workshop", 900)])
    consultant = profile.consultant
    admin = UserFactory(email="lee@brightwater.example", role=Role.ORGANIZATION)
    client.force_login(admin)

    # 1. The organization and its verification application.
    response = client.post(
        reverse("networking:organization"),
        {
            "name": "Brightwater Foundation",
            "kind": "ngo",
            "email_domain": "brightwater.example",
            "website": "brightwater.example",
            "country": "CA",
            "description": "Training.",
        },
    )
    assert response.status_code == 302
    organization = Organization.objects.get(name="Brightwater Foundation")
    assert organization.website == "https://brightwater.example"
    response = client.post(
        reverse("networking:verification"),
        {
            "registration_number": "CA-118",
            "domain_email": "lee@brightwater.example",
            "reference_name": "Ana Ruiz",
            "reference_contact": "+1 555 0100",
            "reference_relationship": "Funder since 2020",
            "pledge": "on",
        },
    )
    assert response.status_code == 302
    organization.refresh_from_db()
    assert organization.verification == "pending"

    # 2. An editor verifies it in the Wagtail admin.
    editor = EditorFactory()
    Authenticator.objects.create(user=editor, type=Authenticator.Type.TOTP, data={})
    client.force_login(editor)
    queue = client.get(reverse("networking_verification:index"))
    assert "CA-118" in _text(queue)
    application = organization.applications.get()
    client.post(
        reverse("networking_admin:verification_decide", args=[application.pk]),
        {"decision": "verify"},
    )
    organization.refresh_from_db()
    assert organization.verification == "verified"
    assert Group.objects.get(name=NETWORK_GROUP).user_set.filter(pk=admin.pk).exists()

    # 3. With a second factor, the admin posts and opens an opportunity.
    Authenticator.objects.create(user=admin, type=Authenticator.Type.TOTP, data={})
    client.force_login(admin)
    start = timezone.localdate() + timedelta(days=40)
    response = client.post(
        reverse("networking:opportunity_new"),
        {
            "title": "Supplier audit training",
            "engagement_type": "workshop",
            "topics": [topic.slug],
            "description": "Half a day with our buyers.",
            "format": "in_person",
            "country": "CA",
            "region": "Ontario",
            "starts_on": start,
            "ends_on": start,
            "fee": "1500",
            "currency": "usd",
            "covers_travel": "on",
            "deadline": start - timedelta(days=10),
            "pay_parity_attested": "on",
        },
    )
    assert response.status_code == 302, _text(response)
    opportunity = Opportunity.objects.get()
    client.post(reverse("networking:opportunity_status", args=[opportunity.pk]), {"status": "open"})
    opportunity.refresh_from_db()
    assert opportunity.status == "open"

    # 4. The consultant finds it among the ones matching her profile and says yes.
    client.force_login(consultant)
    listing = client.get(reverse("networking:opportunities"))
    assert "Supplier audit training" in _text(listing)
    client.post(
        reverse("networking:opportunity_interest", args=[opportunity.pk]),
        {"note": "I have trained buyers before.", "fee": "1500"},
    )
    interest = Interest.objects.get()

    # 5. The organization requests a booking from the interest; the venue stays hidden.
    client.force_login(admin)
    form_url = reverse("networking:booking_new", args=[consultant.public_id])
    form = client.get(form_url, {"interest": interest.pk})
    assert "Please do not ask for a personal story" not in _text(form)  # none set
    response = client.post(
        form_url,
        {
            "interest": interest.pk,
            "title": "Supplier audit training",
            "engagement_type": "workshop",
            "topic": "Supply chains",
            "starts_on": start,
            "ends_on": start,
            "format": "in_person",
            "audience_size": 25,
            "fee": "1500",
            "currency": "USD",
            "cancellation_fee": "400",
            "venue": "Room 5, 80 King Street",
            "contact_name": "Lee",
            "contact_details": "lee@brightwater.example",
            "boundaries_acknowledged": "on",
        },
    )
    assert response.status_code == 302, _text(response)
    booking = Booking.objects.get()
    client.force_login(consultant)
    page = _text(client.get(reverse("networking:booking", args=[booking.pk])))
    assert "80 King Street" not in page
    assert "Shared once the consultant accepts" in page

    # 6. She proposes a higher fee; they confirm; the venue is released to her.
    move = reverse("networking:booking_move", args=[booking.pk])
    client.post(move, {"to": "countered", "fee": "1800", "starts_on": start, "ends_on": start})
    client.force_login(admin)
    client.post(move, {"to": "confirmed"})
    booking.refresh_from_db()
    assert (booking.state, booking.fee) == ("confirmed", 1800)
    client.force_login(consultant)
    assert "80 King Street" in _text(client.get(reverse("networking:booking", args=[booking.pk])))

    # 7. Messages both ways; links are fine now.
    conversation = booking.conversation
    url = reverse("networking:conversation", args=[conversation.pk])
    client.post(url, {"body": "See you there: https://maps.example/room5"})
    client.force_login(admin)
    client.post(url, {"body": "Looking forward to it."})
    assert conversation.messages.count() == 2

    # 8. After the day, the booking is completed.
    Booking.objects.filter(pk=booking.pk).update(
        starts_on=timezone.localdate(), ends_on=timezone.localdate()
    )
    client.post(move, {"to": "completed"})
    booking.refresh_from_db()
    assert booking.state == "completed"
    assert [e.to_state for e in booking.events.all()] == [
        "requested",
        "countered",
        "confirmed",
        "completed",
    ]
    # Every e-mail about it was discreet: no titles, names or places.
    assert len(mail.outbox) >= 6
    for message in mail.outbox:
        assert "Supplier" not in message.body + message.subject
        assert "King Street" not in message.body


@pytest.mark.django_db
@pytest.mark.usefixtures("on_commit_runs")
def test_the_invited_colleague_joins_and_sees_network_pages(client, organization, org_member):
    client.force_login(org_member)
    client.post(
        reverse("networking:invite"),
        {"email": "kit@" + organization.email_domain, "role": "member"},
    )
    link = next(m for m in mail.outbox if "invited" in m.body).body
    token_url = next(line for line in link.splitlines() if "/network/invitations/" in line)
    path = token_url[token_url.index("/network/") :].strip()
    colleague = UserFactory(email="kit@" + organization.email_domain, role=Role.ORGANIZATION)
    client.force_login(colleague)
    assert client.post(path).status_code == 302
    assert colleague.membership.organization == organization
    assert Group.objects.get(name=NETWORK_GROUP).user_set.filter(pk=colleague.pk).exists()


def test_an_invitation_for_someone_else_is_refused(client, organization, org_member):
    client.force_login(org_member)
    client.post(
        reverse("networking:invite"),
        {"email": "kit@" + organization.email_domain, "role": "member"},
    )
    token = organization.invitations.get().token
    intruder = UserFactory(email="someone@elsewhere.example", role=Role.ORGANIZATION)
    client.force_login(intruder)
    response = client.post(reverse("networking:invitation", args=[token]))
    assert response.status_code == 400
    assert "another e-mail address" in _text(response)
    assert not hasattr(intruder, "membership")


def test_invitations_only_go_to_the_organizations_domain(client, organization, org_member):
    client.force_login(org_member)
    response = client.post(
        reverse("networking:invite"), {"email": "kit@gmail.com", "role": "member"}
    )
    assert response.status_code == 400
    assert "domain" in _text(response)
    assert not organization.invitations.exists()


def test_verification_needs_a_confirmed_address_at_the_domain(client):
    admin = UserFactory(email="jo@gmail.com", role=Role.ORGANIZATION)
    client.force_login(admin)
    client.post(
        reverse("networking:organization"),
        {"name": "Quiet Harbor", "kind": "ngo", "email_domain": "quietharbor.example"},
    )
    EmailAddress.objects.create(user=admin, email="jo@quietharbor.example", verified=False)
    response = client.post(
        reverse("networking:verification"),
        {
            "registration_number": "1",
            "domain_email": "jo@quietharbor.example",
            "reference_name": "A",
            "reference_contact": "B",
            "reference_relationship": "C",
            "pledge": "on",
        },
    )
    assert response.status_code == 400
    assert "Confirm this e-mail address" in _text(response)
    assert Organization.objects.get().verification == "unverified"


def test_public_mail_domains_cannot_be_claimed(client):
    client.force_login(UserFactory(role=Role.ORGANIZATION))
    response = client.post(
        reverse("networking:organization"),
        {"name": "Anyone", "kind": "ngo", "email_domain": "gmail.com"},
    )
    assert response.status_code == 400
    assert "public e-mail provider" in _text(response)
    assert not Organization.objects.exists()


def test_rejection_needs_a_reason_the_organization_then_sees(client, organization, org_member):
    organization.verification = "unverified"
    organization.save()
    EmailAddress.objects.filter(user=org_member).update(verified=True)
    client.force_login(org_member)
    client.post(
        reverse("networking:verification"),
        {
            "registration_number": "9",
            "domain_email": org_member.email,
            "reference_name": "A",
            "reference_contact": "B",
            "reference_relationship": "C",
            "pledge": "on",
        },
    )
    application = organization.applications.get()
    editor = EditorFactory()
    Authenticator.objects.create(user=editor, type=Authenticator.Type.TOTP, data={})
    client.force_login(editor)
    url = reverse("networking_admin:verification_decide", args=[application.pk])
    client.post(url, {"decision": "reject", "reason": ""})
    application.refresh_from_db()
    assert application.decision == ""
    client.post(url, {"decision": "reject", "reason": "The registration number is not listed."})
    client.force_login(org_member)
    page = _text(client.get(reverse("networking:organization")))
    assert "The registration number is not listed." in page


def test_the_editors_desk_is_not_for_consultants_or_organizations(
    client, consultant, org_member, booking
):
    from networking.services.safety import report_create

    organization = org_member.membership.organization
    organization.verification = "pending"
    organization.save()
    VerificationApplication.objects.create(
        organization=organization,
        registration_number="REG-SECRET-77",
        domain_email=org_member.email,
        reference_name="A",
        reference_contact="B",
        reference_relationship="C",
        pledge_accepted_at=timezone.now(),
    )
    report = report_create(
        reporter=booking.consultant,
        target_kind="booking",
        target_id=booking.pk,
        organization=organization,
        reason="A private reason",
    )
    for person in (consultant, org_member):
        client.force_login(person)
        for name in ("verification", "reports"):
            response = client.get(reverse(f"networking_{name}:index"))
            assert response.status_code == 404
            assert b"REG-SECRET-77" not in response.content
            assert b"A private reason" not in response.content
        client.post(
            reverse("networking_admin:report_handle", args=[report.pk]), {"action": "suspended"}
        )
    report.refresh_from_db()
    organization.refresh_from_db()
    assert (report.status, organization.suspended_at) == ("open", None)


def test_reports_reach_the_editors_queue_and_suspension_stops_the_organization(
    client, booking, org_member
):
    consultant = booking.consultant
    client.force_login(consultant)
    response = client.post(
        reverse("networking:report", args=["booking", booking.pk]), {"reason": "Felt unsafe"}
    )
    assert response.status_code == 302
    report = Report.objects.get()
    editor = EditorFactory()
    Authenticator.objects.create(user=editor, type=Authenticator.Type.TOTP, data={})
    client.force_login(editor)
    assert "Felt unsafe" in _text(client.get(reverse("networking_reports:index")))
    client.post(
        reverse("networking_admin:report_handle", args=[report.pk]), {"action": "suspended"}
    )
    report.refresh_from_db()
    assert (report.status, report.handled_by) == ("suspended", editor)
    client.force_login(org_member)
    response = client.post(
        reverse("networking:conversation", args=[booking.conversation.pk]), {"body": "Hello?"}
    )
    assert response.status_code == 403
    assert not booking.conversation.messages.exists()


def test_an_organizations_logo_is_scrubbed_and_can_be_cleared(client):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image

    from tests.conftest import fixture_path

    client.force_login(UserFactory(role=Role.ORGANIZATION))
    with open(fixture_path("images", "DSCN0010.jpg"), "rb") as photo:
        logo = SimpleUploadedFile("logo.jpg", photo.read(), content_type="image/jpeg")
    client.post(
        reverse("networking:organization"),
        {
            "name": "Quiet Harbor",
            "kind": "ngo",
            "email_domain": "quietharbor.example",
            "logo": logo,
        },
    )
    organization = Organization.objects.get()
    with organization.logo.open("rb") as stored:
        assert not Image.open(stored).getexif()
    assert "logo" not in organization.logo.name.rsplit("/", 1)[-1]
    client.post(
        reverse("networking:organization"),
        {
            "name": "Quiet Harbor",
            "kind": "ngo",
            "email_domain": "quietharbor.example",
            "logo-clear": "on",
        },
    )
    organization.refresh_from_db()
    assert not organization.logo


def test_a_logo_that_is_not_an_image_is_refused(client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(UserFactory(role=Role.ORGANIZATION))
    response = client.post(
        reverse("networking:organization"),
        {
            "name": "Quiet Harbor",
            "kind": "ngo",
            "email_domain": "quietharbor.example",
            "logo": SimpleUploadedFile("logo.png", b"<svg onload=alert(1)>"),
        },
    )
    assert response.status_code == 400
    assert not Organization.objects.exists()


def test_an_invitation_link_opened_signed_out_asks_to_sign_in(client, organization, org_member):
    from networking.services.organizations import invitation_create

    invitation = invitation_create(
        organization=organization,
        actor=org_member,
        email=f"kit@{organization.email_domain}",
        role="member",
    )
    response = client.get(reverse("networking:invitation", args=[invitation.token]))
    assert response.url.startswith(reverse("account_login"))
