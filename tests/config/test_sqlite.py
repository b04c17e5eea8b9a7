"""The embedded default (SQLite) runs in WAL mode with immediate transactions, so several
requests at once queue for the write lock instead of failing with "database is locked"."""

import threading
import time

import pytest
from django.conf import settings
from django.db import connections, transaction
from django.db.backends.sqlite3.base import DatabaseWrapper
from django.db.utils import ConnectionHandler

pytestmark = pytest.mark.django_db

ALIAS = "sqlite_file"


def _file_database(path) -> dict:
    """The settings `make run` uses for db.sqlite3, pointed at a file of the test's own."""
    database = {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": str(path),
        "OPTIONS": dict(settings.PODIUM_SQLITE_OPTIONS),
    }
    return ConnectionHandler({"default": database, ALIAS: database}).settings[ALIAS]


def test_the_default_sqlite_database_uses_these_options():
    default = settings.DATABASES["default"]
    if default["ENGINE"] != "django.db.backends.sqlite3":
        pytest.skip("the default database is not SQLite in this run")
    assert default["OPTIONS"] == settings.PODIUM_SQLITE_OPTIONS


def test_a_file_database_runs_in_wal_mode_with_immediate_transactions(tmp_path):
    connection = DatabaseWrapper(_file_database(tmp_path / "podium.sqlite3"), ALIAS)
    try:
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA journal_mode")
            assert cursor.fetchone() == ("wal",)
            cursor.execute("PRAGMA synchronous")
            assert cursor.fetchone() == (1,)  # NORMAL
            cursor.execute("PRAGMA busy_timeout")
            assert cursor.fetchone()[0] >= 5000
        assert connection.transaction_mode == "IMMEDIATE"
    finally:
        connection.close()


def test_two_writers_that_read_first_do_not_fail_with_database_is_locked(tmp_path):
    """The shape of a signed-in request: read a row, then write (allauth's last-seen)."""
    config = _file_database(tmp_path / "podium.sqlite3")
    setup = DatabaseWrapper(config, ALIAS)
    with setup.cursor() as cursor:
        cursor.execute("CREATE TABLE tally (writer INTEGER, seen INTEGER)")
    setup.close()
    rounds, writers = 25, 2
    barrier = threading.Barrier(writers)
    errors = []

    def write(number):
        connection = DatabaseWrapper(config, ALIAS)
        connections[ALIAS] = connection  # this thread's connection for atomic(using=ALIAS)
        try:
            barrier.wait(timeout=10)
            for _ in range(rounds):
                with transaction.atomic(using=ALIAS), connection.cursor() as cursor:
                    cursor.execute("SELECT COUNT(*) FROM tally")
                    (seen,) = cursor.fetchone()
                    time.sleep(0.002)  # the other writer gets in between read and write
                    cursor.execute("INSERT INTO tally VALUES (%s, %s)", [number, seen])
        except Exception as error:  # noqa: BLE001 (collected and asserted on below)
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=write, args=(n,)) for n in range(writers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert errors == [], errors
    check = DatabaseWrapper(config, ALIAS)
    with check.cursor() as cursor:
        cursor.execute("SELECT COUNT(*), COUNT(DISTINCT seen) FROM tally")
        # Every write saw every earlier one: the transactions ran one after the other.
        assert cursor.fetchone() == (rounds * writers, rounds * writers)
    check.close()
