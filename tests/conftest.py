import gc
import logging
import os
import re
import socket
import time
from contextlib import contextmanager
from email import message_from_bytes, policy

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import Model
from django.test import override_settings
from django.utils import translation
from pytest_django.plugin import blocking_manager_key

from core import throttle
from tests.factories import ConsultantFactory, EditorFactory, UserFactory
from tests.per_worker import one_migration_for_every_worker

FIXTURES = os.path.join(os.path.dirname(__file__), "fixtures")


def fixture_path(*parts: str) -> str:
    return os.path.join(FIXTURES, *parts)


def service_missing(reason: str):
    """Skip on a developer machine; fail in CI (PODIUM_REQUIRE_SERVICES=1)."""
    if settings.PODIUM_REQUIRE_SERVICES:
        pytest.fail(f"required service missing: {reason}")
    pytest.skip(reason)


def port_open(host: str, port: int) -> bool:
    with socket.socket() as sock:
        sock.settimeout(0.5)
        return sock.connect_ex((host, port)) == 0


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def comparable(body: bytes) -> bytes:
    """A response body without what differs on every response (the masked CSRF token and
    the scripts' nonce), to prove that two answers are the same answer."""
    return re.sub(rb'(csrfmiddlewaretoken" value|nonce)="[^"]*"', rb"\1=", body)


def pytest_sessionstart(session):
    """Python's cycle collector walks every object the imports left (Django's and
    Wagtail's model and block definitions) each time it runs a full pass. Those live
    until the end: set them aside once, and let the young generation grow larger before
    a pass (about 4 % of the suite's CPU went to collecting otherwise)."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(50_000, 20, 20)


LONGEST_ID_PART = 80


def pytest_make_parametrize_id(config, val, argname):
    """A short name for a long parameter: hostile files and texts are its value, not its
    name. pytest would name a test by a whole 45 MB image; pytest-xdist sends a test's
    name in every message about it, and such a name buries every report."""
    return short_id(val)


def short_id(val) -> str | None:
    if isinstance(val, bytes) and len(val) > LONGEST_ID_PART:
        return f"{len(val)}-bytes"
    if isinstance(val, str) and len(val) > LONGEST_ID_PART:
        head = val[:12].encode("unicode_escape").decode("ascii")
        return f"{head}...{len(val)}-characters"
    return None  # pytest's own id


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """Browser tests live in tests/e2e, and nowhere else; slow tests start first.

    A test that asks for Playwright's `page` fixture (even by naming a parameter "page")
    becomes a browser test; pytest then groups every browser test with it, so browser
    tests, whose live server empties the database after each, would run among the
    database tests that expect the migrated pages and groups.

    Runs after pytest-django has put database tests first, then transactional ones, then
    the rest. Long work moves to the front, so that the workers do not wait at the end
    for one long test: the tests marked slow and the worker groups (xdist_group), which
    build something big once and run as one unit; pytest-xdist hands out the units in
    this order (the Makefile turns off its own reordering by size). When some test keeps
    the migrated content (serialized_rollback), long work goes first whatever its kind
    and the database is restored for the next test that expects it
    (pytest_runtest_setup below); without it every database test stays before every
    transactional one.
    """
    stray = [
        item.nodeid
        for item in items
        if "browser_name" in getattr(item, "fixturenames", ())
        and not item.nodeid.startswith("tests/e2e/")
    ]
    if stray:
        raise pytest.UsageError(f"browser tests outside tests/e2e: {stray[:5]}")
    restorable = any(_keeps_migrated_content(item) for item in items)
    items.sort(key=lambda item: _order(item, restorable=restorable))


def _order(item, *, restorable: bool) -> tuple[int, int]:
    kind = _database_kind(item)
    slow = item.get_closest_marker("slow") is not None
    grouped = item.get_closest_marker("xdist_group") is not None
    if not restorable:
        return kind, not (slow or grouped)
    if slow or grouped:
        # A group with a slow test first (the demo's crawls), then the
        # slow tests alone, then the other groups.
        return 0, (0 if slow and grouped else 1 if slow else 2)
    return 1, kind


def _keeps_migrated_content(item) -> bool:
    marker = item.get_closest_marker("django_db")
    return marker is not None and marker.kwargs.get("serialized_rollback", False)


class _Flushed:
    """Whether a transactional test has emptied this process's test database since the
    migrated content was last put back."""

    since_restore = False


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    """Before a database test that follows a transactional one (which empties the
    database when it ends), the content the migrations made is put back, as a
    serialized_rollback test does for itself."""
    if not _Flushed.since_restore or _database_kind(item) != 0:
        return
    connection = connections[DEFAULT_DB_ALIAS]
    contents = getattr(connection, "_test_serialized_contents", None)
    if contents is None:
        raise pytest.UsageError(f"{item.nodeid}: the database is empty and nothing restores it")
    with item.config.stash[blocking_manager_key].unblock():
        connection.creation.deserialize_db_from_string(contents)
    _Flushed.since_restore = False


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item):
    try:
        return (yield)
    finally:
        if _database_kind(item) == 1:
            _Flushed.since_restore = True


def pytest_collection_finish(session):
    """Tests marked xdist_group share a fixture that only one worker may build; if the
    running pytest-xdist could not group them (a pytest it does not know yet), stop
    rather than build it on every worker."""
    if not session.config.getoption("loadgroup", default=False):
        return
    ungrouped = [
        item.nodeid
        for item in session.items
        if item.get_closest_marker("xdist_group") and "@" not in item.nodeid
    ]
    if ungrouped:
        raise pytest.UsageError(f"pytest-xdist did not group {ungrouped[:3]}")


def _database_kind(item) -> int:
    """pytest-django's order: 0 database, 1 transactional database, 2 no database."""
    fixtures = getattr(item, "fixturenames", ())
    marker = item.get_closest_marker("django_db")
    transactional = "transactional_db" in fixtures or "live_server" in fixtures
    if marker is not None:
        transactional = transactional or marker.kwargs.get("transaction", False)
        transactional = transactional or marker.kwargs.get("reset_sequences", False)
    if transactional:
        return 1
    return 0 if marker is not None or "db" in fixtures else 2


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings):
    """pytest-django's, then one migration for all workers (tests/per_worker.py): the
    test databases are created right after this fixture."""
    with one_migration_for_every_worker():
        yield


