"""An organization's own page: its members, open invitations and verification."""

from django.db.models import QuerySet

from networking.enums import Verification
from networking.models import Invitation, Organization, VerificationApplication


def organization_roster(*, organization: Organization) -> QuerySet:
    return organization.memberships.select_related("user").order_by("joined_at")


def open_invitations(*, organization: Organization) -> QuerySet:
    return organization.invitations.filter(accepted_at=None).order_by("-created_at")


def latest_application(*, organization: Organization) -> VerificationApplication | None:
    return organization.applications.first()


def invitation_by_token(*, token: str) -> Invitation | None:
    """The invitation this secret link stands for (the token itself is the key)."""
    return Invitation.objects.select_related("organization").filter(token=token).first()


def organization_logos(*, names) -> dict[str, str]:
    """Logo addresses by name, for the verified organizations in good standing among
    `names`: only those lend their logo to a testimonial or a past engagement."""
    names = set(names) - {""}
    if not names:
        return {}
    rows = (
        Organization.objects.filter(
            name__in=names, verification=Verification.VERIFIED, suspended_at__isnull=True
        )
        .exclude(logo="")
        .values_list("name", "logo")
    )
    storage = Organization._meta.get_field("logo").storage
    return {name: storage.url(logo) for name, logo in rows}
