"""What `make bench` measures inside Django: which addresses, and each one rendered in-process
(a visitor's page as a visitor, with the page cache off; the dashboard signed in).

    python bench/pages.py targets            # JSON: the paths to load, and a session cookie
    python bench/pages.py render RUNS        # JSON: queries and median ms per path
    python bench/pages.py matching RUNS      # JSON: rank() for one opportunity

Run by bench/make_bench.py with the bench's environment (bench/environment.py). A path that
raises is reported with its error, not left to stop the others.
"""

import json
import statistics
import sys
import time
from datetime import timedelta
from pathlib import Path

import django

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
django.setup()

from django.conf import settings  # noqa: E402 (needs Django set up)
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY  # noqa: E402 (needs Django set up)
from django.contrib.sessions.backends.db import SessionStore  # noqa: E402 (needs Django set up)
from django.db import connection, transaction  # noqa: E402 (needs Django set up)
from django.test import Client, override_settings  # noqa: E402 (needs Django set up)
from django.test.utils import CaptureQueriesContext  # noqa: E402 (needs Django set up)
from django.utils import timezone  # noqa: E402 (needs Django set up)

from accounts.middleware import SESSION_STARTED_KEY  # noqa: E402 (needs Django set up)
from accounts.models import User  # noqa: E402 (needs Django set up)
from bench import gen_network  # noqa: E402 (needs Django set up)
from portfolio.enums import Audience  # noqa: E402 (needs Django set up)
from portfolio.models import BlogPostPage, SpeakerProfilePage, Topic, VideoPage  # noqa: E402 (needs Django set up)

SIGNED_IN = "dashboard (organization member, signed in)"
# In-process, a page gets this long per query before it is reported as not answering
# (gunicorn, in the load test, gives up after 30 s per request).
STATEMENT_TIMEOUT = "60s"


def targets() -> dict:
    public = SpeakerProfilePage.objects.live().filter(visibility=Audience.PUBLIC)
    profile = public.filter(photo__isnull=False, numchild__gt=5).order_by("path").first()
    post = BlogPostPage.objects.live().child_of(profile).filter(visibility=Audience.PUBLIC)
    video = VideoPage.objects.live().filter(visibility=Audience.PUBLIC).order_by("path").first()
    topic = Topic.objects.filter(speakerprofilepage__in=public).order_by("name").first()
    paths = {
        "home": "/",
        "profile": profile.url,
        "blog post": post.order_by("path").first().url,
        "video page": video.url,
        "/speakers/": "/speakers/",
        "/speakers/?topic=": f"/speakers/?topic={topic.slug}",
        "/speakers/?q=": "/speakers/?q=housing",
        "topic page": f"/speakers/topics/{topic.slug}/",
        "feed (RSS)": "/speakers/feed/",
        "feed (Atom)": "/speakers/feed/atom/",
        "/sitemap.xml": "/sitemap.xml",
        "/resources/": "/resources/",
        SIGNED_IN: "/dashboard/",
    }
    return {"paths": paths, "cookie": f"{settings.SESSION_COOKIE_NAME}={session_key()}"}


def session_key() -> str:
    """A signed-in session of the first organization's administrator (who has a TOTP
    authenticator, so MFARequiredMiddleware lets them through), as a sign-in leaves it."""
    user = User.objects.get(email=gen_network.member_email(0))
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    # The backend allauth's sign-in records (the first one that can load a user).
    session[BACKEND_SESSION_KEY] = next(
        path for path in settings.AUTHENTICATION_BACKENDS if "allauth" in path or "Model" in path
    )
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session[SESSION_STARTED_KEY] = int(time.time())
    session.create()
    return session.session_key


# One client for the run: a new one would build the middleware again (WhiteNoise scans
# every static file as it starts), which no request in production pays.
CLIENT = Client(HTTP_HOST="127.0.0.1")


def get(path: str, cookie: str):
    """One request as its audience makes it: the signed-in page with the session cookie,
    every other page as a visitor, without cookies and with the page cache off, so that
    the page is rendered, not read from the cache."""
    CLIENT.cookies.clear()
    if cookie:
        CLIENT.cookies.load(cookie)
        return CLIENT.get(path)
    with override_settings(PODIUM_PAGE_CACHE_SECONDS=0):
        return CLIENT.get(path)


def render(runs: int) -> dict:
    found = targets()
    results = {}
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f"SET statement_timeout = '{STATEMENT_TIMEOUT}'")
    for name, path in found["paths"].items():
        cookie = found["cookie"] if name == SIGNED_IN else ""
        # The sitemap is measured once (it was once tens of thousands of queries); every
        # other page once more first, so that compiling its templates is not counted.
        times, count, status, error = [], 0, None, ""
        for attempt in range(1 if path == "/sitemap.xml" else runs + 1):
            try:
                with CaptureQueriesContext(connection) as queries:
                    began = time.perf_counter()
                    response = get(path, cookie)
                    elapsed = (time.perf_counter() - began) * 1000
                count, status = len(queries), response.status_code
            except Exception as exc:  # noqa: BLE001 (a failing page is a result to report)
                error = f"{type(exc).__name__}: {exc}"[:120]
                break
            if attempt or path == "/sitemap.xml":
                times.append(elapsed)
        results[name] = {
            "path": path,
            "queries": count,
            "status": status,
            "ms": statistics.median(times) if times else None,
            "bytes": len(response.content) if status else 0,
            "error": error,
        }
    return results


def matching(runs: int) -> dict:
    """rank() for a hybrid panel with three topics, as bench/matching.py times it, against
    the generated consultants; the opportunity is rolled back afterwards."""
    # Imported here: bench/matching.py sets up its own database when run as a script.
    from bench.matching import opportunity
    from networking.matching import rank
    from networking.models import Organization

    with transaction.atomic():
        organization = Organization.objects.get(email_domain=gen_network.domain(0))
        member = User.objects.get(email=gen_network.member_email(0))
        opp = opportunity(organization, member, list(Topic.objects.order_by("name")))
        times = []
        for _ in range(runs):
            with CaptureQueriesContext(connection) as queries:
                began = time.perf_counter()
                ranked = rank(opp)
                times.append(time.perf_counter() - began)
        transaction.set_rollback(True)
    return {
        "consultants": SpeakerProfilePage.objects.count(),
        "candidates": len(ranked),
        "median_s": statistics.median(times),
        "queries": len(queries),
        "when": (timezone.now() + timedelta()).isoformat(),
    }


if __name__ == "__main__":
    command, runs = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 5
    result = {"targets": lambda: targets(), "render": lambda: render(runs)}.get(
        command, lambda: matching(runs)
    )()
    print(json.dumps(result))
