"""The sitemap: every public page that may be indexed, at the address it was asked for.

/sitemap.xml is an index of sections (/sitemap-pages-1.xml, ...) of at most
PODIUM_SITEMAP_SECTION_SIZE pages each, in tree order. Each answer reads plain values in a
fixed number of queries, whatever the number of pages: which pages may be listed is asked of the
database for all of them at once, and their addresses are written from their stored
paths rather than looked up page by page.

A page is listed when it is live, under the site's root, outside every section with a
view restriction (what Wagtail's `.public()` means), and allowed in search engines: for
a consultant's page that is portfolio.selectors.search_engine_listable(), for every
other page its type's `allow_search_engine_indexing`. Addresses take the request's
scheme and host (already checked against ALLOWED_HOSTS), not the `Site` record's.
"""

from math import ceil
from urllib.parse import quote

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.contrib.sitemaps.views import x_robots_tag
from django.db.models import Max, Q, QuerySet
from django.db.models.functions import Substr
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils.html import escape
from django.utils.timezone import localtime
from django.views.decorators.http import require_safe
from wagtail.models import Page, PageViewRestriction, Site, get_page_models

from portfolio.models import ConsultantPage
from portfolio.selectors import search_engine_listable

XMLNS = "http://www.sitemaps.org/schemas/sitemap/0.9"
# What quote() keeps in a path, as Django's reverse() does.
PATH_SAFE = "/~:@!$&'()*+,;="


def _outside_restricted_sections(pages: QuerySet) -> QuerySet:
    """`pages` without those under (or at) a page with a view restriction.

    Wagtail's `.public()` writes one condition per restriction into the query, and
    every consultant page that is not public has one: thousands. Here, for each depth
    down to the deepest restricted page, a page's ancestor at that depth (the first
    steps of its path) must not be among the restricted pages of that depth. Each depth
    is one uncorrelated subquery, which PostgreSQL reads once into a hash table: a page
    costs a few lookups in memory instead of an index search of its ancestors.
    """
    deepest = PageViewRestriction.objects.aggregate(depth=Max("page__depth"))["depth"]
    if deepest is None:
        return pages
    for depth in range(1, deepest + 1):
        restricted = PageViewRestriction.objects.filter(page__depth=depth).values("page__path")
        ancestor = f"restricted_ancestor_{depth}"
        pages = pages.alias(**{ancestor: Substr("path", 1, Page.steplen * depth)}).exclude(
            **{f"{ancestor}__in": restricted}
        )
    return pages


def _site_root(request) -> tuple[str, str]:
    """The tree path and address path of the root page of the site asked for."""
    site = Site.find_for_request(request) or Site.objects.get(is_default_site=True)
    return Page.objects.values_list("path", "url_path").get(pk=site.root_page_id)


def _listable_pages(root_path: str) -> QuerySet:
    models = get_page_models()
    consultant_models = [model for model in models if issubclass(model, ConsultantPage)]
    never_listed = [
        model
        for model in models
        if model not in consultant_models
        and not getattr(model, "allow_search_engine_indexing", True)
    ]
    consultant_types = ContentType.objects.get_for_models(*consultant_models).values()
    pages = Page.objects.filter(live=True, path__startswith=root_path).filter(
        ~Q(content_type__in=consultant_types) | search_engine_listable()
    )
    if never_listed:
        pages = pages.exclude(
            content_type__in=ContentType.objects.get_for_models(*never_listed).values()
        )
    return _outside_restricted_sections(pages).order_by("path")


def _xml(body: str) -> HttpResponse:
    return HttpResponse(
        f'<?xml version="1.0" encoding="UTF-8"?>\n{body}\n', content_type="application/xml"
    )


# Like Django's sitemap views: the sitemap itself is no page to show in results.
@require_safe
@x_robots_tag
def sitemap_index(request):
    root_path, _root_url_path = _site_root(request)
    sections = max(
        1, ceil(_listable_pages(root_path).count() / settings.PODIUM_SITEMAP_SECTION_SIZE)
    )
    entries = "".join(
        "<sitemap><loc>{}</loc></sitemap>".format(
            escape(request.build_absolute_uri(reverse("sitemap_section", args=[number])))
        )
        for number in range(1, sections + 1)
    )
    return _xml(f'<sitemapindex xmlns="{XMLNS}">{entries}</sitemapindex>')


@require_safe
@x_robots_tag
def sitemap_section(request, section: int):
    if section < 1:
        raise Http404
    root_path, root_url_path = _site_root(request)
    size = settings.PODIUM_SITEMAP_SECTION_SIZE
    start = (section - 1) * size
    rows = list(
        _listable_pages(root_path).values_list(
            "url_path", "last_published_at", "latest_revision_created_at"
        )[start : start + size]
    )
    if not rows and section > 1:
        raise Http404
    # Each page's address is its path below the site's root, as Page.get_url() writes it.
    base = request.build_absolute_uri(reverse("wagtail_serve", args=[""]))
    entries = []
    for url_path, published_at, revised_at in rows:
        location = base + quote(url_path[len(root_url_path) :], safe=PATH_SAFE)
        lastmod = published_at or revised_at
        entries.append(
            f"<url><loc>{escape(location)}</loc>"
            + (f"<lastmod>{localtime(lastmod):%Y-%m-%d}</lastmod>" if lastmod else "")
            + "</url>"
        )
    return _xml(f'<urlset xmlns="{XMLNS}">{"".join(entries)}</urlset>')
