"""The networking predicates, each with the cases that decide it."""

import pytest
import rules
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from accounts.models import User
from networking.enums import BookingState
from networking.parties import parties_filter, side_of
from networking.rules import (
    PERMISSIONS,
    can_act_for_organization,
    is_org_admin,
    is_org_member,
)
from networking.viewer import viewer_for
from tests.conftest import module_world
from tests.factories import (
    ConsultantFactory,
    EditorFactory,
    OrganizationFactory,
    UserFactory,
    member_of,
)

pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("networking_rules")]


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


# Every networking permission, asked of each kind of person. Objects are taken as the
# person would meet them: their own organization's (or, for people without one, the
# first organization's) booking, opportunity and so on, with the consultant below.

PERSONAS = (
    "consultant",
    "other_consultant",
    "org_admin",
    "org_member",
    "unverified_admin",
    "suspended_admin",
    "admin_without_second_factor",
    "blocked_admin",
    "organization_account_without_organization",
    "editor",
    "anonymous",
)
MEMBERS = {
    "org_admin",
    "org_member",
    "unverified_admin",
    "suspended_admin",
    "admin_without_second_factor",
    "blocked_admin",
}
ADMINS = MEMBERS - {"org_member"}
CONSULTANTS = {"consultant", "other_consultant"}
# Members of an organization with a booking with the consultant, who did not block them.
ORGANIZATION_SIDE = MEMBERS - {"blocked_admin"}


def build_world():
    """The people, their organizations and a consultant who blocked one of them."""
    from networking.models import Block

    consultant = ConsultantFactory()
    verified = OrganizationFactory()
    organizations = {
        "org_admin": verified,
        "org_member": verified,
        "admin_without_second_factor": verified,
        "unverified_admin": OrganizationFactory(verification="unverified", verified_at=None),
        "suspended_admin": OrganizationFactory(suspended_at=timezone.now()),
        "blocked_admin": OrganizationFactory(),
    }
    people = {
        "consultant": consultant,
        "other_consultant": ConsultantFactory(),
        "organization_account_without_organization": UserFactory(role="organization"),
        "editor": EditorFactory(),
        "anonymous": AnonymousUser(),
    }
    for persona, organization in organizations.items():
        people[persona] = member_of(
            organization,
            role="member" if persona == "org_member" else "admin",
            mfa=persona != "admin_without_second_factor",
        )
    blocked = organizations["blocked_admin"]
    Block.objects.create(
        consultant=consultant, organization=blocked, email_domain=blocked.email_domain
    )
    return {
        "consultant": consultant,
        "people": people,
        "organizations": organizations,
        "first": verified,
    }


# Made once for the module; each test reads fresh copies inside its own savepoint.
built, world = module_world(build_world)


def _target(world, persona, kind):
    """The object `kind` as this person meets it (not saved: rules read only the ids)."""
    from networking.models import Block, Booking, Interest, Invoice, Opportunity

    organization = world["organizations"].get(persona, world["first"])
    consultant = world["consultant"]
    opportunity = Opportunity(organization=organization)
    return {
        "organization": organization,
        "opportunity": opportunity,
        "booking": Booking(consultant=consultant, organization=organization),
        "completed_booking": Booking(
            consultant=consultant, organization=organization, state="completed"
        ),
        "invoice": Invoice(consultant=consultant, organization=organization),
        "interest": Interest(consultant=consultant, opportunity=opportunity),
        "block": Block(consultant=consultant, organization=organization),
        "conversation": Booking(consultant=consultant, organization=organization),
    }[kind]


# permission -> (the kind of object it is asked about, or None; who may)
PERMISSION_CASES = {
    "networking.act_for_organization": (None, {"org_admin", "org_member", "blocked_admin"}),
    "networking.add_organization": (None, {"organization_account_without_organization"}),
    "networking.view_organization": (None, MEMBERS),
    "networking.change_organization": ("organization", ADMINS),
    "networking.view_opportunities": (None, MEMBERS | CONSULTANTS),
    "networking.add_opportunity": (None, MEMBERS),
    "networking.change_opportunity": ("opportunity", MEMBERS),
    "networking.express_interest": (None, CONSULTANTS),
    "networking.withdraw_interest": ("interest", {"consultant"}),
    "networking.request_booking": (None, MEMBERS | {"organization_account_without_organization"}),
    "networking.move_booking": ("booking", ORGANIZATION_SIDE | {"consultant"}),
    "networking.answer_booking": ("booking", {"consultant"}),
    "networking.answer_conversation": ("conversation", {"consultant"}),
    "networking.invoice_booking": ("booking", {"consultant"}),
    "networking.rate_booking": ("booking", {"consultant"}),
    "networking.show_booking": ("booking", {"consultant"}),
    "networking.write_testimonial": ("booking", ORGANIZATION_SIDE),
    "networking.change_invoice": ("invoice", {"consultant"}),
    "networking.view_earnings": (None, CONSULTANTS),
    "networking.send_message": ("conversation", ORGANIZATION_SIDE | {"consultant"}),
    "networking.use_calendar": (None, CONSULTANTS),
    "networking.add_block": (None, CONSULTANTS),
    "networking.delete_block": ("block", {"consultant"}),
    "networking.set_contact_policy": (None, CONSULTANTS),
    "networking.set_capacity": (None, CONSULTANTS),
    "networking.write_debrief": ("completed_booking", {"consultant"}),
    "networking.review_organizations": (None, {"editor"}),
    "networking.handle_reports": (None, {"editor"}),
}


def test_every_networking_permission_has_a_case_table():
    assert set(PERMISSION_CASES) == set(PERMISSIONS)


@pytest.mark.parametrize("perm", sorted(PERMISSION_CASES))
def test_who_has_each_permission(world, perm):
    kind, expected = PERMISSION_CASES[perm]
    targets = {persona: _target(world, persona, kind) if kind else None for persona in PERSONAS}
    allowed = {
        persona
        for persona in PERSONAS
        if viewer_for(world["people"][persona]).has_perm(perm, targets[persona])
    }
    assert allowed == expected
    # Services hold a bare user: the same rules give it the same answers.
    assert {
        persona
        for persona in PERSONAS
        if rules.has_perm(perm, _fresh_or_anonymous(world["people"][persona]), targets[persona])
    } == expected


def _fresh_or_anonymous(user):
    return user if not user.is_authenticated else _fresh(user)


def test_the_party_test_and_the_party_filter_agree(world):
    """One rule in two forms: for every person, the bookings `side_of` gives them a side
    of are exactly those `parties_filter` finds."""
    from networking.models import Booking
    from tests.networking.conftest import booking_fields

    fields = booking_fields()
    fields.pop("boundaries_acknowledged")
    now = timezone.now()
    for organization in {*world["organizations"].values()}:
        for consultant in (world["consultant"], world["people"]["other_consultant"]):
            Booking.objects.create(
                consultant=consultant,
                organization=organization,
                state=BookingState.REQUESTED,
                state_changed_at=now,
                boundaries_acknowledged_at=now,
                **fields,
            )
    everything = list(Booking.objects.all())
    for persona in PERSONAS:
        viewer = viewer_for(world["people"][persona])
        by_test = {b.pk for b in everything if side_of(viewer, b) is not None}
        by_filter = set(Booking.objects.filter(parties_filter(viewer)).values_list("pk", flat=True))
        assert by_test == by_filter, persona
    blocked = viewer_for(world["people"]["blocked_admin"])
    # The blocked organization still sees its bookings with other consultants, not hers.
    assert {b.consultant for b in Booking.objects.filter(parties_filter(blocked))} == {
        world["people"]["other_consultant"]
    }
