"""Referrals end to end: a consultant who cannot take a request suggests another member;
the member sees the terms (never the organization's contacts or venue) and says yes; only
then does the organization see the suggestion, and it sends the same request through
networking's own booking service, or says no thanks."""

from datetime import timedelta

import pytest
from allauth.mfa.models import Authenticator
from django.urls import reverse
from django.utils import timezone

from circle.models import Referral
from circle.selectors.referrals import referral_candidates
from circle.services.membership import leave
from circle.services.referrals import referral_answer, referral_create
from networking.models import Block, Booking, Notification, Preferences
from portfolio.models import SpeakerProfilePage
from portfolio.services import profile_pause
from tests.circle.mentoring_people import block, circle_member, lakeside_request
from tests.factories import ConsultantFactory, member_of, published_profile
from tests.networking.conftest import booking_fields

pytestmark = pytest.mark.django_db

SECRETS = ("Hall 3, 12 Quay Street", "Sam Ortiz", "sam@org.example", "Lakeside")


@pytest.fixture
def setting():
    return lakeside_request()


def _page(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.usefixtures("on_commit_runs")
def test_suggest_accept_choose(client, setting):
    rosa, mara, booking = setting["rosa"], setting["mara"], setting["booking"]
    org_member = setting["org_member"]
    booking_url = reverse("networking:booking", args=[booking.pk])
    new_url = reverse("circle:referral_new", args=[booking.pk])

    # Rosa, on her booking page, suggests Mara.
    client.force_login(rosa)
    assert f'href="{new_url}"' in _page(client, booking_url)
    assert "Mara in the circle" in _page(client, new_url)
    response = client.post(new_url, {"referred": str(mara.public_id), "note": "You'd be great"})
    assert (response.status_code, response["Location"]) == (302, booking_url)
    referral = Referral.objects.get()
    assert (referral.referred, referral.referred_by, referral.status) == (mara, rosa, "asked")
    client.post(new_url, {"referred": str(mara.public_id)})  # sent twice
    assert Referral.objects.count() == 1
    note = Notification.objects.get(user=mara)
    assert (note.text, note.url) == (
        "You were suggested for a request",
        reverse("circle:referral", args=[referral.pk]),
    )

    # The organization sees nothing yet, and cannot reach the choice.
    client.force_login(org_member)
    page = _page(client, booking_url)
    assert ("Mara" in page, "suggested" in page.lower(), "circle" in page.lower()) == (
        False,
        False,
        False,
    )
    choose_url = reverse("suggested_speakers:choose", args=[referral.pk])
    assert client.get(choose_url).status_code == 404
    assert client.post(choose_url, {"answer": "send"}).status_code == 404
    assert Booking.objects.filter(consultant=mara).count() == 0

    # Mara reads the terms, never the organization's contacts or venue, and says yes.
    client.force_login(mara)
    referral_url = reverse("circle:referral", args=[referral.pk])
    assert f'href="{referral_url}"' in _page(client, reverse("circle:mentoring"))
    page = _page(client, referral_url)
    assert ("Spring training day" in page, "You&#x27;d be great" in page) == (True, True)
    assert [secret for secret in SECRETS if secret in page] == []
    assert client.post(referral_url, {"answer": "yes"}).status_code == 302
    referral.refresh_from_db()
    assert referral.status == "offered"
    assert list(
        Notification.objects.filter(user=org_member, event_key__startswith="referral:").values_list(
            "text", "url"
        )
    ) == [("There is news about a booking.", booking_url)]

    # Now the organization sees the suggestion, named without the circle, and chooses.
    client.force_login(org_member)
    page = _page(client, booking_url)
    profile_url = SpeakerProfilePage.objects.get(consultant=mara).url
    assert "Rosa Calder suggested" in page
    assert f'<a href="{profile_url}">Mara Quill</a>' in page
    assert ("circle" in page.lower(), "Mara in the circle" in page) == (False, False)
    page = _page(client, choose_url)
    assert "circle" not in page.lower()
    response = client.post(choose_url, {"answer": "send"})  # boundaries not confirmed
    assert response.status_code == 400
    assert Booking.objects.filter(consultant=mara).count() == 0
    response = client.post(choose_url, {"answer": "send", "boundaries_acknowledged": "on"})
    new_booking = Booking.objects.get(consultant=mara)
    assert (response.status_code, response["Location"]) == (
        302,
        reverse("networking:booking", args=[new_booking.pk]),
    )
    # Sent twice: one request.
    assert (
        client.post(choose_url, {"answer": "send", "boundaries_acknowledged": "on"}).status_code
        == 302
    )
    assert Booking.objects.filter(consultant=mara).count() == 1
    fields = booking_fields()
    assert (
        new_booking.requested_by,
        new_booking.organization,
        new_booking.state,
        new_booking.title,
        new_booking.fee,
        new_booking.starts_on,
        new_booking.venue,
        new_booking.contact_details,
    ) == (
        org_member,
        setting["org"],
        "requested",
        fields["title"],
        fields["fee"],
        fields["starts_on"],
        fields["venue"],
        fields["contact_details"],
    )
    referral.refresh_from_db()
    assert (referral.status, referral.new_booking) == ("chosen", new_booking)
    booking.refresh_from_db()
    assert booking.state == "requested"  # referring leaves the first request as it was
    new_booking_url = reverse("networking:booking", args=[new_booking.pk])
    assert f'href="{new_booking_url}"' in _page(client, booking_url)


def test_no_thanks_creates_nothing_and_counts_against_nobody(client, setting):
    referral = referral_create(
        actor=setting["rosa"], booking=setting["booking"], referred=setting["mara"].circle_member
    )
    referral_answer(actor=setting["mara"], referral=referral, accept=True)
    client.force_login(setting["org_member"])
    choose_url = reverse("suggested_speakers:choose", args=[referral.pk])
    notes_before = Notification.objects.count()

    assert client.post(choose_url, {"answer": "pass"}).status_code == 302
    assert client.post(choose_url, {"answer": "pass"}).status_code == 302  # twice

    referral.refresh_from_db()
    assert referral.status == "passed"
    assert Booking.objects.filter(consultant=setting["mara"]).count() == 0
    assert Notification.objects.count() == notes_before
    page = _page(client, reverse("networking:booking", args=[setting["booking"].pk]))
    assert "Mara Quill" not in page
    # Choosing to send after passing is refused; nothing is created.
    response = client.post(choose_url, {"answer": "send", "boundaries_acknowledged": "on"})
    assert response.status_code == 400
    assert Booking.objects.filter(consultant=setting["mara"]).count() == 0


def test_the_member_says_no_and_the_organization_never_sees_it(client, setting):
    referral = referral_create(
        actor=setting["rosa"], booking=setting["booking"], referred=setting["mara"].circle_member
    )
    client.force_login(setting["mara"])
    assert (
        client.post(reverse("circle:referral", args=[referral.pk]), {"answer": "no"}).status_code
        == 302
    )
    referral.refresh_from_db()
    assert referral.status == "declined"

    client.force_login(setting["org_member"])
    page = _page(client, reverse("networking:booking", args=[setting["booking"].pk]))
    assert ("Mara" in page, "suggested" in page.lower()) == (False, False)
    assert client.get(reverse("suggested_speakers:choose", args=[referral.pk])).status_code == 404
    assert Notification.objects.filter(user=setting["org_member"]).count() == 0


def test_candidates_are_members_the_organization_may_see_and_who_take_requests(setting):
    rosa, booking, organization = setting["rosa"], setting["booking"], setting["org"]
    fits = circle_member(name="Fits")
    published_profile(fits, title="Fits Well")
    private = circle_member(name="Private")
    published_profile(private, title="Private One", audience="private")
    blocks_org = circle_member(name="Blocks the org")
    published_profile(blocks_org, title="Blocks Org")
    Block.objects.create(
        consultant=blocks_org, organization=organization, email_domain=organization.email_domain
    )
    paused = circle_member(name="Paused")
    profile_pause(profile=published_profile(paused, title="Paused One"))
    closed = circle_member(name="Closed")
    published_profile(closed, title="Closed One")
    Preferences.objects.create(user=closed, contact_policy="nobody")
    blocked = circle_member(name="Blocked by Rosa")
    published_profile(blocked, title="Blocked One")
    block(rosa, blocked)
    blocking = circle_member(name="Blocks Rosa")
    published_profile(blocking, title="Blocking One")
    block(blocking, rosa)
    suspended = circle_member(name="Suspended", status="suspended")
    published_profile(suspended, title="Suspended One")
    outsider = ConsultantFactory()
    published_profile(outsider, title="Not a member")

    names = [m.name for m in referral_candidates(user=rosa, booking=booking)]

    assert sorted(names) == ["Fits", "Mara in the circle"]


@pytest.mark.usefixtures("on_commit_runs")
def test_networking_checks_apply_to_the_new_request(client, setting):
    referral = referral_create(
        actor=setting["rosa"], booking=setting["booking"], referred=setting["mara"].circle_member
    )
    referral_answer(actor=setting["mara"], referral=referral, accept=True)
    colleague = member_of(setting["org"], role="member", mfa=False)
    client.force_login(colleague)
    choose_url = reverse("suggested_speakers:choose", args=[referral.pk])

    response = client.post(choose_url, {"answer": "send", "boundaries_acknowledged": "on"})

    assert response.status_code == 403
    assert "two-step verification" in response.content.decode()
    assert Booking.objects.filter(consultant=setting["mara"]).count() == 0
    referral.refresh_from_db()
    assert (referral.status, referral.new_booking) == ("offered", None)

    # Mara blocks the organization after her yes: the suggestion is gone for it.
    Authenticator.objects.create(user=colleague, type=Authenticator.Type.TOTP, data={})
    Block.objects.create(
        consultant=setting["mara"],
        organization=setting["org"],
        email_domain=setting["org"].email_domain,
    )
    assert client.get(choose_url).status_code == 404
    response = client.post(choose_url, {"answer": "send", "boundaries_acknowledged": "on"})
    assert response.status_code == 404
    assert Booking.objects.filter(consultant=setting["mara"]).count() == 0


def test_a_past_first_date_is_refused_by_networking(client, setting):
    referral = referral_create(
        actor=setting["rosa"], booking=setting["booking"], referred=setting["mara"].circle_member
    )
    referral_answer(actor=setting["mara"], referral=referral, accept=True)
    Booking.objects.filter(pk=setting["booking"].pk).update(
        starts_on=timezone.localdate() - timedelta(days=2),
        ends_on=timezone.localdate() - timedelta(days=1),
    )
    client.force_login(setting["org_member"])

    response = client.post(
        reverse("suggested_speakers:choose", args=[referral.pk]),
        {"answer": "send", "boundaries_acknowledged": "on"},
    )

    assert response.status_code == 400
    assert "The first date cannot be in the past." in response.content.decode()
    assert Booking.objects.filter(consultant=setting["mara"]).count() == 0


def test_a_suggestion_from_someone_who_left_names_nobody(client, setting):
    rosa, mara = setting["rosa"], setting["mara"]
    referral = referral_create(
        actor=rosa, booking=setting["booking"], referred=mara.circle_member, note="Over to you"
    )
    leave(actor=rosa, erase=False)
    client.force_login(mara)

    html = _page(client, reverse("circle:referral", args=[referral.pk]))

    assert "<p>A former member could not take this request and thought of you.</p>" in html
    assert "Rosa in the circle" not in html


def test_the_suggestion_form_names_the_request_once(client, setting):
    client.force_login(setting["rosa"])

    html = _page(client, reverse("circle:referral_new", args=[setting["booking"].pk]))

    assert html.count("Spring training day") == 1
