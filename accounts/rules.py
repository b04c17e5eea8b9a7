"""Who must do what, as named predicates (django-rules). Views and middleware ask these."""

import rules
from allauth.mfa.models import Authenticator

from accounts.enums import EDITOR_GROUPS, Role

# The answer of is_editor kept on the request's own user object, which lives as long as
# the request: MFARequiredMiddleware asks first (is_editor_for_request), and the Viewer and
# every rule after it read the same answer instead of asking the database again.
EDITOR_ANSWER = "_podium_is_editor"


@rules.predicate
def is_editor(user) -> bool:
    answer = getattr(user, EDITOR_ANSWER, None)
    if answer is not None:
        return answer
    return user.is_authenticated and (
        user.is_superuser or user.groups.filter(name__in=EDITOR_GROUPS).exists()
    )


def is_editor_for_request(user) -> bool:
    """is_editor, remembered on `user` for the rest of the request. Only for a request's
    own user (request.user): any other user object may outlive a change to its groups."""
    answer = is_editor(user)
    if user.is_authenticated:
        setattr(user, EDITOR_ANSWER, answer)
    return answer


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
    """must_enroll_mfa, with the editor check already answered (is_editor_for_request)."""
    return (is_staff(user) or editor) and not has_strong_authenticator(user)
