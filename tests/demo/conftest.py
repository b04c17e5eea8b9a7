"""The demo site, loaded once and crawled once for every test in this package.

Loading the demo and crawling it as every role in both languages take most of a minute;
the tests here only read what they find (each inside its own savepoint), so one load and
one crawl serve them all. Each module marks its tests xdist_group("demo"): pytest-xdist then
sends the whole package to one worker, which runs it without interruption, so these
package fixtures are built once.
"""

from io import StringIO

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings

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


@pytest.fixture(scope="package")
def crawled(demo, django_db_blocker):
    """The crawl of the demo, by (role, language), as production shows it (DEBUG off).

    What the crawl writes (the roles' language choice, a second factor) is rolled back, and
    what it cached is cleared, so the tests after it see the demo as loaded.
    """
    # The crawl reads every profile, faster than the directory's limit allows one visitor.
    no_limit = override_settings(PODIUM_DIRECTORY_RATE_PER_MINUTE=0)
    with django_db_blocker.unblock(), no_limit, transaction.atomic():
        crawls = crawl_demo()
        transaction.set_rollback(True)
    cache.clear()
    return crawls
