"""Handing a file of the public media storage to the browser, once a view has decided.

Local disk: in production the web server sends the bytes (nginx `X-Accel-Redirect` to an
internal location, or Apache/lighttpd `X-Sendfile`), named by PODIUM_MEDIA_ACCEL_REDIRECT
or PODIUM_MEDIA_SENDFILE; without either (development, tests) Django streams the file.
Object storage: a redirect to a signed address that expires within a minute
(docs/deploy.md). A file a view calls private is never kept by a shared cache, and a
browser asks again each time, so a narrowed audience takes effect at once.
"""

import mimetypes
import posixpath
from urllib.parse import quote

from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages
from django.http import FileResponse, Http404, HttpResponse, HttpResponseRedirect
from django.utils.cache import patch_cache_control, patch_vary_headers


def media_response(name: str, *, private: bool) -> HttpResponse:
    storage = storages["default"]
    if not storage.exists(name):
        raise Http404
    if not isinstance(storage, FileSystemStorage):
        response = HttpResponseRedirect(storage.url(name))
    elif settings.PODIUM_MEDIA_ACCEL_REDIRECT:
        response = HttpResponse(content_type=mimetypes.guess_type(name)[0])
        response["X-Accel-Redirect"] = posixpath.join(
            settings.PODIUM_MEDIA_ACCEL_REDIRECT, quote(name)
        )
    elif settings.PODIUM_MEDIA_SENDFILE:
        response = HttpResponse(content_type=mimetypes.guess_type(name)[0])
        response["X-Sendfile"] = storage.path(name)
    else:
        response = FileResponse(storage.open(name, "rb"))
    response["X-Content-Type-Options"] = "nosniff"
    if private:
        patch_cache_control(response, private=True, no_cache=True)
        patch_vary_headers(response, ["Cookie"])
    return response
