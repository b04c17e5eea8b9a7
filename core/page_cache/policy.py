"""Which answers are the same for every visitor, and what caches are told about them.

The one rule: a page may be kept or marked public only if it was asked for by GET or HEAD
without a cookie that makes it personal (a session, a pending message), outside the
signed-in areas, and answered 200 with no cookie set, no private or no-store marking and
no variation beyond language. Anything else (a signed-in person's page, a page narrowed to
an audience, which a visitor gets as a 404 or a sign-in redirect, error pages, redirects,
POST answers, forms with a CSRF cookie) is never public.
"""

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.utils.cache import patch_cache_control, patch_vary_headers, set_response_etag

SAFE_METHODS = ("GET", "HEAD")
# The page's language comes from the language cookie or the browser (LocaleMiddleware).
LANGUAGE_VARY = ("Accept-Language", "Cookie")
PRIVATE_DIRECTIVES = ("private", "no-store", "no-cache")


def _personal_cookies() -> tuple[str, ...]:
    return (settings.SESSION_COOKIE_NAME, CookieStorage.cookie_name)


def request_may_share(request) -> bool:
    """Could this request be answered with, or fill, a page kept for every visitor?"""
    return (
        request.method in SAFE_METHODS
        and not any(name in request.COOKIES for name in _personal_cookies())
        and not request.path.startswith(settings.PODIUM_PAGE_CACHE_EXCLUDED_PREFIXES)
    )


def _varies_only_by_language(response) -> bool:
    vary = {v.strip().lower() for v in response.get("Vary", "").split(",") if v.strip()}
    return vary <= {name.lower() for name in LANGUAGE_VARY}


def _marked_private(response) -> bool:
    directives = response.get("Cache-Control", "").lower()
    return any(directive in directives for directive in PRIVATE_DIRECTIVES)


def response_is_public(request, response) -> bool:
    """Is this answer (to a request that may share) the same for every visitor?"""
    user = getattr(request, "user", None)
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not (user is not None and user.is_authenticated)
        and not _marked_private(response)
        and _varies_only_by_language(response)
    )


def mark_public(request, response) -> None:
    """Cache-Control, Vary and ETag of a public page.

    Browsers keep it PODIUM_PAGE_CACHE_BROWSER_SECONDS (a browser's copy cannot be purged)
    and ask again with If-None-Match. Shared caches keep an address without a query string
    PODIUM_PAGE_CACHE_SHARED_SECONDS, because a change purges it by address; one with a
    query string (a search, a filter, a page number) is never purged by address, so they
    must ask every time, and the answer is a 304 from the page cache.
    """
    shared = 0 if request.META.get("QUERY_STRING") else settings.PODIUM_PAGE_CACHE_SHARED_SECONDS
    if "Cache-Control" in response:
        del response["Cache-Control"]
    patch_cache_control(
        response,
        public=True,
        max_age=settings.PODIUM_PAGE_CACHE_BROWSER_SECONDS,
        s_maxage=shared,
    )
    patch_vary_headers(response, LANGUAGE_VARY)
    if not response.has_header("ETag"):
        set_response_etag(response)
