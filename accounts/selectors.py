"""Reads about accounts, each in a bounded number of queries."""

from dataclasses import dataclass

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.usersessions.models import UserSession
from django.conf import settings
from django.contrib.auth.models import Permission
from django.utils import timezone, translation
from wagtail.documents import get_document_model
from wagtail.models import ModelLogEntry
from wagtail.users.models import UserProfile

from accounts.enums import Role
from accounts.models import ConsultantWorkspace, User
from accounts.signals import account_exporting
from core.records import fields_of


def permissions_named(app_label: str, codenames: tuple[str, ...]) -> list[Permission]:
    """The permissions of `app_label` with these codenames, in one query. A missing one
    raises, so that a group is never set up with fewer rights than it should have."""
    permissions = list(
        Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames)
    )
    if len(permissions) != len(set(codenames)):
        raise Permission.DoesNotExist(f"{app_label}: {codenames}")
    return permissions


@dataclass(frozen=True)
class SecuritySummary:
    has_totp: bool
    has_passkey: bool
    has_recovery_codes: bool
    other_sessions: int
    workspace: ConsultantWorkspace | None

    @property
    def has_mfa(self) -> bool:
        return self.has_totp or self.has_passkey


def account_security_summary(*, user: User) -> SecuritySummary:
    types = set(Authenticator.objects.filter(user=user).values_list("type", flat=True))
    return SecuritySummary(
        has_totp=Authenticator.Type.TOTP in types,
        has_passkey=Authenticator.Type.WEBAUTHN in types,
        has_recovery_codes=Authenticator.Type.RECOVERY_CODES in types,
        other_sessions=max(UserSession.objects.filter(user=user).count() - 1, 0),
        # Only consultants have one (accounts.services.consultant_workspace_create).
        workspace=ConsultantWorkspace.objects.filter(user=user).first()
        if user.role == Role.CONSULTANT
        else None,
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
