"""With the cache (Redis) away, every page answers as it does with it: never an error.

The cache is the production backend pointed at a port where nothing listens
(`cache_away`), so every failure is a real connection failure raised by the real client.
Wagtail builds every page's links from a value it keeps in the cache, and the rate limits
count there: before core/cache.py, this outage answered 500 on almost every page.
"""

import uuid

import pytest
from django.core.cache import cache, caches
from django.core.cache.backends.redis import RedisCache
from django.test import Client

from core.cache import TolerantRedisCache
from tests.conftest import port_open, service_missing
from tests.core.test_database_outage import every_page_type  # noqa: F401 (a fixture used below)
from tests.factories import PASSWORD, ConsultantFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("signed_in", [False, True], ids=["visitor", "consultant"])
def test_every_page_answers_without_the_cache(every_page_type, cache_away, signed_in):  # noqa: F811 (the fixture imported above)
    client = Client(raise_request_exception=False)
    if signed_in:
        client.force_login(ConsultantFactory())
    answers = {path: client.get(path) for path in every_page_type}
    failed = [f"{path}: {r.status_code}" for path, r in answers.items() if r.status_code >= 500]
    # The health check alone says the cache is away, as it should.
    assert failed == ["/healthz: 503"]
    assert answers["/healthz"].json()["checks"]["cache"] == "error"


def test_signing_in_works_without_the_cache(cache_away):
    person = ConsultantFactory()
    client = Client(raise_request_exception=False)

    response = client.post("/accounts/login/", {"login": person.email, "password": PASSWORD})

    assert response.status_code == 302
    assert client.get("/dashboard/").status_code == 200


def test_after_a_failure_the_cache_is_left_alone_for_a_while(cache_away, monkeypatch):
    calls = []
    real_get = RedisCache.get

    def counted(backend, *args, **kwargs):
        calls.append(args[0])
        return real_get(backend, *args, **kwargs)

    monkeypatch.setattr(RedisCache, "get", counted)

    assert cache.get("a", "miss") == "miss"
    assert cache.get("b", "miss") == "miss"
    assert cache.get_many(["c"]) == {}
    assert cache.add("d", 1) is True  # a lock in the cache is granted, never waited for
    with pytest.raises(ValueError, match="not found"):
        cache.incr("e")

    # Another thread's backend object (a server may start a thread per request).
    assert caches.create_connection("default").get("f") is None

    assert calls == ["a"]  # one try; the rest answered at once as an empty cache


def test_with_redis_answering_it_keeps_and_counts(settings):
    if not port_open("127.0.0.1", 6379):
        service_missing("Redis is not answering on 127.0.0.1:6379")
    settings.CACHES = {
        "default": {
            "BACKEND": "core.cache.TolerantRedisCache",
            "LOCATION": "redis://127.0.0.1:6379/15",
            "KEY_PREFIX": f"podium-test-{uuid.uuid4().hex}",
        }
    }
    assert isinstance(caches["default"], TolerantRedisCache)
    cache.set("kept", {"a": 1})
    assert cache.get("kept") == {"a": 1}
    assert cache.add("count", 0) is True
    assert cache.incr("count") == 1
    cache.delete_many(["kept", "count"])
    assert cache.get_many(["kept", "count"]) == {}
