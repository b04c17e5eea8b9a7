"""When the database cannot be reached, every page answers a calm 503, not a 500.

Two paths lead here. The middleware checks the connection before anything else runs (so
sessions, messages and site settings are never asked), and ``server_error`` (handler500)
recognises a database failure raised later, anywhere: in a view, in another middleware or
while rendering an error page. In both cases the answer is built from scratch: a plain
page in the visitor's language with ``Retry-After``, or for ``/healthz`` its usual JSON.
Nothing of the failed response is kept, so the session cookie is neither deleted nor
renewed while the database is away.
"""

import logging
import sys

from django.db import InterfaceError, OperationalError, connection
from django.http import HttpResponse, HttpResponseServerError
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_cache_control, patch_vary_headers

from core.views import healthz

log = logging.getLogger("podium.outage")

DATABASE_ERRORS = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 30
# Set on the request by server_error, read by the middleware on the way out.
MARK = "_podium_database_unavailable"


def database_unavailable_response(request) -> HttpResponse:
    """The answer while the database is away; it needs neither the database nor a session."""
    if request.path == reverse("healthz"):
        return healthz(request)
    language = translation.get_language_from_request(request)
    with translation.override(language):
        body = render_to_string("503.html", {"retry_after": RETRY_AFTER_SECONDS})
    response = HttpResponse(body, status=503, headers={"Content-Language": language})
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    patch_cache_control(response, no_store=True)
    patch_vary_headers(response, ["Accept-Language", "Cookie"])
    return response


def _database_reachable() -> bool:
    try:
        # What Django does before the first query of a request anyway: drop a
        # persistent connection that stopped answering, then (re)connect.
        connection.close_if_health_check_failed()
        connection.ensure_connection()
    except DATABASE_ERRORS:
        return False
    return True


class DatabaseUnavailableMiddleware:
    """Placed before the session middleware: see the module's docstring."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _database_reachable():
            log.warning("database unreachable; answering 503 for %s", request.path)
            return database_unavailable_response(request)
        try:
            response = self.get_response(request)
        except DATABASE_ERRORS:
            log.warning("database failed during %s; answering 503", request.path)
            return database_unavailable_response(request)
        if getattr(request, MARK, False):
            return database_unavailable_response(request)
        return response


def server_error(request, template_name="500.html"):
    """handler500: a database failure becomes the 503 page; anything else the 500 page."""
    if isinstance(sys.exc_info()[1], DATABASE_ERRORS):
        setattr(request, MARK, True)
        return database_unavailable_response(request)
    return HttpResponseServerError(render_to_string(template_name))
