"""The mentoring and referral predicates, one by one, and the permissions they make."""

import pytest

from circle.enums import ReferralStatus
from circle.models import Referral
from circle.rules import is_referable_booking, is_referral_organization, is_referral_recipient
from networking.models import Block
from networking.services.bookings import booking_request, booking_transition
from networking.viewer import viewer_for
from tests.circle.mentoring_people import circle_member
from tests.factories import OrganizationFactory, member_of, published_profile
from tests.networking.conftest import booking_fields

pytestmark = pytest.mark.django_db


@pytest.fixture
def setting():
    organization = OrganizationFactory()
    org_member = member_of(organization)
    rosa = circle_member(name="Rosa")
    published_profile(rosa, title="Rosa Calder")
    mara = circle_member(name="Mara")
    published_profile(mara, title="Mara Quill")
    booking = booking_request(actor=org_member, consultant=rosa, **booking_fields())
    referral = Referral.objects.create(booking=booking, referred_by=rosa, referred=mara)
    return organization, org_member, rosa, mara, booking, referral


@pytest.mark.parametrize(
    ("state", "expected"),
    [("requested", True), ("declined", True), ("accepted", False), ("cancelled", False)],
)
def test_is_referable_booking(setting, state, expected):
    _org, org_member, rosa, mara, booking, _referral = setting
    if state != "requested":
        actor = org_member if state == "cancelled" else rosa
        booking_transition(booking=booking, actor=actor, to=state)
        booking.refresh_from_db()

    assert (
        is_referable_booking(rosa, booking),
        is_referable_booking(mara, booking),
        is_referable_booking(org_member, booking),
    ) == (expected, False, False)


def test_is_referral_recipient(setting):
    _org, org_member, rosa, mara, _booking, referral = setting

    assert [is_referral_recipient(p, referral) for p in (mara, rosa, org_member)] == [
        True,
        False,
        False,
    ]


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        (ReferralStatus.ASKED, False),
        (ReferralStatus.DECLINED, False),
        (ReferralStatus.OFFERED, True),
        (ReferralStatus.CHOSEN, True),
        (ReferralStatus.PASSED, True),
        (ReferralStatus.WITHDRAWN, False),
    ],
)
def test_is_referral_organization_only_after_the_yes(setting, status, expected):
    _org, org_member, rosa, mara, _booking, referral = setting
    referral.status = status
    other_org_member = member_of(OrganizationFactory())

    assert (
        is_referral_organization(org_member, referral),
        is_referral_organization(other_org_member, referral),
        is_referral_organization(rosa, referral),
        is_referral_organization(mara, referral),
    ) == (expected, False, False, False)


def test_a_block_by_the_suggested_speaker_hides_the_suggestion(setting):
    organization, org_member, _rosa, mara, _booking, referral = setting
    referral.status = ReferralStatus.OFFERED
    Block.objects.create(
        consultant=mara, organization=organization, email_domain=organization.email_domain
    )

    assert is_referral_organization(org_member, referral) is False


def test_permissions_need_membership_except_the_organizations_choice(setting):
    _org, org_member, rosa, mara, booking, referral = setting
    referral.status = ReferralStatus.OFFERED
    rosa.circle_member.status = "suspended"
    rosa.circle_member.save()
    rosa_viewer, mara_viewer = viewer_for(rosa), viewer_for(mara)

    assert (
        rosa_viewer.has_perm("circle.refer_booking", booking),
        mara_viewer.has_perm("circle.view_referral", referral),
        viewer_for(org_member).has_perm("circle.choose_referral", referral),
        viewer_for(org_member).has_perm("circle.enter"),
    ) == (False, True, True, False)
