"""Every account form answers hostile and malformed input with a page, never a 500.

allauth answers a form it refuses with the form again and its errors (200); an address
that no key can have is a missing page (404). Sign-up has its own property test
(test_signup.py); these cover the other forms.
"""

import re

import pytest
from allauth.account.models import EmailAddress
from django.core.cache import cache
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from accounts.models import User
from tests.accounts.helpers import sign_in
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db

HOSTILE = [
    "",
    " ",
    "\x00",
    "a" * 10_000,
    "<script>alert(1)</script>@example.org",
    "' OR 1=1 --",
    "person@example.org\r\nBcc: everyone@example.org",
    "\uff50\uff45\uff52\uff53\uff4f\uff4e@example.org",  # full-width letters
    "\u202eevil@example.org",
    "😀@😀.org",
]
# allauth's reset keys are "<user id in base 36>-<token>"; anything else matches no URL.
KEY_SHAPED = re.compile(r"[0-9A-Za-z]+")


@pytest.mark.parametrize("value", HOSTILE)
def test_sign_in_form(client, user, value):
    response = client.post("/accounts/login/", {"login": value, "password": value})
    assert response.status_code == 200
    assert response.context["form"].errors
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize("value", HOSTILE)
def test_password_reset_form(client, value):
    response = client.post("/accounts/password/reset/", {"email": value})
    assert response.status_code == 200  # none is an address: the form asks again
    assert response.context["form"].errors


@pytest.mark.parametrize("value", HOSTILE)
def test_reset_key_urls(client, value):
    response = client.get(f"/accounts/password/reset/key/{value[:200]}-x/")
    if KEY_SHAPED.fullmatch(value[:200]):
        assert response.status_code == 200
        assert "invalid" in response.content.decode()
    else:
        assert response.status_code == 404


@pytest.mark.parametrize("value", HOSTILE)
def test_add_email_form_writes_nothing_bad(client, user, value):
    sign_in(client, user)
    client.post("/accounts/reauthenticate/", {"password": PASSWORD})

    response = client.post("/accounts/email/", {"email": value, "action_add": ""})

    assert response.status_code == 200
    assert response.context["form"].errors
    assert list(EmailAddress.objects.filter(user=user).values_list("email", flat=True)) == [
        user.email
    ]


@pytest.mark.parametrize("value", HOSTILE)
def test_password_change_form(client, user, value):
    sign_in(client, user)
    client.post("/accounts/reauthenticate/", {"password": PASSWORD})

    response = client.post(
        "/accounts/password/change/",
        {"oldpassword": value, "password1": value, "password2": value},
    )

    assert response.status_code == 200
    assert response.context["form"].errors
    user.refresh_from_db()
    assert user.check_password(PASSWORD)


@pytest.mark.parametrize("value", HOSTILE)
def test_totp_activation_form(client, user, value):
    sign_in(client, user)
    client.post("/accounts/reauthenticate/", {"password": PASSWORD})
    client.get("/accounts/2fa/totp/activate/")

    response = client.post("/accounts/2fa/totp/activate/", {"code": value})

    assert response.status_code == 200
    assert response.context["form"].errors
    assert not user.authenticator_set.exists()


@pytest.mark.parametrize("value", HOSTILE)
def test_confirmation_key_urls(client, value):
    response = client.post(f"/accounts/confirm-email/{value[:200]}x/")
    assert response.status_code == 404


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(login=st.text(max_size=400), password=st.text(max_size=200))
def test_sign_in_never_errors_on_arbitrary_input(client, login, password):
    cache.clear()  # each example is a first attempt, never slowed by the one before
    response = client.post("/accounts/login/", {"login": login, "password": password})
    assert response.status_code == 200
    assert response.context["form"].errors
    assert User.objects.count() == 0 or "_auth_user_id" not in client.session
