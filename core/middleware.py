from csp.middleware import CSPMiddleware
from django.conf import settings
from django.utils.cache import patch_cache_control, patch_vary_headers


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's policy everywhere, with the Wagtail admin's additions on admin pages."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if request.path.startswith(settings.PODIUM_ADMIN_PATH_PREFIX) and parts.update is None:
            parts.update = settings.PODIUM_ADMIN_CSP_UPDATE
        return parts


class PrivateResponseMiddleware:
    """A signed-in person's pages are never stored by the browser or a shared cache."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            patch_cache_control(response, no_store=True, no_cache=True, private=True)
            patch_vary_headers(response, ["Cookie"])
        return response
