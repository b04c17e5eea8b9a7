"""Two-step codes: accepted a little late, and each only once.

allauth accepts a code from MFA_TOTP_TOLERANCE periods either side of now, and remembers
a used code in the cache for one period. With a tolerance of one, a code stays acceptable
for up to two periods after it first shows, so that cache alone would let a code read over
someone's shoulder be used again in the second. Each TOTP authenticator therefore keeps
the time step of the last code it accepted, and refuses a code of that step or an earlier
one (the verifier's duty in RFC 6238, section 5.2). The record lives with the
authenticator in the database, so it outlasts the cache.
"""

from allauth.core.internal.cryptokit import compare_user_code
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import (
    format_hotp_value,
    hotp_value,
    yield_hotp_counters_from_time,
)
from allauth.mfa.utils import decrypt
from django.db import transaction

LAST_STEP_KEY = "podium_last_step"


def totp_step_of(*, authenticator: Authenticator, code: str) -> int | None:
    """The time step, among those allauth accepts now, whose code this is; None if none."""
    secret = decrypt(authenticator.data["secret"])
    for step in yield_hotp_counters_from_time():
        if compare_user_code(actual=code, expected=format_hotp_value(hotp_value(secret, step))):
            return step
    return None


def totp_code_replayed(*, user, code: str) -> bool:
    """Whether `code` is one the person's TOTP authenticator has already been past."""
    authenticator = Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).first()
    if authenticator is None:
        return False
    step = totp_step_of(authenticator=authenticator, code=code)
    return step is not None and step <= authenticator.data.get(LAST_STEP_KEY, -1)


def totp_code_accepted(*, authenticator: Authenticator, code: str) -> None:
    """Remember the step of a code just accepted; the record never moves back."""
    step = totp_step_of(authenticator=authenticator, code=code)
    if step is None:
        return
    with transaction.atomic():
        row = Authenticator.objects.select_for_update().get(pk=authenticator.pk)
        if step > row.data.get(LAST_STEP_KEY, -1):
            row.data[LAST_STEP_KEY] = step
            row.save(update_fields=["data"])
