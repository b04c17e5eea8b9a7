"""The sitemap: every public page that may be indexed, at the address it was asked for.

Wagtail's own sitemap writes each page's address with the `Site` record's host name
(which is "localhost" unless someone edits it) and lets each consultant page look its
profile up on its own, one query per page. Here the addresses take the request's scheme
and host (already checked against ALLOWED_HOSTS), and the profiles come in one query, so
the sitemap costs the same number of queries for ten pages or ten thousand.
"""

from urllib.parse import urlsplit

from wagtail.contrib.sitemaps import Sitemap
from wagtail.contrib.sitemaps.views import sitemap as wagtail_sitemap

from portfolio.selectors import profiles_attach


class PodiumSitemap(Sitemap):
    def _on_request_host(self, location: str) -> str:
        parts = urlsplit(location)
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        return self.request.build_absolute_uri(path)

    def _urls(self, page, protocol, domain):
        pages = list(self.paginator.page(page).object_list)
        profiles_attach(pages)
        urls = []
        for item in pages:
            # Each page decides whether it may be listed (ConsultantPage.get_sitemap_urls).
            for info in item.get_sitemap_urls(self.request):
                urls.append({**info, "location": self._on_request_host(info["location"])})
        last_mods = {info.get("lastmod") for info in urls}
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls


def sitemap(request):
    return wagtail_sitemap(request, sitemaps={"pages": PodiumSitemap(request)})
