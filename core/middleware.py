from csp.middleware import CSPMiddleware
from django.conf import settings
from django.http import Http404
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


class AdminObjectsOutOfReachMiddleware:
    """In the Wagtail admin, someone else's page or image answers 404, as everywhere else.

    Wagtail answers an object it will not show with a redirect and a "no permission"
    message, which tells that the id exists. This checks first, with Wagtail's own
    permission policies: a page must be one the person may explore (their own tree for a
    consultant), an image must be in a collection they hold a permission on. The page
    chooser is left alone: it lists only what Wagtail lets the person choose.
    """

    PAGE_NAMESPACES = {"wagtailadmin_pages"}
    PAGE_KWARGS = ("page_id", "parent_page_id", "page_to_move_id")
    IMAGE_NAMESPACES = {"wagtailimages"}

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        user = getattr(request, "user", None)
        if match is None or user is None or not user.is_authenticated or user.is_superuser:
            return None
        page_id = next((view_kwargs[k] for k in self.PAGE_KWARGS if k in view_kwargs), None)
        in_pages = set(match.namespaces) & self.PAGE_NAMESPACES or (
            match.url_name == "wagtailadmin_explore"
        )
        if page_id and in_pages and not self._may_explore_page(user, page_id):
            raise Http404
        image_id = view_kwargs.get("image_id")
        in_images = set(match.namespaces) & self.IMAGE_NAMESPACES
        if image_id and in_images and not self._may_use_image(user, image_id):
            raise Http404
        return None

    @staticmethod
    def _may_explore_page(user, page_id) -> bool:
        from wagtail.permissions import page_permission_policy

        return page_permission_policy.explorable_instances(user).filter(pk=page_id).exists()

    @staticmethod
    def _may_use_image(user, image_id) -> bool:
        from wagtail.images import get_image_model
        from wagtail.permissions import policy_registry

        policy = policy_registry.get_by_type(get_image_model())
        collections = policy.collections_user_has_any_permission_for(
            user, ["add", "change", "delete", "choose"]
        )
        return policy.model.objects.filter(pk=image_id, collection__in=collections).exists()
