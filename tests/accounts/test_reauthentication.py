import pytest
from allauth.account.models import EmailAddress
from django.conf import settings
from django.core import mail

from tests.accounts.helpers import sign_in
from tests.factories import PASSWORD

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("on_commit_runs")]

REAUTH = "/accounts/reauthenticate/"


def test_adding_an_email_address_asks_for_the_password_again(client, user):
    sign_in(client, user)

    response = client.post("/accounts/email/", {"email": "new@example.org", "action_add": ""})

    assert response.status_code == 302
    assert response["Location"].startswith(REAUTH)
    assert not EmailAddress.objects.filter(email="new@example.org").exists()


def test_after_reauthentication_the_change_goes_ahead(client, user):
    sign_in(client, user)
    client.post(REAUTH, {"password": PASSWORD})

    response = client.post("/accounts/email/", {"email": "new@example.org", "action_add": ""})

    assert response.status_code == 302
    assert response["Location"] == "/accounts/email/"
    assert EmailAddress.objects.filter(email="new@example.org", verified=False).exists()


def test_reauthentication_with_a_wrong_password_changes_nothing(client, user):
    sign_in(client, user)

    response = client.post(REAUTH, {"password": "not my password"})

    assert response.status_code == 200
    assert "errorlist" in response.content.decode()
    follow_up = client.post("/accounts/email/", {"email": "new@example.org", "action_add": ""})
    assert follow_up["Location"].startswith(REAUTH)


def test_reauthentication_lasts_five_minutes(client, user):
    sign_in(client, user)
    client.post(REAUTH, {"password": PASSWORD})
    session = client.session
    records = session["account_authentication_methods"]
    for record in records:
        record["at"] -= settings.ACCOUNT_REAUTHENTICATION_TIMEOUT + 1
    session["account_authentication_methods"] = records
    session.save()

    response = client.post("/accounts/email/", {"email": "new@example.org", "action_add": ""})

    assert settings.ACCOUNT_REAUTHENTICATION_TIMEOUT == 300
    assert response["Location"].startswith(REAUTH)


def test_password_change_needs_the_current_password_and_sends_a_notice(client, user):
    sign_in(client, user)
    new_password = "a different long passphrase for later"

    refused = client.post(
        "/accounts/password/change/",
        {"oldpassword": "wrong", "password1": new_password, "password2": new_password},
    )
    assert refused.status_code == 200
    assert mail.outbox == []

    client.post(
        "/accounts/password/change/",
        {"oldpassword": PASSWORD, "password1": new_password, "password2": new_password},
    )

    user.refresh_from_db()
    assert user.check_password(new_password)
    assert [m.to for m in mail.outbox] == [[user.email]]
    assert "password" in mail.outbox[0].subject.lower()
    # ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE: every session, this one too, has to sign in again.
    assert client.get("/dashboard/").status_code == 302
