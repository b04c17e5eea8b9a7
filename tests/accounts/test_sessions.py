import time
from datetime import timedelta

import pytest
from allauth.usersessions.models import UserSession
from django.conf import settings
from django.contrib.sessions.models import Session
from django.test import Client
from django.utils import timezone

from accounts.middleware import SESSION_RENEWED_KEY, SESSION_STARTED_KEY
from tests.accounts import helpers

pytestmark = pytest.mark.django_db


def sign_in(client, user):
    assert helpers.sign_in(client, user)["Location"] == "/dashboard/"


def is_signed_in(client) -> bool:
    return client.get("/dashboard/").status_code == 200


def test_session_expires_after_30_idle_minutes_and_each_request_renews_it(client, user):
    sign_in(client, user)
    before = timezone.now()
    client.get("/dashboard/")
    session = Session.objects.get(session_key=client.session.session_key)

    assert settings.SESSION_COOKIE_AGE == 30 * 60
    # Renewed by accounts.middleware.SessionLifetimeMiddleware at most once a minute
    # (below), never by Django on every request.
    assert settings.SESSION_SAVE_EVERY_REQUEST is False
    assert settings.SESSION_RENEW_INTERVAL_SECONDS == 60
    renewed_for = session.expire_date - before
    assert timedelta(minutes=29) < renewed_for <= timedelta(minutes=30, seconds=5)

    # 31 minutes without a request: the stored session has expired.
    Session.objects.filter(pk=session.pk).update(expire_date=timezone.now() - timedelta(minutes=1))

    response = client.get("/dashboard/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_a_session_is_renewed_and_its_activity_recorded_at_most_once_a_minute(client, user):
    sign_in(client, user)
    client.get("/dashboard/")
    key = client.session.session_key
    expires = Session.objects.get(pk=key).expire_date
    seen = UserSession.objects.get(session_key=key).last_seen_at

    # Within the minute: nothing is written, so the idle limit counts from the renewal,
    # at most a minute before this request (the session ends early, never late).
    assert is_signed_in(client)
    assert Session.objects.get(pk=key).expire_date == expires
    assert UserSession.objects.get(session_key=key).last_seen_at == seen

    session = client.session
    session[SESSION_RENEWED_KEY] -= settings.SESSION_RENEW_INTERVAL_SECONDS
    session.save()
    saved = Session.objects.get(pk=key).expire_date
    before = timezone.now()

    # A minute on: the next request renews the expiry and records the activity.
    assert is_signed_in(client)
    renewed = Session.objects.get(pk=key).expire_date
    assert renewed > saved
    assert timedelta(minutes=29) < renewed - before <= timedelta(minutes=30, seconds=5)
    assert UserSession.objects.get(session_key=key).last_seen_at > seen


def test_a_renewal_time_from_the_future_renews_the_session(client, user):
    sign_in(client, user)
    client.get("/dashboard/")
    session = client.session
    session[SESSION_RENEWED_KEY] = int(time.time()) + 3600
    session.save()

    assert is_signed_in(client)
    assert abs(client.session[SESSION_RENEWED_KEY] - time.time()) < 5


def test_session_cookie_ends_with_the_browser(client, user):
    sign_in(client, user)

    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    assert cookie["max-age"] == ""
    assert cookie["expires"] == ""
    assert cookie["httponly"] is True


def test_session_older_than_12_hours_is_ended_however_active(client, user):
    sign_in(client, user)
    session = client.session
    session[SESSION_STARTED_KEY] = int(time.time()) - 13 * 3600
    session.save()

    response = client.get("/dashboard/", follow=True)

    assert response.redirect_chain[-1][0].startswith("/accounts/login/")
    assert b"For your safety you were signed out" in response.content
    assert not is_signed_in(client)


def test_session_younger_than_12_hours_continues(client, user):
    sign_in(client, user)
    session = client.session
    session[SESSION_STARTED_KEY] = int(time.time()) - 11 * 3600
    session.save()

    assert is_signed_in(client)


def test_sign_in_records_when_the_session_started(client, user):
    sign_in(client, user)

    assert abs(client.session[SESSION_STARTED_KEY] - time.time()) < 5


def test_session_list_shows_every_session_and_ends_the_others(user):
    laptop, phone = Client(), Client()
    sign_in(laptop, user)
    sign_in(phone, user)

    listing = laptop.get("/accounts/sessions/")
    assert listing.status_code == 200
    assert UserSession.objects.filter(user=user).count() == 2

    laptop.post("/accounts/sessions/", {})

    assert is_signed_in(laptop)
    assert not is_signed_in(phone)
    assert UserSession.objects.filter(user=user).count() == 1


def test_session_list_shows_only_your_own_sessions(user, consultant):
    mine = Client(HTTP_USER_AGENT="MyOwnBrowser/1.0")
    theirs = Client(HTTP_USER_AGENT="SomeoneElsesBrowser/2.0")
    sign_in(theirs, consultant)
    sign_in(mine, user)

    html = mine.get("/accounts/sessions/").content.decode()

    assert "MyOwnBrowser/1.0" in html
    assert "SomeoneElsesBrowser/2.0" not in html


def test_remember_me_and_trusted_devices_are_off():
    assert settings.ACCOUNT_SESSION_REMEMBER is False
    assert settings.MFA_TRUST_ENABLED is False
    assert settings.ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE is True
    assert settings.USERSESSIONS_TRACK_ACTIVITY is True
