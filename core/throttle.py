"""A per-address limit on the pages that list or show consultants, against scraping.

A first line against scraping the directory; the proxy in front should have its own
(docs/deploy.md). Counters live in the shared cache, so every web process counts together.
"""

import time

from allauth.account.adapter import get_adapter
from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.translation import gettext as _

WINDOW_SECONDS = 60

# Where the windows' time comes from. Tests pin it, so that a window never ends in the
# middle of a test that counts up to a limit.
clock = time.time


def over_limit(key: str, limit: int, *, window: int = WINDOW_SECONDS) -> bool:
    """Count one more event under `key` in the current window; True once past `limit`."""
    bucket = f"throttle:{key}:{int(clock() // window)}"
    cache.add(bucket, 0, timeout=window * 2)
    try:
        count = cache.incr(bucket)
    except ValueError:  # evicted between add and incr
        cache.set(bucket, 1, timeout=window * 2)
        count = 1
    return count > limit


class DirectoryThrottleMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if self._limited(request):
            response = HttpResponse(
                _("Too many pages in a short time. Please wait a minute and try again."),
                status=429,
                content_type="text/plain; charset=utf-8",
            )
            response["Retry-After"] = str(WINDOW_SECONDS)
            return response
        return self.get_response(request)

    def _limited(self, request) -> bool:
        limit = settings.PODIUM_DIRECTORY_RATE_PER_MINUTE
        if not limit or not request.path.startswith(settings.PODIUM_THROTTLED_PREFIXES):
            return False
        # allauth's reading of the address honours PODIUM_TRUSTED_PROXY_COUNT, so behind a
        # proxy each visitor is counted, not the proxy.
        return over_limit(f"directory:{get_adapter(request).get_client_ip(request)}", limit)
