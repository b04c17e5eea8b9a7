"""With the database away, every page answers a calm 503 and /healthz its JSON.

The default connection is pointed at a place where no database answers (a free port for
PostgreSQL, a missing folder for SQLite), so the failure is a real connection failure
raised by the real driver.
"""

import json
import re
import uuid
from contextlib import contextmanager

import pytest
from django.db import OperationalError, connection, connections
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from wagtail.models import Page

from tests.conftest import free_port
from tests.factories import ConsultantFactory, published_profile

pytestmark = pytest.mark.django_db

CALM_HEADING = {"en": "We will be back in a moment", "es": "Volvemos en un momento"}
SAMPLE = {"uuid": str(uuid.uuid4()), "int": "1", "slug": "x", "str": "x", "path": "x/y"}


@contextmanager
def database_away():
    """Swap the default connection for one to a database that is not there."""
    real = connections["default"]
    settings_dict = dict(real.settings_dict)
    if real.vendor == "postgresql":
        settings_dict.update(HOST="127.0.0.1", PORT=str(free_port()))
    else:
        settings_dict["NAME"] = f"/nonexistent-{uuid.uuid4().hex}/podium.sqlite3"
    connections["default"] = type(real)(settings_dict, "default")
    try:
        yield
    finally:
        connections["default"].close()
        connections["default"] = real


def _paths(resolver=None, prefix=""):
    """One concrete address for every route in the URL conf, parameters filled in."""
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        route = str(entry.pattern)
        if route.startswith("^") or "(?" in route:  # regular expressions: Wagtail's serve
            continue
        route = re.sub(r"<(?:(\w+):)?\w+>", lambda m: SAMPLE[m.group(1) or "str"], route)
        if isinstance(entry, URLResolver):
            yield from _paths(entry, prefix + route)
        elif isinstance(entry, URLPattern):
            yield "/" + prefix + route


@pytest.fixture
def signed_in():
    client = Client(raise_request_exception=False)
    client.force_login(ConsultantFactory())
    return client


@pytest.fixture
def every_page_type():
    published_profile(title="Mara Quill")
    pages = [page.url for page in Page.objects.live().specific() if page.url]
    return sorted(set(_paths()) | set(pages) | {"/no-such-page/"})


def _assert_calm(response, language="en"):
    text = response.content.decode()
    assert response.status_code == 503, (response.request["PATH_INFO"], response.status_code)
    assert CALM_HEADING[language] in text
    assert f'lang="{language}"' in text
    assert response["Retry-After"] == "30"
    assert "no-store" in response["Cache-Control"]
    assert "Traceback" not in text
    assert "OperationalError" not in text


def test_every_page_answers_the_calm_page_while_the_database_is_away(signed_in, every_page_type):
    visitor = Client(raise_request_exception=False)
    with database_away():
        for path in every_page_type:
            if path == "/healthz":
                continue
            _assert_calm(visitor.get(path))
            _assert_calm(signed_in.get(path))
            _assert_calm(signed_in.post(path, {"anything": "1"}))


def test_the_calm_page_speaks_the_visitors_language(signed_in):
    with database_away():
        response = signed_in.get("/speakers/", headers={"accept-language": "es"})
    _assert_calm(response, "es")


def test_the_session_survives_the_outage(signed_in):
    with database_away():
        response = signed_in.get("/dashboard/")
    _assert_calm(response)
    assert "sessionid" not in response.cookies  # neither deleted nor renewed
    assert signed_in.get("/dashboard/").status_code == 200


@pytest.mark.parametrize("with_session", [False, True])
def test_healthz_answers_json_while_the_database_is_away(signed_in, with_session):
    client = signed_in if with_session else Client(raise_request_exception=False)
    with database_away():
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response["Content-Type"] == "application/json"
    body = json.loads(response.content)
    assert body["status"] == "error"
    assert body["checks"]["database"] == "error"


def test_a_database_failure_after_the_first_check_is_calm_too(signed_in):
    """The connection drops between the check and the session's query: the failure is
    raised inside the session middleware, and still answers 503 without signing out."""

    def connection_lost(execute, sql, params, many, context):
        if "django_session" in sql:
            raise OperationalError("server closed the connection unexpectedly")
        return execute(sql, params, many, context)

    with connection.execute_wrapper(connection_lost):
        response = signed_in.get("/dashboard/")
    _assert_calm(response)
    assert "sessionid" not in response.cookies
    assert signed_in.get("/dashboard/").status_code == 200


def test_other_failures_still_answer_the_server_error_page(rf):
    from core.outage import server_error

    try:
        raise ValueError("a bug")
    except ValueError:
        response = server_error(rf.get("/"))
    assert response.status_code == 500
    assert "Something went wrong on our side" in response.content.decode()


PG_BIN = "/usr/lib/postgresql/15/bin"


@pytest.fixture
def private_cluster(postgres):
    """A PostgreSQL server of the test's own, which the test may stop (never the shared one)."""
    import os
    import shutil
    import subprocess
    import tempfile
    from pathlib import Path

    if not os.path.exists(f"{PG_BIN}/pg_ctl") or shutil.which("runuser") is None:
        pytest.skip("PostgreSQL server binaries are not installed")
    # Not under pytest's tmp_path: the server runs as postgres, who cannot enter it.
    folder = Path(tempfile.mkdtemp(prefix="podium-pg-"))
    shutil.chown(folder, "postgres")
    port = free_port()

    def as_postgres(*command):
        subprocess.run(["runuser", "-u", "postgres", "--", *command], check=True, timeout=120)

    as_postgres(f"{PG_BIN}/initdb", "-D", str(folder / "data"), "-U", "postgres", "--auth=trust")
    server = f"-p {port} -k {folder} -c listen_addresses=127.0.0.1"
    as_postgres(f"{PG_BIN}/pg_ctl", "-D", str(folder / "data"), "-o", server, "-w", "start")
    stop = [f"{PG_BIN}/pg_ctl", "-D", str(folder / "data"), "-m", "immediate", "stop"]
    try:
        yield port, lambda: as_postgres(*stop)
    finally:
        subprocess.run(["runuser", "-u", "postgres", "--", *stop], capture_output=True)
        shutil.rmtree(folder, ignore_errors=True)


def test_a_server_that_stops_under_open_connections_answers_503(private_cluster):
    """As in production: persistent, health-checked connections, then the server dies."""
    port, stop_server = private_cluster
    real = connections["default"]
    settings_dict = dict(real.settings_dict)
    settings_dict.update(HOST="127.0.0.1", PORT=str(port), NAME="postgres")
    settings_dict.update(CONN_MAX_AGE=60, CONN_HEALTH_CHECKS=True)
    connections["default"] = type(real)(settings_dict, "default")
    client = Client(raise_request_exception=False)
    try:
        before = client.get("/healthz")
        assert json.loads(before.content)["checks"]["database"] == "ok"
        assert connections["default"].connection is not None  # kept open between requests
        stop_server()
        health = client.get("/healthz")
        page = client.get("/speakers/")
    finally:
        connections["default"].close()
        connections["default"] = real
    assert health.status_code == 503
    assert json.loads(health.content)["checks"]["database"] == "error"
    _assert_calm(page)
