"""The shared cache (Redis in production), where an outage means a miss, never an error
page.

Wagtail reads its sites' root paths from the cache to build every page's links, and the
rate limits count in it: with Django's own Redis backend, Redis away meant a 500 on almost
every page. Here a failed read is a miss, a failed write is skipped and a failed count is
a key not found. A failed `add` answers as if it had stored the value: allauth takes a
lock in the cache before counting sign-in attempts, and a lock nobody can hold would turn
every sign-in away after a wait. So while Redis is away the rate limits (Podium's and
allauth's) let requests through: turning everyone away would be worse, and the proxy in
front can keep its own. /healthz reports the cache as "error". After a
failure the cache is not asked again for a few seconds, so that a Redis that stopped
answering costs each request one wait at most, not one per cache call. Every failure is
logged.
"""

import logging
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

log = logging.getLogger("podium.cache")

# How long a process leaves Redis alone after a failure.
PAUSE_SECONDS = 5.0
# Until when each Redis (by its address) is left alone, for the whole process: Django
# makes a backend object per thread, and a server may start a thread per request.
_paused_until: dict[str, float] = {}


class TolerantRedisCache(RedisCache):
    """Django's Redis cache; Redis away answers as an empty cache (see the module)."""

    def __init__(self, server, params):
        super().__init__(server, params)
        self._address = str(server)

    def _away(self) -> bool:
        return time.monotonic() < _paused_until.get(self._address, 0.0)

    def _try(self, call, fallback, *args):
        """`call(*args)`, or `fallback` while Redis is away or when this call fails."""
        if self._away():
            return fallback
        try:
            return call(*args)
        except RedisError as error:
            _paused_until[self._address] = time.monotonic() + PAUSE_SECONDS
            log.warning("cache unreachable (%s: %s); answering as empty", call.__name__, error)
            return fallback

    def get(self, key, default=None, version=None):
        return self._try(super().get, default, key, default, version)

    def get_many(self, keys, version=None):
        return self._try(super().get_many, {}, keys, version)

    def has_key(self, key, version=None):
        return self._try(super().has_key, False, key, version)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._try(super().add, True, key, value, timeout, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        self._try(super().set, None, key, value, timeout, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._try(super().set_many, list(data), data, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._try(super().touch, False, key, timeout, version)

    def delete(self, key, version=None):
        return self._try(super().delete, False, key, version)

    def delete_many(self, keys, version=None):
        self._try(super().delete_many, None, keys, version)

    def clear(self):
        self._try(super().clear, None)

    def incr(self, key, delta=1, version=None):
        # As for a key the cache does not hold: callers count from one again.
        missing = object()
        count = self._try(super().incr, missing, key, delta, version)
        if count is missing:
            raise ValueError(f"Key {key!r} not found (the cache is unreachable)")
        return count
