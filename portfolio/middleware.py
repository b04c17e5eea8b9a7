"""Wagtail's redirects, answered the way their target page would be.

A consultant who renames their profile keeps their old links working (Wagtail records a
redirect for the page and each page under it). A redirect must not reveal more than the
page itself: if the viewer may not see the target, the old address stays a plain 404,
so that nobody learns the new address of a page that has since become private.
"""

from urllib.parse import urlparse

from django.http import HttpResponsePermanentRedirect, HttpResponseRedirect
from django.utils.encoding import uri_to_iri
from wagtail.contrib.redirects.middleware import RedirectMiddleware, get_redirect
from wagtail.contrib.redirects.models import Redirect

from portfolio.models import ConsultantPage


def _target_visible(request, redirect: Redirect) -> bool:
    if redirect.redirect_page_id is None:
        return True  # an editor's redirect to an address, not to a page
    page = redirect.redirect_page.specific
    if not page.live:
        return False
    if isinstance(page, ConsultantPage):
        return request.viewer.can_view(page)
    return all(restriction.accept_request(request) for restriction in page.get_view_restrictions())


def _may_be_redirected(path: str) -> bool:
    """Whether any redirect, of any site, starts at one of the forms of `path` that
    Wagtail's lookup tries (as sent and decoded, with and without the query string).

    One plain indexed query: most 404s (broken links, scanners guessing addresses) have
    no redirect, and Wagtail's own lookup first finds the request's site and then asks
    once per form."""
    forms = {path, urlparse(path).path}
    forms |= {uri_to_iri(form) for form in forms}
    return Redirect.objects.filter(old_path__in=forms).exists()


class VisibleRedirectMiddleware(RedirectMiddleware):
    def process_response(self, request, response):
        if response.status_code != 404:
            return response
        path = Redirect.normalise_path(request.get_full_path(), decode_unicode=False)
        if "\0" in path or not _may_be_redirected(path):
            return response
        redirect = get_redirect(request, path)
        if redirect is None and urlparse(path).path != path:
            redirect = get_redirect(request, urlparse(path).path)
        if redirect is None or not _target_visible(request, redirect):
            return response
        link = redirect.link
        if link is None:
            return response
        if redirect.is_permanent:
            return HttpResponsePermanentRedirect(link)
        return HttpResponseRedirect(link)
