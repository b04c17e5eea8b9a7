"""No page of the demo scrolls sideways on a 320 px wide phone.

One sample of every page type (a URL pattern and the template it renders) reachable from
the home page and the dashboard, signed out and as each demo role, is opened in Chromium
at 320 px; the document must not be wider than the screen. The Wagtail admin is left
out: its layout is Wagtail's.
"""

from collections import Counter, deque
from io import StringIO
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import Client
from django.urls import Resolver404, resolve

from tests.demo.crawler import ROLES, links_in, same_origin, signed_in_client
from tests.e2e.conftest import url

pytestmark = [
    pytest.mark.browser,
    # Real transactions: the live server answers the browser on its own thread and connection.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

WIDTH = 320
SKIPPED_PREFIXES = ("/admin/", "/static/", "/media/", "/documents/", "/accounts/logout/")
# Never a page: files and feeds, by how their addresses end (the media kit's printable
# copy is /media-kit/pdf/). Fetched, a PDF costs more than most pages.
SKIPPED_SUFFIXES = (".xml", ".txt", ".ics", ".json", ".pdf", ".ico", "/feed/", "/atom/", "/pdf/")
# Of one address with different query strings (the calendar's months, say, three years of
# them), the first few: they are one page type, and the first is its sample.
QUERY_VARIANTS = 3


def page_types(client: Client, start: list[str], limit: int = 120) -> dict[str, str]:
    """One URL per (URL pattern, template) reachable from `start`, breadth first."""
    samples: dict[str, str] = {}
    seen = set(start)
    variants: Counter[str] = Counter()
    queue = deque(start)
    while queue and len(seen) < limit * 6:
        path = queue.popleft()
        response = client.get(path)
        status = response.status_code
        if status not in (200, 404) or "html" not in response.get("Content-Type", ""):
            continue
        try:
            route = resolve(urlsplit(path).path).route
        except Resolver404:
            route = "404"
        template = response.templates[0].name if response.templates else ""
        key = f"{route} {template}"
        if key not in samples and len(samples) < limit:
            samples[key] = path
        if status == 404:
            continue  # the page-not-found page is a sample; its links are found elsewhere
        for link in links_in(response):
            target = same_origin(path, link)
            if (
                target is None
                or target in seen
                or target.startswith(SKIPPED_PREFIXES)
                or urlsplit(target).path.endswith(SKIPPED_SUFFIXES)
                or urlsplit(target).path.startswith("/language/")
            ):
                continue
            seen.add(target)
            address = urlsplit(target)
            if address.query:
                variants[address.path] += 1
                if variants[address.path] > QUERY_VARIANTS:
                    continue
            queue.append(target)
    return samples


@pytest.fixture
def demo(settings, db):
    settings.DEBUG = True  # load_demo refuses otherwise
    call_command("load_demo", stdout=StringIO())
    settings.DEBUG = False


@pytest.mark.slow
def test_no_page_scrolls_sideways_at_320_px(demo, page, live_server):
    page.set_viewport_size({"width": WIDTH, "height": 720})
    too_wide = []
    checked = 0
    for role in ROLES:
        client = signed_in_client(role, "en")
        start = ["/", "/style/", "/this-page-does-not-exist/"]
        if role != "anonymous":
            start.append("/dashboard/")
        page.context.clear_cookies()
        session = client.cookies.get(settings.SESSION_COOKIE_NAME)
        if session is not None:
            page.context.add_cookies(
                [
                    {
                        "name": settings.SESSION_COOKIE_NAME,
                        "value": session.value,
                        "url": live_server.url,
                    }
                ]
            )
        for key, path in sorted(page_types(client, start).items()):
            page.goto(url(live_server, path))
            width = page.evaluate("document.documentElement.scrollWidth")
            checked += 1
            if width > WIDTH:
                too_wide.append(f"[{role}] {path} ({key}): {width}px")
    assert checked > 30, f"only {checked} pages checked"
    assert too_wide == [], "\n".join(too_wide)


def test_the_width_check_can_fail(page, live_server):
    page.set_viewport_size({"width": WIDTH, "height": 720})
    page.goto(url(live_server, "/style/"))
    page.evaluate(
        "() => { const wide = document.querySelector('main').appendChild("
        "document.createElement('div')); wide.style.width = '600px'; wide.textContent = 'x'; }"
    )
    assert page.evaluate("document.documentElement.scrollWidth") > WIDTH
