"""Reads about accounts, each in a bounded number of queries."""

from dataclasses import dataclass

from allauth.mfa.models import Authenticator
from allauth.usersessions.models import UserSession

from accounts.models import ConsultantWorkspace, User


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
        workspace=ConsultantWorkspace.objects.filter(user=user).first(),
    )
