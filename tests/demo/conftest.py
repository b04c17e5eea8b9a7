"""The demo site, loaded once and crawled once in each language for the tests here.

Loading the demo takes seconds and crawling it as every role tens of seconds per
language; the tests here only read what they find (each inside its own savepoint), so
one load and one crawl per language serve them all. Every test here carries the one
pytest-xdist group of DEMO_GROUPS (crawler.py): one worker runs the package without
interruption, so the demo is loaded once for both crawls and every check that reads them.
"""

from io import StringIO

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from wagtail.images import get_image_model

from tests.demo.crawler import crawl_demo


@pytest.fixture(scope="package")
def demo(django_db_setup, django_db_blocker):
    """The demo, inside a transaction rolled back when the package is done."""
    outer = transaction.atomic()
    # As a test case's own transaction: the on_commit_runs fixture tells code from tests so.
    outer._from_testcase = True
    with django_db_blocker.unblock(), outer:
        with override_settings(DEBUG=True):  # load_demo refuses otherwise
            call_command("load_demo", stdout=StringIO())
        yield
        transaction.set_rollback(True)


def crawled_in(language: str, django_db_blocker):
    """The crawl of the demo in `language`, by role, as production shows it (DEBUG off).

    What the crawl writes (the roles' language choice, a second factor) is rolled back, and
    what it cached is cleared, so the tests after it see the demo as loaded. The image
    renditions it made are kept: they are the same files in every language, and the
    other language's crawl would otherwise make each of them again.
    """
    renditions = get_image_model().get_rendition_model()
    # The crawl reads every profile, faster than the directory's limit allows one visitor.
    no_limit = override_settings(PODIUM_DIRECTORY_RATE_PER_MINUTE=0)
    with django_db_blocker.unblock():
        existing = set(renditions.objects.values_list("pk", flat=True))
        with no_limit, transaction.atomic():
            crawls = crawl_demo(language)
            made = list(renditions.objects.exclude(pk__in=existing))
            transaction.set_rollback(True)
        renditions.objects.bulk_create(made)
    cache.clear()
    return crawls


@pytest.fixture(scope="package")
def crawled_en(demo, django_db_blocker):
    return crawled_in("en", django_db_blocker)


@pytest.fixture(scope="package")
def crawled_es(demo, django_db_blocker):
    return crawled_in("es", django_db_blocker)
