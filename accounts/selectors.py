"""Reads about accounts, each in a bounded number of queries."""

from dataclasses import dataclass

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.usersessions.models import UserSession
from django.conf import settings
from django.db.models import Exists, OuterRef, Value
from django.utils import timezone, translation
from wagtail.documents import get_document_model
from wagtail.models import ModelLogEntry
from wagtail.users.models import UserProfile

from accounts.enums import Role
from accounts.models import ConsultantWorkspace, User
from accounts.signals import account_exporting
from core.queries import count_of
from core.records import fields_of


@dataclass(frozen=True)
class SecuritySummary:
    has_totp: bool
    has_passkey: bool
    has_recovery_codes: bool
    other_sessions: int
    has_workspace: bool

    @property
    def has_mfa(self) -> bool:
        return self.has_totp or self.has_passkey


def account_security_summary(*, user: User) -> SecuritySummary:
    """The dashboard's account card in one query: each answer is a subquery of the
    person's own row, so the page waits for the database once instead of once per answer
    (a signed-in page's time under load is mostly these waits)."""
    of_user = OuterRef("pk")
    authenticators = Authenticator.objects.filter(user=of_user)
    row = User.objects.filter(pk=user.pk).values(
        has_totp=Exists(authenticators.filter(type=Authenticator.Type.TOTP)),
        has_passkey=Exists(authenticators.filter(type=Authenticator.Type.WEBAUTHN)),
        has_recovery_codes=Exists(authenticators.filter(type=Authenticator.Type.RECOVERY_CODES)),
        sessions=count_of(UserSession.objects.filter(user=of_user)),
        # Only consultants have one (accounts.services.consultant_workspace_create).
        has_workspace=Exists(ConsultantWorkspace.objects.filter(user=of_user))
        if user.role == Role.CONSULTANT
        else Value(False),
    )[0]
    return SecuritySummary(
        has_totp=row["has_totp"],
        has_passkey=row["has_passkey"],
        has_recovery_codes=row["has_recovery_codes"],
        other_sessions=max(row["sessions"] - 1, 0),
        has_workspace=row["has_workspace"],
    )


def records_export(*, user: User) -> dict:
    """Everything Podium holds about a person, as plain data for them to keep.

    This app gives the account itself; every other app adds its own sections through
    account_exporting, so each keeps the one place that knows what it stores.
    """
    data = {
        "exported_at": timezone.now(),
        "account": {
            "public_id": user.public_id,
            "email": user.email,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "role": user.role,
            "language": user.language,
            "date_joined": user.date_joined,
            "last_login": user.last_login,
            "groups": sorted(user.groups.values_list("name", flat=True)),
            "email_addresses": list(
                EmailAddress.objects.filter(user=user).values("email", "verified", "primary")
            ),
            # Which kinds of second factor are set up; never their secrets.
            "second_factors": list(
                Authenticator.objects.filter(user=user).values("type", "created_at", "last_used_at")
            ),
            "sessions": list(
                UserSession.objects.filter(user=user).values(
                    "ip", "user_agent", "created_at", "last_seen_at"
                )
            ),
            "media_collection": ConsultantWorkspace.objects.filter(user=user)
            .values_list("collection__name", flat=True)
            .first(),
        },
        # The admin's own settings: notification choices, language, time zone, avatar.
        "admin_settings": [
            {**fields_of(profile, exclude=("user", "avatar")), "avatar": profile.avatar.name}
            for profile in UserProfile.objects.filter(user=user)
        ],
        "admin_actions": list(
            ModelLogEntry.objects.filter(user=user).values("action", "label", "timestamp")
        ),
        "documents": list(
            get_document_model()
            .objects.filter(uploaded_by_user=user)
            .values("id", "title", "created_at")
        ),
    }
    for _receiver, sections in account_exporting.send(sender=User, user=user):
        data.update(sections or {})
    return data


def language_for_email(email: str) -> str:
    """The language to write to this address in: the one its account holder chose, or,
    for an address with no account (an invitation, an unknown reset), the current one.

    Addresses compare without case, as allauth's do.
    """
    user = User.objects.filter(email__iexact=email).only("language").first()
    if user is None:
        address = EmailAddress.objects.filter(email__iexact=email).select_related("user").first()
        user = address.user if address else None
    return (user.language if user else "") or translation.get_language() or settings.LANGUAGE_CODE
