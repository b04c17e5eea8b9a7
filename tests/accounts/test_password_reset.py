import re

import pytest
from django.conf import settings
from django.core import mail

from tests.factories import PASSWORD

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("on_commit_runs")]


def request_reset(client, email):
    response = client.post("/accounts/password/reset/", {"email": email}, follow=True)
    page = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", response.content.decode())
    return response.redirect_chain, response.status_code, page


def test_reset_for_known_and_unknown_addresses_looks_identical(client, user):
    known = request_reset(client, user.email)
    unknown = request_reset(client, "nobody-here@example.org")

    assert known == unknown
    assert known[0] == [("/accounts/password/reset/done/", 302)]


def test_reset_mails_a_link_to_a_known_address_only(client, user):
    request_reset(client, user.email)
    request_reset(client, "nobody-here@example.org")

    to_known, to_unknown = mail.outbox
    assert to_known.to == [user.email]
    assert "/accounts/password/reset/key/" in to_known.body
    assert to_unknown.to == ["nobody-here@example.org"]
    assert "/accounts/password/reset/key/" not in to_unknown.body


def test_reset_does_not_sign_in_and_old_password_stops_working(client, user):
    request_reset(client, user.email)
    link = re.search(r"http://testserver(/accounts/password/reset/key/\S+/)", mail.outbox[0].body)
    form_page = client.get(link.group(1), follow=True)
    action = form_page.redirect_chain[-1][0] if form_page.redirect_chain else link.group(1)
    new_password = "an entirely new and long passphrase"

    response = client.post(action, {"password1": new_password, "password2": new_password})

    assert response.status_code == 302
    assert "_auth_user_id" not in client.session
    user.refresh_from_db()
    assert user.check_password(new_password)
    assert not user.check_password(PASSWORD)


def test_argon2_is_the_password_hasher_outside_tests():
    from config.settings import base

    assert base.PASSWORD_HASHERS[0] == "accounts.hashers.SignInArgon2PasswordHasher"
    assert settings.ACCOUNT_PREVENT_ENUMERATION is True
    assert settings.ACCOUNT_EMAIL_VERIFICATION == "mandatory"
    assert settings.ACCOUNT_LOGIN_ON_PASSWORD_RESET is False


def test_common_password_validator_is_configured():
    names = [v["NAME"].rsplit(".", 1)[1] for v in settings.AUTH_PASSWORD_VALIDATORS]

    assert "CommonPasswordValidator" in names
    assert "MinimumLengthValidator" in names
