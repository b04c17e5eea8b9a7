"""An anonymous page served from the page cache against the same page rendered, in-process.

    .venv/bin/python bench/page_cache.py [rounds]

Builds a throwaway SQLite database with the demo content, then asks for each page through
Django's test client (the whole middleware stack): a miss (kept pages forgotten first, as
any change does, so the page is rendered and kept) and a hit, `rounds` times each, and
prints the medians and the queries of each. With CACHE_URL set the cache is that Redis,
otherwise the in-process cache. Compare figures measured in one
run; never assert them.
"""

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import django

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
_folder = tempfile.mkdtemp(prefix="podium-bench-")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{_folder}/bench.sqlite3")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
django.setup()

from io import StringIO  # noqa: E402 (after Django is set up, with the others)

from django.conf import settings  # noqa: E402 (needs Django set up)
from django.core.management import call_command  # noqa: E402 (needs Django set up)
from django.db import connection  # noqa: E402 (needs Django set up)
from django.test import Client  # noqa: E402 (needs Django set up)
from django.test.utils import CaptureQueriesContext  # noqa: E402 (needs Django set up)

from core.page_cache import store  # noqa: E402 (needs Django set up)


def _pages() -> dict[str, str]:
    from portfolio.models import BlogPostPage, SpeakerProfilePage, Topic, VideoPage

    profile = SpeakerProfilePage.objects.live().filter(visibility="public").first()
    return {
        "home": "/",
        "profile": profile.url,
        "post": BlogPostPage.objects.live().filter(visibility="public").first().url,
        "video": VideoPage.objects.live().filter(visibility="public").first().url,
        "/speakers/": "/speakers/",
        "/speakers/?q=": "/speakers/?q=housing",
        "topic page": f"/speakers/topics/{Topic.objects.first().slug}/",
        "site feed": "/speakers/feed/",
        "sitemap": "/sitemap.xml",
        "/resources/": "/resources/",
    }


def _timed(client: Client, url: str, *, forget_first: bool) -> tuple[float, int]:
    if forget_first:
        store.generation_replace()  # what any change does: every kept page is forgotten
    with CaptureQueriesContext(connection) as queries:
        start = time.perf_counter()
        response = client.get(url)
        elapsed = time.perf_counter() - start
    assert response.status_code == 200, (url, response.status_code)
    return elapsed * 1000, len(queries)


def main(rounds: int) -> None:
    call_command("migrate", verbosity=0)
    settings.DEBUG = True  # load_demo refuses otherwise
    call_command("load_demo", stdout=StringIO())
    settings.DEBUG = False
    settings.PODIUM_PAGE_CACHE_SECONDS = 300
    settings.PODIUM_DIRECTORY_RATE_PER_MINUTE = 0
    client = Client()
    pages = _pages()
    for url in pages.values():  # first requests write the site settings and renditions
        client.get(url)
    backend = settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[-1]
    print(f"{backend}, {rounds} rounds, medians")
    print("| page | miss ms | miss queries | hit ms | hit queries | miss / hit |")
    print("| --- | --- | --- | --- | --- | --- |")
    for name, url in pages.items():
        misses = [_timed(client, url, forget_first=True) for _ in range(rounds)]
        client.get(url)
        hits = [_timed(client, url, forget_first=False) for _ in range(rounds)]
        miss = statistics.median(m for m, _ in misses)
        hit = statistics.median(h for h, _ in hits)
        print(
            f"| {name} | {miss:.1f} | {misses[-1][1]} | {hit:.2f} | {hits[-1][1]} "
            f"| {miss / hit:.0f}x |"
        )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20)
