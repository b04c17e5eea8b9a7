"""Referral addresses answer everyone who may not see them like missing ones: the
suggestion form for anyone but the booking's consultant (a member, the request still
open), the member's page for anyone but the member suggested, and the organization's
choice for anyone but the booking's organization, and for it too before the yes."""

import pytest
from django.test import Client
from django.urls import reverse

from circle.models import Referral
from circle.services.referrals import referral_answer, referral_create
from networking.models import Booking, Notification
from networking.services.bookings import booking_request, booking_transition
from tests.circle.mentoring_people import circle_member, outsiders
from tests.factories import OrganizationFactory, member_of, published_profile
from tests.networking.conftest import booking_fields

pytestmark = pytest.mark.django_db

POSTED = {"answer": "send", "boundaries_acknowledged": "on", "referred": "", "note": "x"}


@pytest.fixture
def setting():
    organization = OrganizationFactory(name="Lakeside Learning Trust")
    org_member = member_of(organization)
    rosa = circle_member(name="Rosa")
    published_profile(rosa, title="Rosa Calder")
    mara = circle_member(name="Mara")
    published_profile(mara, title="Mara Quill")
    booking = booking_request(actor=org_member, consultant=rosa, **booking_fields())
    referral = referral_create(actor=rosa, booking=booking, referred=mara.circle_member)
    return {
        "org_member": org_member,
        "rosa": rosa,
        "mara": mara,
        "booking": booking,
        "referral": referral,
    }


def _state():
    return (
        list(Referral.objects.values_list("pk", "status", "new_booking")),
        Booking.objects.count(),
        Notification.objects.count(),
    )


def _urls(setting):
    return {
        "new": reverse("circle:referral_new", args=[setting["booking"].pk]),
        "referral": reverse("circle:referral", args=[setting["referral"].pk]),
        "choose": reverse("suggested_speakers:choose", args=[setting["referral"].pk]),
    }


def _all_404(client, urls, label):
    for name, url in urls.items():
        assert (label, name, "GET", client.get(url).status_code) == (label, name, "GET", 404)
        assert (label, name, "POST", client.post(url, POSTED).status_code) == (
            label,
            name,
            "POST",
            404,
        )


def test_outsiders_and_visitors_get_404_everywhere(setting):
    before = _state()
    urls = _urls(setting)
    _all_404(Client(), urls, "visitor")
    for role, person in outsiders().items():
        client = Client()
        client.force_login(person)
        _all_404(client, urls, role)
    assert _state() == before


def test_a_member_who_is_neither_side_gets_404(setting, client):
    client.force_login(circle_member(name="Cal"))
    before = _state()
    _all_404(client, _urls(setting), "other member")
    assert _state() == before


def test_each_side_reaches_only_its_own_address(setting, client):
    urls = _urls(setting)
    before = _state()
    # The consultant who suggested: not the member's page, not the organization's choice.
    client.force_login(setting["rosa"])
    _all_404(client, {k: urls[k] for k in ("referral", "choose")}, "referrer")
    # The member suggested: not the suggestion form, not the choice.
    client.force_login(setting["mara"])
    _all_404(client, {k: urls[k] for k in ("new", "choose")}, "suggested member")
    # The organization, before the member's yes: nothing at all.
    client.force_login(setting["org_member"])
    _all_404(client, urls, "organization before the yes")
    assert _state() == before


def test_another_organization_never_reaches_the_choice(setting, client):
    referral_answer(actor=setting["mara"], referral=setting["referral"], accept=True)
    client.force_login(member_of(OrganizationFactory()))
    before = _state()

    _all_404(client, {"choose": _urls(setting)["choose"]}, "other organization")

    assert _state() == before


def test_a_request_no_longer_open_cannot_be_referred(setting, client):
    booking_transition(booking=setting["booking"], actor=setting["rosa"], to="accepted")
    client.force_login(setting["rosa"])
    url = _urls(setting)["new"]
    before = _state()

    assert client.get(url).status_code == 404
    assert client.post(url, {"referred": str(setting["mara"].public_id)}).status_code == 404
    assert _state() == before


def test_a_declined_request_can_still_be_referred(setting, client):
    booking_transition(booking=setting["booking"], actor=setting["rosa"], to="declined")
    other = circle_member(name="Oda")
    published_profile(other, title="Oda Lind")
    client.force_login(setting["rosa"])

    response = client.post(_urls(setting)["new"], {"referred": str(other.public_id)})

    assert response.status_code == 302
    assert list(Referral.objects.values_list("referred__circle_member__name", flat=True)) == [
        "Oda",
        "Mara",
    ]


def test_suggesting_someone_not_in_the_list_is_refused(setting, client):
    outsider = circle_member(name="Private")
    published_profile(outsider, title="Private One", audience="private")
    client.force_login(setting["rosa"])

    response = client.post(_urls(setting)["new"], {"referred": str(outsider.public_id)})

    assert response.status_code == 400
    assert Referral.objects.count() == 1
