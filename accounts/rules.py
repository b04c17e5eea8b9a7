"""Who must do what, as named predicates (django-rules). Views and middleware ask these."""

import rules
from allauth.mfa.models import Authenticator

from accounts.enums import EDITOR_GROUPS, Role


@rules.predicate
def is_editor(user) -> bool:
    return user.is_authenticated and (
        user.is_superuser or user.groups.filter(name__in=EDITOR_GROUPS).exists()
    )


@rules.predicate
def is_consultant(user) -> bool:
    return user.is_authenticated and user.role == Role.CONSULTANT


@rules.predicate
def has_strong_authenticator(user) -> bool:
    """TOTP or a passkey; recovery codes alone are a fallback, not a factor."""
    return (
        user.is_authenticated
        and Authenticator.objects.filter(
            user=user, type__in=[Authenticator.Type.TOTP, Authenticator.Type.WEBAUTHN]
        ).exists()
    )


@rules.predicate
def is_staff(user) -> bool:
    return user.is_authenticated and (user.is_staff or user.is_superuser)


# Staff and editors can reach private data and moderation: MFA is not optional for them.
must_enroll_mfa = (is_staff | is_editor) & ~has_strong_authenticator


def must_enroll_mfa_given(user, *, editor: bool) -> bool:
    """must_enroll_mfa, with the editor check already answered (the request's Viewer keeps
    it), so that a request asks it once."""
    return (is_staff(user) or editor) and not has_strong_authenticator(user)