@pytest.fixture(scope="session", autouse=True)
def _empty_cache_at_start():
    """A worker starts from an empty cache, before any package or module fixture builds
    on it. With Redis the cache outlives the run: one stopped halfway leaves Wagtail's
    cached renditions of images whose rows and files are gone, and the next run's first
    pages would link those (the demo crawl then found every image a 404)."""
    cache.clear()


@pytest.fixture(autouse=True)
def _clear_cache():
    # Rate-limit counters and cached settings must not leak between tests.
    cache.clear()
    yield
    cache.clear()


class PinnedClock:
    """A clock that stands still until a test moves it (`clock.now += 60`)."""

    def __init__(self, now: float):
        self.now = now

    def __call__(self) -> float:
        return self.now


@pytest.fixture(autouse=True)
def throttle_clock():
    """The rate limits' clock, pinned ten seconds into a window: a test that counts up to
    a limit never sees the window end halfway. Yields the clock, for tests that move it."""
    clock = PinnedClock(1_800_000_000.0 + 10)
    # A MonkeyPatch of its own: a test's monkeypatch.undo() must not end this.
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(throttle, "clock", clock)
        yield clock


@pytest.fixture(autouse=True)
def _english_after_each_test():
    # LocaleMiddleware leaves the last request's language active in the thread; a Spanish
    # request must not turn the next test's messages Spanish.
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _email_through_the_queue(settings):
    # Django's test set-up replaces EMAIL_BACKEND with locmem. Put Podium's back, so that
    # every e-mail in a test goes through OutgoingEmail and the send_email task, which
    # then delivers to locmem (PODIUM_EMAIL_DELIVERY_BACKEND) and so to mail.outbox.
    settings.EMAIL_BACKEND = "core.jobs.mail.QueuedEmailBackend"


def _inside_code_transaction(connection) -> bool:
    """True while the code under test has a transaction open; the test's own wrapping
    transaction and savepoints do not count."""
    return any(not block._from_testcase for block in connection.atomic_blocks)


def _run(callbacks) -> None:
    for _, func, robust in callbacks:
        if robust:
            try:
                func()
            except Exception:  # a robust callback's error is logged, as Django does
                logging.getLogger("django.db.backends.base").exception("on_commit callback")
        else:
            func()


@pytest.fixture
def on_commit_runs(db):
    """On-commit callbacks run as they do outside tests: at once when registered outside a
    transaction, and when the outermost transaction the code opened ends without error
    (dropped when it rolls back). The test still runs inside its own rolled-back
    transaction, so it needs neither `transaction=True` nor the slow flush and reload
    that `serialized_rollback=True` costs after every test.
    """
    real_on_commit = BaseDatabaseWrapper.on_commit
    real_exit = transaction.Atomic.__exit__

    def on_commit(connection, func, robust=False):
        if _inside_code_transaction(connection):
            real_on_commit(connection, func, robust)
        else:
            _run([(set(), func, robust)])

    def exit_(block, exc_type, exc_value, traceback):
        connection = transaction.get_connection(block.using)
        result = real_exit(block, exc_type, exc_value, traceback)
        if block._from_testcase or _inside_code_transaction(connection):
            return result
        pending, connection.run_on_commit = connection.run_on_commit, []
        # A rolled-back block leaves needs_rollback set when it had no savepoint to undo.
        if exc_type is None and not connection.needs_rollback:
            _run(pending)
        return result

    # What fixtures set up before this one registered, as if each had committed.
    for connection in connections.all(initialized_only=True):
        pending, connection.run_on_commit = connection.run_on_commit, []
        _run(pending)
    # A MonkeyPatch of its own: a test's monkeypatch.undo() must not end this.
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(BaseDatabaseWrapper, "on_commit", on_commit)
        patch.setattr(transaction.Atomic, "__exit__", exit_)
        yield


