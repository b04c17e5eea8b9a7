"""People for the mentoring and referral tests: members of the circle in each state, and
the outsiders every circle address must answer like a missing one."""

from allauth.mfa.models import Authenticator
from django.utils import timezone

from circle.enums import MentoringSide
from circle.models import Member, MemberBlock, MentoringInterest
from tests.factories import ConsultantFactory, EditorFactory, OrganizationFactory, member_of


def circle_member(user=None, *, name="Ada", status="active", offers=(), asks=()):
    user = user or ConsultantFactory()
    Member.objects.create(
        user=user,
        name=name,
        status=status,
        admitted_at=timezone.now() if status != "applied" else None,
    )
    for topic in offers:
        MentoringInterest.objects.create(user=user, side=MentoringSide.OFFER, topic=topic)
    for topic in asks:
        MentoringInterest.objects.create(user=user, side=MentoringSide.ASK, topic=topic)
    return user


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
