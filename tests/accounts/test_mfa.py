import pytest
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.conf import settings

from tests.factories import PASSWORD, ModeratorFactory, UserFactory

pytestmark = pytest.mark.django_db

SETUP_URL = "/accounts/2fa/totp/activate/"


@pytest.fixture
def staff(db):
    return UserFactory(is_staff=True)


@pytest.fixture
def moderator(db):
    return ModeratorFactory()


@pytest.mark.parametrize("person", ["editor", "staff", "moderator"])
@pytest.mark.parametrize("path", ["/", "/dashboard/", "/admin/", "/admin/images/"])
def test_staff_and_editors_without_mfa_reach_only_mfa_setup(client, request, person, path):
    client.force_login(request.getfixturevalue(person))

    response = client.get(path)

    assert response.status_code == 302
    assert response["Location"] == SETUP_URL


@pytest.mark.parametrize("path", ["/accounts/2fa/", "/accounts/logout/"])
def test_editor_without_mfa_can_open_the_mfa_pages(client, editor, path):
    client.force_login(editor)

    response = client.get(path)

    assert response.status_code == 200
    assert b"<form" in response.content


def test_editor_sign_in_leads_straight_to_totp_setup(client, editor):
    response = client.post(
        "/accounts/login/", {"login": editor.email, "password": PASSWORD}, follow=True
    )

    # The password typed moments ago counts: no second password prompt on the way.
    assert [url for url, _ in response.redirect_chain] == ["/dashboard/", SETUP_URL]
    assert response.status_code == 200
    assert b"Your role needs two-step verification" in response.content
    assert b'name="code"' in response.content


def _age_the_sign_in(client, seconds):
    session = client.session
    records = session["account_authentication_methods"]
    for record in records:
        record["at"] -= seconds
    session["account_authentication_methods"] = records
    session.save()


def test_setup_asks_for_the_password_once_the_sign_in_is_no_longer_fresh(client, editor):
    client.post("/accounts/login/", {"login": editor.email, "password": PASSWORD})
    _age_the_sign_in(client, settings.ACCOUNT_REAUTHENTICATION_TIMEOUT + 1)

    response = client.get(SETUP_URL)

    assert response["Location"] == (
        "/accounts/reauthenticate/?next=%2Faccounts%2F2fa%2Ftotp%2Factivate%2F"
    )
    response = client.post(response["Location"], {"password": PASSWORD}, follow=True)
    assert response.redirect_chain[-1][0] == SETUP_URL
    assert b'name="code"' in response.content


def test_a_session_without_a_sign_in_record_is_asked_for_the_password(client, editor):
    # force_login records no sign-in: nothing proves the person typed anything lately.
    client.force_login(editor)

    assert client.get(SETUP_URL)["Location"].startswith("/accounts/reauthenticate/")


def test_turning_two_step_verification_off_later_asks_again(client, consultant):
    secret = generate_totp_secret()
    TOTP.activate(consultant, secret)
    client.force_login(consultant)

    response = client.post("/accounts/2fa/totp/deactivate/")

    assert response["Location"].startswith("/accounts/reauthenticate/")
    assert consultant.authenticator_set.filter(type="totp").exists()


def test_editor_with_totp_passes(client, editor):
    TOTP.activate(editor, generate_totp_secret())
    client.force_login(editor)

    response = client.get("/dashboard/")

    assert response.status_code == 200
    assert b"Your dashboard" in response.content


def test_recovery_codes_alone_do_not_satisfy_the_requirement(client, editor):
    RecoveryCodes.activate(editor)
    client.force_login(editor)

    assert client.get("/dashboard/")["Location"] == SETUP_URL


@pytest.mark.parametrize("person", ["consultant", "user"])
def test_consultants_and_organization_members_are_offered_but_not_forced(client, request, person):
    client.force_login(request.getfixturevalue(person))

    response = client.get("/dashboard/")

    assert response.status_code == 200
    assert b"Protect your account with a second step" in response.content
    assert b'href="/accounts/2fa/"' in response.content


def test_mfa_offer_disappears_once_enrolled(client, consultant):
    TOTP.activate(consultant, generate_totp_secret())
    client.force_login(consultant)

    html = client.get("/dashboard/").content.decode()

    assert "Protect your account with a second step" not in html
    assert "Two-step verification" in html


def test_mfa_configuration_supports_totp_recovery_codes_and_passkeys():
    assert set(settings.MFA_SUPPORTED_TYPES) == {"totp", "recovery_codes", "webauthn"}
    assert settings.MFA_PASSKEY_LOGIN_ENABLED is True
    assert settings.MFA_TRUST_ENABLED is False
    assert settings.MFA_ALLOW_UNVERIFIED_EMAIL is False
