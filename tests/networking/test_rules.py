"""The networking predicates, each with the cases that decide it."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from accounts.models import User
from networking.rules import can_act_for_organization, is_org_admin, is_org_member
from tests.factories import ConsultantFactory, OrganizationFactory, member_of

pytestmark = pytest.mark.django_db


def _fresh(user):
    return User.objects.get(pk=user.pk)  # predicates cache the membership per request


@pytest.mark.parametrize(
    ("verification", "suspended", "mfa", "expected"),
    [
        ("verified", False, True, True),
        ("verified", False, False, False),
        ("verified", True, True, False),
        ("pending", False, True, False),
        ("unverified", False, True, False),
        ("rejected", False, True, False),
    ],
)
def test_who_may_act_for_an_organization(verification, suspended, mfa, expected):
    organization = OrganizationFactory(
        verification=verification, suspended_at=timezone.now() if suspended else None
    )
    member = member_of(organization, mfa=mfa)
    assert can_act_for_organization(_fresh(member)) is expected


def test_membership_and_admin_predicates():
    organization = OrganizationFactory()
    admin, member = member_of(organization), member_of(organization, role="member")
    consultant = ConsultantFactory()
    assert [is_org_member(_fresh(u)) for u in (admin, member, consultant)] == [True, True, False]
    assert [is_org_admin(_fresh(u)) for u in (admin, member, consultant)] == [True, False, False]
    assert not is_org_member(AnonymousUser())
    assert not can_act_for_organization(AnonymousUser())
