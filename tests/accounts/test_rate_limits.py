import pytest
from django.test import Client

from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

TOO_MANY = "Too many failed login attempts"


def attempt(client, user, password, **headers):
    return client.post("/accounts/login/", {"login": user.email, "password": password}, **headers)


def test_sixth_attempt_after_five_bad_passwords_is_refused_even_when_right(client, user):
    for _ in range(5):
        response = attempt(client, user, "wrong password entirely")
        assert response.status_code == 200
        assert TOO_MANY not in response.content.decode()

    response = attempt(client, user, PASSWORD)

    assert TOO_MANY in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_spoofed_forwarded_for_does_not_reset_the_counter(client, user):
    for n in range(5):
        attempt(client, user, "wrong password entirely", HTTP_X_FORWARDED_FOR=f"10.0.0.{n}")

    response = attempt(client, user, PASSWORD, HTTP_X_FORWARDED_FOR="192.0.2.99")

    assert TOO_MANY in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_limit_is_per_account_so_another_person_can_still_sign_in(client, user, consultant):
    for _ in range(5):
        attempt(client, user, "wrong password entirely")

    response = attempt(client, consultant, PASSWORD)

    assert response.status_code == 302
    assert response["Location"] == "/dashboard/"


def test_password_reset_requests_are_limited_per_address(client, user):
    statuses = [
        client.post("/accounts/password/reset/", {"email": user.email}).status_code
        for _ in range(7)
    ]

    assert statuses[:5] == [302] * 5
    assert 429 in statuses[5:]


def test_forty_colleagues_signing_in_from_one_office_all_get_in(client):
    # allauth's own limit (30 sign-ins a minute per address) turned the 31st away.
    colleagues = UserFactory.create_batch(40)

    answers = [attempt(Client(), person, PASSWORD)["Location"] for person in colleagues]

    assert answers == ["/dashboard/"] * 40
