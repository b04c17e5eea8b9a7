import importlib

import pytest

from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


def csp_directives(response) -> dict[str, list[str]]:
    policy = response["Content-Security-Policy"]
    return {
        name: values
        for name, *values in (part.split() for part in policy.split(";") if part.strip())
    }


def test_public_page_has_a_strict_content_security_policy(client):
    directives = csp_directives(client.get("/"))

    assert directives["script-src"] == ["'self'"]
    assert directives["style-src"] == ["'self'"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert directives["object-src"] == ["'none'"]
    assert directives["default-src"] == ["'self'"]
    assert not any("unsafe" in value for values in directives.values() for value in values)


def test_public_page_sends_the_other_security_headers(client):
    response = client.get("/")

    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


def test_templates_carry_no_inline_script_or_style(client):
    html = client.get("/").content.decode()

    assert "<script>" not in html
    assert " style=" not in html
    assert 'src="/static/js/quick-exit.js"' in html


def test_admin_pages_get_only_the_documented_csp_additions(client, consultant):
    client.force_login(consultant)
    directives = csp_directives(client.get("/admin/images/"))

    assert directives["script-src"] == ["'self'", "'unsafe-inline'"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert directives["object-src"] == ["'none'"]


def test_signed_in_pages_are_never_stored(client, consultant):
    client.force_login(consultant)

    for path in ("/", "/dashboard/"):
        response = client.get(path)
        cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
        assert {"no-store", "private"} <= cache_control, path
        assert "Cookie" in response["Vary"]


def test_anonymous_public_pages_may_be_cached(client):
    response = client.get("/")

    assert "no-store" not in response.get("Cache-Control", "")


def test_sign_in_form_is_not_cacheable_after_sign_in(client, user):
    client.post("/accounts/login/", {"login": user.email, "password": PASSWORD})
    response = client.get("/dashboard/")

    assert "no-store" in response["Cache-Control"]


def test_production_settings_enable_hsts_and_secure_cookies(monkeypatch):
    monkeypatch.setenv("DJANGO_SECRET_KEY", "x" * 64)
    monkeypatch.setenv("DJANGO_ALLOWED_HOSTS", "podium.example")
    monkeypatch.setenv("CACHE_URL", "redis://127.0.0.1:6379/1")
    from config.settings import env

    importlib.reload(env)
    try:
        production = importlib.reload(importlib.import_module("config.settings.production"))
    finally:
        monkeypatch.undo()
        importlib.reload(env)

    assert production.SECURE_HSTS_SECONDS >= 31_536_000
    assert production.SECURE_HSTS_INCLUDE_SUBDOMAINS is True
    assert production.SECURE_SSL_REDIRECT is True
    assert production.SESSION_COOKIE_NAME.startswith("__Host-")
    assert production.CSRF_COOKIE_SECURE is True
    assert production.DEBUG is False


def test_production_settings_refuse_a_missing_secret_key(monkeypatch):
    from django.core.exceptions import ImproperlyConfigured

    monkeypatch.setenv("DJANGO_SECRET_KEY", "short")
    from config.settings import env

    importlib.reload(env)
    try:
        with pytest.raises(ImproperlyConfigured, match="DJANGO_SECRET_KEY"):
            importlib.reload(importlib.import_module("config.settings.production"))
    finally:
        monkeypatch.undo()
        importlib.reload(env)
