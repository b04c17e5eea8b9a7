"""Every answer from the circle's addresses is private and never stored, signed in or not.

core.middleware.PrivateResponseMiddleware marks a signed-in person's pages; a visitor's
answers from /circle/ (the sign-in redirect, the 404 of an object's address) carry no
Cache-Control of their own, and a shared cache may keep a 404 heuristically. Nothing of
the circle, not even a "not found", is kept.
"""

from django.utils.cache import patch_cache_control

# The organization's side of a referral is outside /circle/ but about the circle too.
PRIVATE_PREFIXES = ("/circle/", "/network/suggested-speakers/")


class PrivateCircleMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path_info.startswith(PRIVATE_PREFIXES):
            patch_cache_control(response, no_store=True, no_cache=True, private=True)
        return response
