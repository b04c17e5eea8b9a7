"""Where kept pages live: the default cache (Redis in production), under a generation.

Every operation here tolerates the cache being away: a failed read is a miss and a
failed write is skipped, so a Redis outage makes pages slower, never wrong or broken.
"""

import hashlib
import logging
import secrets

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse

log = logging.getLogger("podium.page_cache")

GENERATION_KEY = "page-cache:generation"
# Headers a kept page is answered with again; Date is the server's, Set-Cookie is never kept.
DROPPED_HEADERS = {"date", "set-cookie"}


def _new_generation() -> str:
    # A random token rather than a counter: a generation lost with an evicted key can
    # never come back and find pages kept under an old one.
    return secrets.token_hex(8)


def generation() -> str | None:
    """The current generation, or None when the cache cannot be reached."""
    try:
        current = cache.get(GENERATION_KEY)
        if current is None:
            cache.add(GENERATION_KEY, _new_generation(), timeout=None)
            current = cache.get(GENERATION_KEY)
    except Exception:  # noqa: BLE001 (any cache failure means "no cache", never an error page)
        log.warning("page cache unreachable; serving uncached")
        return None
    return current


def generation_replace() -> None:
    """Every kept page becomes unreachable (they expire on their own)."""
    try:
        cache.set(GENERATION_KEY, _new_generation(), timeout=None)
    except Exception:  # noqa: BLE001 (any cache failure means "no cache", never an error page)
        # Nothing kept can be served while the cache is away; when it is back, pages
        # kept before may be: log it loudly, they expire within PODIUM_PAGE_CACHE_SECONDS.
        log.error("page cache unreachable; could not purge kept pages")


def key_for(*, generation: str, address: str, language: str) -> str:
    digest = hashlib.sha256(address.encode("utf-8", "surrogateescape")).hexdigest()
    return f"page-cache:{generation}:{language}:{digest}"


def lookup(key: str) -> HttpResponse | None:
    try:
        kept = cache.get(key)
    except Exception:  # noqa: BLE001 (any cache failure means "no cache", never an error page)
        return None
    if kept is None:
        return None
    status, headers, content = kept
    response = HttpResponse(content, status=status)
    for name, value in headers:
        response[name] = value
    return response


def keep(key: str, response: HttpResponse) -> None:
    headers = [(n, v) for n, v in response.items() if n.lower() not in DROPPED_HEADERS]
    try:
        cache.set(
            key,
            (response.status_code, headers, response.content),
            timeout=settings.PODIUM_PAGE_CACHE_SECONDS,
        )
    except Exception:  # noqa: BLE001 (any cache failure means "no cache", never an error page)
        log.warning("page cache unreachable; page not kept")


def parts_generation(request) -> str | None:
    """The generation that kept parts of pages live under, read once per request (one
    round trip); None when parts are not kept or the cache is away."""
    if not settings.PODIUM_CARD_CACHE_SECONDS:
        return None
    if not hasattr(request, "_kept_generation"):
        request._kept_generation = generation()
    return request._kept_generation


def parts_read(keys: list[str]) -> dict:
    """Kept parts of pages (cards, counts, a one-sheet) under `keys`, in one round trip;
    nothing when the cache is away."""
    try:
        return cache.get_many(keys)
    except Exception:  # noqa: BLE001 (any cache failure means "no cache", never an error page)
        log.warning("page cache unreachable; rendering parts")
        return {}


def parts_keep(parts: dict) -> None:
    """Keep rendered parts for PODIUM_CARD_CACHE_SECONDS; skipped when the cache is away."""
    try:
        cache.set_many(parts, timeout=settings.PODIUM_CARD_CACHE_SECONDS)
    except Exception:  # noqa: BLE001 (any cache failure means "no cache", never an error page)
        log.warning("page cache unreachable; parts not kept")