@pytest.fixture
def cache_away(settings):
    """The production cache backend pointed at a port where nothing listens: every call
    to Redis fails, as in an outage."""
    settings.CACHES = {
        "default": {
            "BACKEND": "core.cache.TolerantRedisCache",
            "LOCATION": f"redis://127.0.0.1:{free_port()}/0",
        }
    }


@pytest.fixture
def page_cache_on(settings):
    """The anonymous page cache, which the test settings leave off."""
    settings.PODIUM_PAGE_CACHE_SECONDS = 300


@pytest.fixture
def user(db):
    return UserFactory()


@pytest.fixture
def consultant(db):
    return ConsultantFactory()


@pytest.fixture
def editor(db):
    return EditorFactory()


@pytest.fixture
def postgres(db):
    """The test database must be PostgreSQL (DATABASE_URL)."""
    if settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
        service_missing("PostgreSQL (set DATABASE_URL)")


@pytest.fixture
def redis_broker():
    """A real Redis broker (CELERY_BROKER_URL); returns its URL."""
    url = os.environ.get("CELERY_BROKER_URL", "")
    if not url.startswith("redis://"):
        service_missing("Redis broker (set CELERY_BROKER_URL)")
    if not port_open("127.0.0.1", 6379):
        service_missing("Redis is not answering on 127.0.0.1:6379")
    return url


class SMTPSink:
    """A real SMTP server (aiosmtpd) that keeps what it receives, for delivery tests."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(message_from_bytes(envelope.content, policy=policy.default))
        return "250 Message accepted"

    def wait_for(self, count: int = 1, timeout: float = 30.0):
        deadline = time.monotonic() + timeout
        while len(self.messages) < count and time.monotonic() < deadline:
            time.sleep(0.1)
        assert len(self.messages) >= count, f"{len(self.messages)} of {count} e-mails arrived"
        return self.messages


@contextmanager
def smtp_server(sink):
    """(sink, port) while a real SMTP server on 127.0.0.1 hands what it receives to `sink`."""
    from aiosmtpd.controller import Controller

    port = free_port()
    controller = Controller(sink, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield sink, port
    finally:
        controller.stop()


@pytest.fixture
def smtp_sink():
    """Yields (sink, port): a running SMTP server on 127.0.0.1."""
    with smtp_server(SMTPSink()) as running:
        yield running


@pytest.fixture
def editor_client(client, editor):
    """A client signed in as an editor with a second factor, as the admin requires."""
    from allauth.mfa.models import Authenticator

    Authenticator.objects.create(user=editor, type=Authenticator.Type.TOTP, data={})
    client.force_login(editor)
    return client


@contextmanager
def built_once(django_db_blocker, build):
    """What `build()` makes, for several tests at once: built inside a transaction that is
    rolled back when the block ends, as the tests' own environment has it (e-mail through
    the queue, the rate limits' pinned clock, English, an empty cache). Each test then
    runs inside its own savepoint, so nothing one test writes reaches the next; tests that
    read model instances take fresh copies of them (fresh_copies), so that nothing a test
    does to an instance in memory reaches the next either.
    """
    outer = transaction.atomic()
    # As a test case's own transaction: the on_commit_runs fixture tells code from tests so.
    outer._from_testcase = True
    clock = PinnedClock(1_800_000_000.0 + 10)
    queued = override_settings(EMAIL_BACKEND="core.jobs.mail.QueuedEmailBackend")
    with django_db_blocker.unblock(), outer, queued, pytest.MonkeyPatch.context() as patch:
        patch.setattr(throttle, "clock", clock)
        cache.clear()
        try:
            built = build()
        finally:
            translation.activate(settings.LANGUAGE_CODE)
            cache.clear()
        yield built
        transaction.set_rollback(True)


def fresh_copies(built: dict) -> dict:
    """`built` with every model instance read again from the database (hidden rows too),
    in nested dictionaries as well."""
    return {name: _fresh_copy(value) for name, value in built.items()}


def _fresh_copy(value):
    if isinstance(value, Model):
        return type(value)._base_manager.get(pk=value.pk)
    if isinstance(value, dict):
        return fresh_copies(value)
    return value


def module_world(build, *names: str):
    """The `built` and `world` fixtures of a module whose tests all read one world that
    `build()` makes: built once for the module (built_once), each test reading fresh
    copies of its instances. Use as `built, world = module_world(build)`; the module sits
    in an xdist group, so that one worker builds it. Each of `names` also becomes a
    fixture of that name reading its entry of the world, returned after those two
    (`built, world, profile = module_world(build, "profile")`), so that tests written
    against the function-scoped fixtures of that name read the module's world instead."""

    @pytest.fixture(scope="module")
    def built(django_db_setup, django_db_blocker):
        with built_once(django_db_blocker, build) as made:
            yield made

    @pytest.fixture
    def world(built, db):
        return fresh_copies(built)

    def entry(name):
        @pytest.fixture(name=name)
        def read(world):
            return world[name]

        return read

    return built, world, *(entry(name) for name in names)
