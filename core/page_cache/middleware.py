"""The page cache in the request cycle; placed before anything that reads the database.

A hit costs two cache reads (the generation, then the page): no session, user or query,
so a kept page is served even while the database is away. A miss runs the rest of the
stack and keeps the answer if policy.py calls it public.
"""

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.utils import translation
from django.utils.cache import get_conditional_response

from core.page_cache import policy, store

HIT_HEADER = "X-Page-Cache"


def _key(request, language: str) -> str | None:
    try:
        address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    except DisallowedHost:
        return None  # Django answers it with a 400 further on
    current = store.generation()
    if current is None:
        return None
    return store.key_for(generation=current, address=address, language=language)


def _conditional(request, response):
    return get_conditional_response(request, etag=response.get("ETag"), response=response)


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not policy.request_may_share(request):
            return self.get_response(request)
        # What LocaleMiddleware will choose, from the cookie or the browser: no database.
        language = translation.get_language_from_request(request)
        key = _key(request, language) if settings.PODIUM_PAGE_CACHE_SECONDS else None
        if key is not None:
            kept = store.lookup(key)
            if kept is not None:
                if request.method == "HEAD":
                    kept.content = b""
                answer = _conditional(request, kept)
                answer[HIT_HEADER] = "hit"
                return answer
        response = self.get_response(request)
        if not policy.response_is_public(request, response):
            return response
        policy.mark_public(request, response)
        # Kept only under the language it was rendered in.
        rendered_in = response.get("Content-Language")
        if key is not None and request.method == "GET" and rendered_in == language:
            store.keep(key, response)
        return _conditional(request, response)
