import re

import pytest
from django.core import mail

from core.models import SiteSettings
from tests.factories import PASSWORD

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("on_commit_runs")]

# Words that would tell an onlooker reading the inbox what Podium is about.
DENY = re.compile(
    r"traffick|survivor|abuse|victim|exploit|escape|shelter|trauma|rescue|slaver|"
    r"lived experience|hotline",
    re.IGNORECASE,
)


def send_all_account_emails(client, user):
    client.post(
        "/accounts/signup/",
        {
            "email": "fresh@example.org",
            "password1": "a long enough new passphrase",
            "password2": "a long enough new passphrase",
            "role": "consultant",
        },
    )
    client.post("/accounts/password/reset/", {"email": user.email})
    client.post("/accounts/password/reset/", {"email": "unknown@example.org"})
    client.post("/accounts/login/", {"login": user.email, "password": PASSWORD})
    new_password = "another long enough passphrase"
    client.post(
        "/accounts/password/change/",
        {"oldpassword": PASSWORD, "password1": new_password, "password2": new_password},
    )
    return mail.outbox


def test_account_emails_are_discreet(client, user):
    messages = send_all_account_emails(client, user)

    assert len(messages) == 4
    for message in messages:
        assert not DENY.search(message.subject), message.subject
        assert not DENY.search(message.body), message.body


def test_account_emails_come_from_the_neutral_sender_name(client, user):
    site_settings = SiteSettings.load()
    site_settings.email_sender_name = "Weekly Notes"
    site_settings.save()

    messages = send_all_account_emails(client, user)

    assert {m.from_email for m in messages} == {"Weekly Notes <no-reply@podium.localhost>"}


def test_security_notice_gives_no_ip_address(client, user):
    messages = send_all_account_emails(client, user)
    notice = messages[-1]

    assert "A change was made to your account" in notice.body
    assert "127.0.0.1" not in notice.body
    assert "IP" not in notice.body
