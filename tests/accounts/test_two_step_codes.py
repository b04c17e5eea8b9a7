"""How late a two-step code may arrive, and that each works only once.

allauth reads the time from its TOTP module's `time.time()`; the fixture below pins that
clock (as tests/conftest.py pins the throttle's), so a test moves it by whole periods
instead of waiting for them.
"""

from types import SimpleNamespace

import pytest
from allauth.mfa.totp.internal import auth as totp_auth
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.core.cache import cache
from django.test import Client

from tests.accounts.helpers import sign_in
from tests.conftest import PinnedClock

pytestmark = pytest.mark.django_db

TWO_STEP = "/accounts/2fa/authenticate/"
PERIOD = 30
# Twenty-five seconds into a period: a code read now is about to change.
LATE_IN_A_PERIOD = 1_800_000_000.0 + 25
INCORRECT = "Incorrect code."
TOO_MANY = "Too many failed login attempts"


@pytest.fixture
def totp_clock():
    clock = PinnedClock(LATE_IN_A_PERIOD)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(totp_auth, "time", SimpleNamespace(time=clock))
        yield clock


@pytest.fixture
def secret(user):
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    return secret


def code_shown(secret: str, clock: PinnedClock) -> str:
    """What the person's authenticator app shows at the clock's time."""
    return totp_auth.format_hotp_value(totp_auth.hotp_value(secret, int(clock()) // PERIOD))


def send_code(client, user, code: str):
    """Password first, then the code, as a person signs in."""
    assert sign_in(client, user)["Location"] == TWO_STEP
    return client.post(TWO_STEP, {"code": code})


def signed_in(client, response, user) -> bool:
    return response.get("Location") == "/dashboard/" and client.session.get("_auth_user_id") == str(
        user.pk
    )


def test_tolerance_is_one_period_either_side(settings):
    assert (settings.MFA_TOTP_PERIOD, settings.MFA_TOTP_DIGITS) == (30, 6)
    assert settings.MFA_TOTP_TOLERANCE == 1


def test_a_code_from_the_previous_period_is_accepted(client, user, secret, totp_clock):
    code = code_shown(secret, totp_clock)
    totp_clock.now += PERIOD  # half a minute in a queue: the app shows the next code now

    response = send_code(client, user, code)

    assert signed_in(client, response, user)


def test_a_code_from_two_periods_back_is_refused(client, user, secret, totp_clock):
    code = code_shown(secret, totp_clock)
    totp_clock.now += 2 * PERIOD

    response = send_code(client, user, code)

    assert response.status_code == 200
    assert INCORRECT in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_the_same_code_twice_is_refused_the_second_time(client, user, secret, totp_clock):
    code = code_shown(secret, totp_clock)
    assert signed_in(client, send_code(client, user, code), user)
    other = Client()

    response = send_code(other, user, code)

    assert INCORRECT in response.content.decode()
    assert "_auth_user_id" not in other.session


def test_a_code_is_refused_once_used_even_after_the_cache_forgets_it(
    client, user, secret, totp_clock
):
    code = code_shown(secret, totp_clock)
    assert signed_in(client, send_code(client, user, code), user)
    # A period later the code is still within the tolerance, and allauth's own record of
    # it (a cache entry that lasts one period) has gone.
    totp_clock.now += PERIOD
    cache.clear()
    other = Client()

    response = send_code(other, user, code)

    assert INCORRECT in response.content.decode()
    assert "_auth_user_id" not in other.session


def test_an_older_code_is_refused_after_a_newer_one_was_used(client, user, secret, totp_clock):
    older = code_shown(secret, totp_clock)
    totp_clock.now += PERIOD
    assert signed_in(client, send_code(client, user, code_shown(secret, totp_clock)), user)
    other = Client()

    response = send_code(other, user, older)

    assert INCORRECT in response.content.decode()
    assert "_auth_user_id" not in other.session


def test_five_wrong_codes_stop_even_the_right_one(client, user, secret, totp_clock):
    assert sign_in(client, user)["Location"] == TWO_STEP
    for _ in range(5):
        assert INCORRECT in client.post(TWO_STEP, {"code": "000000"}).content.decode()

    response = client.post(TWO_STEP, {"code": code_shown(secret, totp_clock)})

    assert TOO_MANY in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_replayed_codes_count_against_the_limit(client, user, secret, totp_clock):
    used = code_shown(secret, totp_clock)
    assert signed_in(client, send_code(client, user, used), user)
    totp_clock.now += PERIOD
    cache.clear()  # allauth's one-period record of the code has gone
    other = Client()
    assert sign_in(other, user)["Location"] == TWO_STEP
    for _ in range(5):
        assert INCORRECT in other.post(TWO_STEP, {"code": used}).content.decode()

    response = other.post(TWO_STEP, {"code": code_shown(secret, totp_clock)})

    assert TOO_MANY in response.content.decode()
    assert "_auth_user_id" not in other.session


def test_confirming_it_is_you_with_a_used_code_is_refused(client, user, secret, totp_clock):
    used = code_shown(secret, totp_clock)
    assert signed_in(client, send_code(client, user, used), user)
    totp_clock.now += PERIOD
    cache.clear()  # allauth's one-period record of the code has gone

    response = client.post("/accounts/2fa/reauthenticate/", {"code": used})

    assert INCORRECT in response.content.decode()
    fresh = client.post("/accounts/2fa/reauthenticate/", {"code": code_shown(secret, totp_clock)})
    records = client.session["account_authentication_methods"]
    assert fresh.status_code == 302
    assert records[-1].get("reauthenticated") is True
