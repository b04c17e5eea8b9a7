"""The site's URLs plus /bench/constant/: 20 KB of fixed HTML through the same Django stack
(every middleware, no database query of its own), the yardstick each page is compared to."""

from django.http import HttpResponse
from django.urls import path

from config.urls import urlpatterns as site_urlpatterns

CONSTANT_HTML = (
    "<!doctype html><html lang='en'><head><meta charset='utf-8'><title>Constant</title></head>"
    "<body><main>"
    + "".join(
        f"<p>Paragraph {n}: a fixed sentence of a fixed page, for comparison.</p>"
        for n in range(289)
    )
    + "</main></body></html>"
)


def constant(request):
    return HttpResponse(CONSTANT_HTML)


urlpatterns = [path("bench/constant/", constant), *site_urlpatterns]
