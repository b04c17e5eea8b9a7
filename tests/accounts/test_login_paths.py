import pytest
from django.conf import settings

from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def signed_in(client) -> bool:
    return "_auth_user_id" in client.session


def test_sign_in_through_allauth_works_for_a_verified_account(client, user):
    response = client.post("/accounts/login/", {"login": user.email, "password": PASSWORD})

    assert response.status_code == 302
    assert response["Location"] == "/dashboard/"
    assert signed_in(client)


def test_unverified_account_cannot_sign_in(client):
    user = UserFactory(verified=False)

    response = client.post("/accounts/login/", {"login": user.email, "password": PASSWORD})

    assert response["Location"] == "/accounts/confirm-email/"
    assert not signed_in(client)


def test_login_form_has_no_remember_me(client):
    html = client.get("/accounts/login/").content.decode()

    assert 'name="remember"' not in html
    assert 'name="login"' in html


def test_wagtail_admin_login_never_authenticates(client, editor):
    response = client.post(
        "/admin/login/", {"username": editor.email, "password": PASSWORD}, follow=False
    )

    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/"
    assert not signed_in(client)


def test_wagtail_admin_login_redirects_to_allauth_with_a_safe_next(client):
    response = client.get("/admin/login/", {"next": "/admin/images/"})

    assert response["Location"] == "/accounts/login/?next=%2Fadmin%2Fimages%2F"


@pytest.mark.parametrize(
    "next_url", ["https://evil.example/", "//evil.example/x", "javascript:alert(1)"]
)
def test_wagtail_admin_login_drops_an_external_next(client, next_url):
    response = client.get("/admin/login/", {"next": next_url})

    assert response["Location"] == "/accounts/login/"


@pytest.mark.parametrize(
    "path",
    [
        "/admin/password_reset/",
        "/admin/password_reset/done/",
        "/admin/password_reset/confirm/MQ/set-password/",
    ],
)
def test_wagtail_password_reset_is_gone(client, path):
    get = client.get(path)
    post = client.post(path, {"email": "someone@example.org"})

    assert get.status_code == 404
    assert post.status_code == 404
    assert b"We could not find that page" in get.content


def test_anonymous_admin_visit_ends_at_allauth_login(client):
    response = client.get("/admin/", follow=True)

    assert response.redirect_chain[-1][0].startswith("/accounts/login/")
    assert b'name="login"' in response.content


def test_django_admin_is_not_installed(client):
    assert "django.contrib.admin" not in settings.INSTALLED_APPS


def test_gravatar_is_off_everywhere_in_the_admin(client, consultant):
    assert settings.WAGTAIL_GRAVATAR_PROVIDER_URL is None
    client.force_login(consultant)

    for path in ("/admin/", "/admin/images/", "/admin/account/"):
        assert b"gravatar" not in client.get(path).content.lower(), path


def test_wagtail_account_page_offers_no_password_or_email_change(client, consultant):
    client.force_login(consultant)
    html = client.get("/admin/account/").content.decode()

    assert 'name="password' not in html
    assert 'name="email' not in html
    assert settings.WAGTAIL_PASSWORD_MANAGEMENT_ENABLED is False
    assert settings.WAGTAIL_EMAIL_MANAGEMENT_ENABLED is False
    assert settings.WAGTAIL_PASSWORD_RESET_ENABLED is False


def test_login_by_code_is_off():
    assert settings.ACCOUNT_LOGIN_BY_CODE_ENABLED is False
