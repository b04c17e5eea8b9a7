"""A shared cache in front (Varnish-style, purged by HTTP PURGE) is told every address a
change to a consultant's pages touches, once the change has committed.

The cache is a small HTTP server on a real socket that records the PURGE requests it
receives; Wagtail's HTTP backend is pointed at it as it would be at Varnish.
"""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.db import transaction

from core.jobs.models import OutboxEntry
from core.page_cache.invalidation import PURGE_TASK
from portfolio import cache_purge
from portfolio.models import BlogPostPage
from portfolio.services import profile_pause
from tests.factories import TopicFactory, published_child, published_profile

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("on_commit_runs")]


class PurgeRecorder(BaseHTTPRequestHandler):
    def do_PURGE(self):
        self.server.purged.append(f"http://{self.headers['Host']}{self.path}")
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def varnish(settings):
    server = ThreadingHTTPServer(("127.0.0.1", 0), PurgeRecorder)
    server.purged = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.WAGTAILFRONTENDCACHE = {
        "varnish": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": f"http://127.0.0.1:{server.server_address[1]}",
        }
    }
    yield server.purged
    server.shutdown()
    server.server_close()


@pytest.fixture
def lina():
    topic = TopicFactory(name="Fair pay", slug="fair-pay")
    profile = published_profile(title="Lina Okafor", slug="lina-okafor", topics=[topic])
    published_child(profile, BlogPostPage, title="Paid, plainly", slug="paid", topics=[topic])
    return profile


def test_a_pause_purges_every_address_that_showed_the_profile_after_commit(varnish, lina):
    root = lina.get_site().root_url
    varnish.clear()
    with transaction.atomic():
        profile_pause(profile=lina)
        assert varnish == []  # nothing is sent before the change is visible to others
    expected = {
        f"{root}/speakers/lina-okafor/",
        f"{root}/speakers/lina-okafor/media-kit/",
        f"{root}/speakers/lina-okafor/media-kit/pdf/",
        f"{root}/speakers/lina-okafor/feed/",
        f"{root}/speakers/lina-okafor/feed/atom/",
        f"{root}/speakers/lina-okafor/paid/",
        f"{root}/speakers/",
        f"{root}/speakers/feed/",
        f"{root}/speakers/feed/atom/",
        f"{root}/speakers/topics/fair-pay/",
        f"{root}/sitemap.xml",
        f"{root}/sitemap-pages-1.xml",
        f"{root}/",
    }
    assert set(varnish) == expected


def test_the_purge_is_written_with_the_change_and_dropped_with_it(varnish, lina):
    """The addresses go through the outbox: written in the change's transaction, so a
    broker outage delays them and a rolled-back change sends nothing."""
    varnish.clear()
    before = set(OutboxEntry.objects.values_list("pk", flat=True))
    queued = []

    def pause_then_fail():
        with transaction.atomic():
            profile_pause(profile=lina)
            queued.extend(OutboxEntry.objects.filter(task=PURGE_TASK).exclude(pk__in=before))
            raise RuntimeError("the change fails after the pause")

    with pytest.raises(RuntimeError):
        pause_then_fail()
    assert [entry.done_at for entry in queued] == [None]
    assert set(OutboxEntry.objects.values_list("pk", flat=True)) == before
    assert varnish == []


def test_without_a_shared_cache_nothing_is_queued_or_worked_out(settings, lina, monkeypatch):
    """Without a shared cache nobody is told addresses, so they are not worked out either
    (that reads every page under the profile on each publish, pause and rename)."""
    settings.WAGTAILFRONTENDCACHE = {}

    def addresses_asked(profile):
        raise AssertionError("addresses worked out with no shared cache to tell")

    monkeypatch.setattr(cache_purge, "profile_addresses", addresses_asked)
    before = OutboxEntry.objects.count()
    profile_pause(profile=lina)
    published_child(lina, BlogPostPage, title="Another", slug="another")
    lina.slug = "l-okafor"
    lina.save_revision(user=lina.consultant).publish()
    assert OutboxEntry.objects.count() == before


def test_publishing_a_post_purges_its_profile_and_the_listings(varnish, lina):
    root = lina.get_site().root_url
    varnish.clear()
    published_child(lina, BlogPostPage, title="Another", slug="another")
    assert f"{root}/speakers/lina-okafor/another/" in varnish
    assert f"{root}/speakers/lina-okafor/" in varnish
    assert f"{root}/speakers/feed/" in varnish


def test_a_deleted_post_is_purged_at_its_address(varnish, lina):
    root = lina.get_site().root_url
    varnish.clear()
    BlogPostPage.objects.get(slug="paid").delete()
    assert f"{root}/speakers/lina-okafor/paid/" in varnish
    assert f"{root}/speakers/topics/fair-pay/" in varnish


def test_a_new_address_purges_the_old_one_and_those_under_it(varnish, lina):
    root = lina.get_site().root_url
    varnish.clear()
    lina.slug = "l-okafor"
    lina.save_revision(user=lina.consultant).publish()
    assert f"{root}/speakers/lina-okafor/" in varnish
    assert f"{root}/speakers/lina-okafor/paid/" in varnish
    assert f"{root}/speakers/lina-okafor/feed/" in varnish
    assert f"{root}/speakers/l-okafor/paid/" in varnish
