import json

import pytest
from django.core.cache import cache

pytestmark = pytest.mark.django_db


def test_healthz_reports_each_dependency_as_json(client, settings):
    settings.PODIUM_BROKER_CONFIGURED = False
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert json.loads(response.content) == {
        "status": "ok",
        "checks": {"database": "ok", "cache": "ok", "broker": "eager"},
    }
    assert "no-store" in response["Cache-Control"]


def test_healthz_is_unhealthy_when_the_broker_is_unreachable(client, settings):
    settings.PODIUM_BROKER_CONFIGURED = True
    # Port 9 (discard) on loopback: nothing listens there, so the connection is refused.
    settings.CELERY_BROKER_URL = "redis://127.0.0.1:9/0"

    response = client.get("/healthz")

    assert response.status_code == 503
    body = json.loads(response.content)
    assert body["status"] == "error"
    assert body["checks"]["broker"] == "error"
    assert body["checks"]["database"] == "ok"


def test_healthz_checks_the_real_broker_when_one_is_configured(client, settings, redis_broker):
    settings.PODIUM_BROKER_CONFIGURED = True
    settings.CELERY_BROKER_URL = redis_broker

    response = client.get("/healthz")

    assert json.loads(response.content)["checks"]["broker"] == "ok"
    assert response.status_code == 200


def test_healthz_reports_a_broken_cache(client, monkeypatch):
    def broken_set(*args, **kwargs):
        raise ConnectionError("cache down")

    # The cache backend is a third-party boundary here (Redis in production).
    monkeypatch.setattr(cache, "set", broken_set)
    response = client.get("/healthz")

    assert response.status_code == 503
    assert json.loads(response.content)["checks"]["cache"] == "error"


def test_healthz_refuses_writes(client):
    response = client.post("/healthz")

    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD"
