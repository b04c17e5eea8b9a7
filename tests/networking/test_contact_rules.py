"""Who may contact a consultant: verified organizations with two-step verification, never
a blocked one (the block covers its members and domain), never when she says nobody."""

import pytest
from django.urls import reverse

from networking.enums import ContactPolicy
from networking.models import Booking, Preferences
from networking.services.safety import block_create
from tests.factories import OrganizationFactory, member_of
from tests.networking.conftest import booking_fields

pytestmark = pytest.mark.django_db


def _post_request(client, profile, **overrides):
    data = {k: v for k, v in booking_fields(**overrides).items() if v is not False}
    data["boundaries_acknowledged"] = "on" if data.get("boundaries_acknowledged") else ""
    return client.post(reverse("networking:booking_new", args=[profile.consultant.public_id]), data)


def test_a_verified_member_with_mfa_can_send_a_request(client, profile, org_member):
    client.force_login(org_member)
    form = client.get(reverse("networking:booking_new", args=[profile.consultant.public_id]))
    text = form.content.decode()
    assert "My family" in text  # the boundaries are on the form
    assert "Please do not ask for a personal story" in text
    assert _post_request(client, profile).status_code == 302
    assert Booking.objects.count() == 1


@pytest.mark.parametrize("verification", ["unverified", "pending", "rejected"])
def test_unverified_organizations_get_403(client, profile, verification):
    member = member_of(OrganizationFactory(verification=verification))
    client.force_login(member)
    response = _post_request(client, profile)
    assert response.status_code == 403
    assert "verified" in response.content.decode()
    assert not Booking.objects.exists()


def test_members_without_mfa_are_sent_to_set_it_up_and_nothing_is_sent(client, profile):
    member = member_of(OrganizationFactory(verification="verified"), mfa=False)
    client.force_login(member)
    response = _post_request(client, profile)
    assert response.status_code == 302
    assert response["Location"] == "/accounts/2fa/totp/activate/"
    assert not Booking.objects.exists()


def test_consultants_who_said_nobody_cannot_be_asked(client, profile, org_member):
    Preferences.objects.create(user=profile.consultant, contact_policy=ContactPolicy.NOBODY)
    client.force_login(org_member)
    response = _post_request(client, profile)
    assert response.status_code == 400
    assert "not taking requests" in response.content.decode()
    assert not Booking.objects.exists()


def test_the_boundaries_must_be_acknowledged(client, profile, org_member):
    client.force_login(org_member)
    response = _post_request(client, profile, boundaries_acknowledged=False)
    assert response.status_code == 400
    assert "read the boundaries" in response.content.decode()


def test_a_blocked_organization_finds_no_profile_and_no_request_form(client, profile, org_member):
    block_create(consultant=profile.consultant, organization=org_member.membership.organization)
    client.force_login(org_member)
    assert client.get(profile.url).status_code == 404
    assert _post_request(client, profile).status_code == 404
    assert not Booking.objects.exists()


def test_a_block_covers_a_new_organization_on_the_same_domain(client, profile, organization):
    first = member_of(organization)
    block_create(consultant=profile.consultant, organization=organization)
    same_domain = OrganizationFactory(email_domain=organization.email_domain)
    newcomer = member_of(same_domain, email=f"new@{organization.email_domain}")
    client.force_login(newcomer)
    assert client.get(profile.url).status_code == 404
    assert _post_request(client, profile).status_code == 404
    directory = client.get("/speakers/")
    assert "Rosa Calder" not in directory.content.decode()
    assert first != newcomer


def test_the_block_is_silent(client, profile, org_member):
    from django.core import mail

    block_create(consultant=profile.consultant, organization=org_member.membership.organization)
    assert mail.outbox == []
    from networking.models import Notification

    assert not Notification.objects.filter(user=org_member).exists()


def test_blocking_from_a_booking_page(client, booking):
    client.force_login(booking.consultant)
    response = client.post(reverse("networking:block", args=[booking.organization.pk]))
    assert response.status_code == 302
    settings_page = client.get(reverse("networking:settings")).content.decode()
    assert booking.organization.name in settings_page
    block = booking.consultant.blocks.get()
    client.post(reverse("networking:unblock", args=[block.pk]))
    assert not booking.consultant.blocks.exists()


def test_organizations_cannot_block_and_nobody_removes_anothers_block(
    client, booking, org_member, consultant
):
    client.force_login(org_member)
    assert (
        client.post(reverse("networking:block", args=[booking.organization.pk])).status_code == 404
    )
    block = block_create(consultant=booking.consultant, organization=booking.organization)
    client.force_login(consultant)
    assert client.post(reverse("networking:unblock", args=[block.pk])).status_code == 404
    assert booking.consultant.blocks.exists()


def test_accommodation_needs_are_for_confirmed_bookers_only(client, booking, org_member):
    from networking.enums import BookingState
    from networking.services.bookings import booking_transition
    from portfolio.models import SpeakerProfilePage

    SpeakerProfilePage.objects.filter(consultant=booking.consultant).update(
        accommodation_needs="A step-free room, please."
    )
    url = reverse("networking:booking", args=[booking.pk])
    client.force_login(org_member)
    assert "step-free" not in client.get(url).content.decode()
    assert "step-free" not in client.get(booking.consultant.speaker_profile.url).content.decode()
    booking_transition(booking=booking, actor=booking.consultant, to=BookingState.ACCEPTED)
    assert "step-free" not in client.get(url).content.decode()
    booking_transition(booking=booking, actor=org_member, to=BookingState.CONFIRMED)
    assert "step-free" in client.get(url).content.decode()
