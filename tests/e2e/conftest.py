"""Browser tests: Playwright driving Debian's Chromium.

Playwright never downloads a browser here: the launch points at PODIUM_CHROMIUM_PATH,
Debian's chromium-headless-shell where it is installed (it renders with the same engine
as the full browser for a little over half the CPU), else its chromium.
The browser reaches only the live test server: every other address goes to a proxy
where nothing listens and fails at once, so no test needs the internet. A test that
follows a link to another site (the quick exit) answers it with a stand-in page
(stand_in_for_other_sites).
"""

import os
import re
import time
from pathlib import Path

import pytest
from allauth.mfa import app_settings as mfa_settings
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections

from tests.conftest import service_missing
from tests.factories import PASSWORD

# Playwright's sync API runs an event loop in this thread; Django refuses ORM calls from
# a thread with a running loop unless told that this is safe. In the tests it is: the
# loop belongs to Playwright and never runs Django code.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

DEAD_PORT = 9  # the discard port: nothing listens on it here
CHROMIUM_FLAGS = [
    "--no-sandbox",  # the suite runs as root in CI
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    # Offline: any host but this machine's goes to a port where nothing listens. (Chromium
    # never sends loopback addresses to a proxy.)
    f"--proxy-server=http://127.0.0.1:{DEAD_PORT}",
]
AXE_SOURCE = Path(__import__("axe_playwright_python").__file__).with_name("axe.min.js").read_text()
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
AXE_RUN = """tags => axe.run(document, {
    runOnly: {type: "tag", values: tags}, resultTypes: ["violations"],
}).then(result => result.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map(n => n.target),
})))"""
LOCAL = re.compile(r"^https?://(localhost|127\.0\.0\.1)(:\d+)?/")
# Every address but the live server's. Routing any address has Playwright's driver look
# at every request the page makes (twice the browser's work per page), so only the tests
# that leave for another site route.
OFFSITE = re.compile(r"^(?!https?://(localhost|127\.0\.0\.1)(:\d+)?/)")
STAND_IN_PAGE = "<!doctype html><title>Weather</title><h1>Today's weather</h1>"

# How long a step may wait for its page: the suite runs a worker per core, so on a
# 2-core machine a browser, its live server and another worker's tests share the CPU.
BROWSER_WAIT_MS = 30_000


@pytest.fixture(scope="session", autouse=True)
def _serialized_database_for_every_connection(django_db_setup):
    """Let serialized_rollback work in browser tests.

    Playwright's sync API gives the test code a new contextvars context, and with it new
    Django connection objects that lack the serialized content Django stored on the first
    one. Without it every browser test after the first would start from an empty
    database (no home page, no root collection). Put the content on the class, where
    every connection object finds it, for the length of the browser tests.
    """
    connection = connections[DEFAULT_DB_ALIAS]
    contents = connection.__dict__.get("_test_serialized_contents")
    if contents is None:
        yield
        return
    wrapper_class = type(connection)
    wrapper_class._test_serialized_contents = contents
    yield
    del wrapper_class._test_serialized_contents


@pytest.fixture
def real_smtp(settings, smtp_sink):
    """E-mail leaves through Django's SMTP backend to the test's own SMTP server."""
    sink, port = smtp_sink
    settings.PODIUM_EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = port
    return sink


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    path = settings.PODIUM_CHROMIUM_PATH
    if not os.access(path, os.X_OK):
        service_missing(f"Chromium at {path} (apt-get install chromium-headless-shell)")
    return {
        **browser_type_launch_args,
        "executable_path": path,
        "headless": True,
        "args": CHROMIUM_FLAGS,
    }


def patient(page):
    """`page`, waiting for each step as long as this shared machine needs."""
    page.set_default_timeout(BROWSER_WAIT_MS)
    return page


def stand_in_for_other_sites(page):
    """`page`, with every other site answered by a stand-in page."""
    page.route(
        OFFSITE,
        lambda route: route.fulfill(status=200, content_type="text/html", body=STAND_IN_PAGE),
    )
    return page


@pytest.fixture
def page(page, live_server):
    return patient(page)


def url(live_server, path: str) -> str:
    return f"{live_server.url}{path}"


def totp_code_now(secret: str) -> str:
    """The code an authenticator app shows now (allauth's own helper starts its list a
    period early, once codes are accepted a period late)."""
    return format_hotp_value(hotp_value(secret, int(time.time()) // mfa_settings.TOTP_PERIOD))


def sign_in(page, live_server, user, password: str = PASSWORD):
    page.goto(url(live_server, "/accounts/login/"))
    page.get_by_label("Email").fill(user.email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign In", exact=True).click()
    page.wait_for_url(re.compile(r"/dashboard/$"))


def axe_violations(page) -> list[dict]:
    """Run axe-core in the page (page.evaluate works under the strict CSP).

    Waits for the document's own load first: checked while a stylesheet is still on its
    way, a page reports the unstyled sizes (small inline links, a visible skip link).
    Only violations are collected (every one, with every node): axe then skips gathering
    each passing node, most of its work, and the page hands back a short list.
    """
    page.wait_for_load_state("load")
    page.evaluate(AXE_SOURCE)
    return page.evaluate(AXE_RUN, AXE_TAGS)
