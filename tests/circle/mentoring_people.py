"""People for the mentoring and referral tests: members of the circle in each state, and
the outsiders every circle address must answer like a missing one."""

from allauth.mfa.models import Authenticator
from django.utils import timezone

from circle.enums import MentoringSide
from circle.models import Member, MemberBlock, MentoringInterest
from circle.names import name_key
from networking.services.bookings import booking_request
from tests.factories import (
    ConsultantFactory,
    EditorFactory,
    OrganizationFactory,
    member_of,
    published_profile,
)
from tests.networking.conftest import booking_fields


def circle_member(user=None, *, name="Ada", status="active", offers=(), asks=()):
    user = user or ConsultantFactory()
    Member.objects.create(
        user=user,
        name=name,
        name_key=name_key(name),
        status=status,
        admitted_at=timezone.now() if status != "applied" else None,
    )
    for topic in offers:
        MentoringInterest.objects.create(user=user, side=MentoringSide.OFFER, topic=topic)
    for topic in asks:
        MentoringInterest.objects.create(user=user, side=MentoringSide.ASK, topic=topic)
    return user


def lakeside_request() -> dict:
    """Rosa (a member) has a booking request from Lakeside; Mara (a member) could take it."""
    organization = OrganizationFactory(name="Lakeside Learning Trust")
    org_member = member_of(organization)
    rosa = circle_member(name="Rosa in the circle")
    published_profile(rosa, title="Rosa Calder")
    mara = circle_member(name="Mara in the circle")
    published_profile(mara, title="Mara Quill", audience="network")
    booking = booking_request(actor=org_member, consultant=rosa, **booking_fields())
    return {
        "org": organization,
        "org_member": org_member,
        "rosa": rosa,
        "mara": mara,
        "booking": booking,
    }


def block(blocker, blocked):
    return MemberBlock.objects.create(blocker=blocker, blocked=blocked)


def _with_second_factor(user):
    # Editors must enrol a second factor before reaching anything else.
    Authenticator.objects.create(user=user, type=Authenticator.Type.TOTP, data={})
    return user


def outsiders() -> dict:
    """Everyone who is not inside the circle, by role (signed in)."""
    return {
        "organization member": member_of(OrganizationFactory()),
        "editor": _with_second_factor(EditorFactory()),
        "consultant not let in": ConsultantFactory(),
        "applicant": circle_member(name="Applicant", status="applied"),
        "suspended member": circle_member(name="Suspended", status="suspended"),
    }
