"""The password hash outside tests: argon2id at a cost OWASP accepts, and hashes made at
another cost upgraded when their owner next signs in.

The suite hashes with MD5 for speed (config/settings/test.py); these tests put the
production list back.
"""

import pytest
from django.contrib.auth.hashers import Argon2PasswordHasher, get_hasher, make_password

from accounts.hashers import SignInArgon2PasswordHasher
from config.settings import accounts as account_settings
from tests.accounts.helpers import sign_in
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db

# OWASP's password storage guidance for argon2id: (memory KiB, passes, lanes) minimums,
# any one of which is enough.
OWASP_ARGON2ID_MINIMUMS = [
    (47_104, 1, 1),
    (19_456, 2, 1),
    (12_288, 3, 1),
    (9_216, 4, 1),
    (7_168, 5, 1),
]


@pytest.fixture
def production_hashers(settings):
    settings.PASSWORD_HASHERS = account_settings.PASSWORD_HASHERS
    return settings.PASSWORD_HASHERS


def _cost(encoded: str) -> str:
    return encoded.split("$")[3]  # argon2$argon2id$v=19$m=...,t=...,p=...$salt$hash


def test_production_hashes_with_argon2id_at_or_above_an_owasp_minimum(production_hashers):
    hasher = get_hasher()
    chosen = (hasher.memory_cost, hasher.time_cost, hasher.parallelism)

    assert production_hashers[0] == "accounts.hashers.SignInArgon2PasswordHasher"
    assert make_password(PASSWORD).startswith("argon2$argon2id$")
    assert any(
        chosen[0] >= memory and chosen[1] >= passes and chosen[2] >= lanes
        for memory, passes, lanes in OWASP_ARGON2ID_MINIMUMS
    )


def test_a_password_hashed_at_djangos_default_cost_is_upgraded_at_sign_in(
    client, user, production_hashers
):
    user.password = make_password(PASSWORD, hasher=Argon2PasswordHasher())
    user.save(update_fields=["password"])
    assert _cost(user.password) == "m=102400,t=2,p=8"

    sign_in(client, user)

    user.refresh_from_db()
    assert _cost(user.password) == "m=47104,t=1,p=1"
    assert user.check_password(PASSWORD)


def test_a_password_already_at_the_chosen_cost_is_left_alone(client, user, production_hashers):
    user.password = make_password(PASSWORD, hasher=SignInArgon2PasswordHasher())
    user.save(update_fields=["password"])
    stored = user.password

    sign_in(client, user)

    user.refresh_from_db()
    assert user.password == stored


def test_a_wrong_password_upgrades_nothing(client, user, production_hashers):
    user.password = make_password(PASSWORD, hasher=Argon2PasswordHasher())
    user.save(update_fields=["password"])
    stored = user.password

    sign_in(client, user, password="not the password at all")

    user.refresh_from_db()
    assert user.password == stored
