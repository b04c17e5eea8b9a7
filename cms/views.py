"""Site-wide answers for crawlers: robots.txt (the sitemap is cms.sitemap)."""

from django.http import HttpResponse
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

# Signed-in areas: nothing there is for search engines (they answer 302 or 403 anyway).
DISALLOWED = ("/admin/", "/accounts/", "/dashboard/", "/network/", "/language/")


@require_safe
@cache_control(max_age=3600, public=True)
def robots_txt(request):
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in DISALLOWED)]
    lines.append(f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
