"""Redis databases of its own for each pytest-xdist worker, and one migration for all.

Loaded as a plugin (`-p tests.per_worker` in pyproject.toml) so that it runs before
Django reads its settings. Worker gwN uses the broker and cache databases 2*N above the
ones CELERY_BROKER_URL and CACHE_URL name (gw0 as given, gw1 two above, ...): a cache
flush between one worker's tests never empties another's counters, and no worker takes
another's tasks. PostgreSQL needs nothing here: pytest-django gives each worker its own
test database (its name ends in _gw0, _gw1, ...). On SQLite in memory each worker has
its own database too, and one_migration_for_every_worker() fills them all from one
migration, and puts the migrated content back from the same copy after a test that
emptied the database.
"""

import fcntl
import hashlib
import os
import re
import shutil
import sqlite3
import sys
import tempfile
from contextlib import closing, contextmanager
from importlib import metadata
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.db import DEFAULT_DB_ALIAS, connections

REDIS_URL = re.compile(r"(?P<server>rediss?://[^/?]+)(?:/(?P<db>\d*))?")


def shifted(url: str, by: int) -> str:
    """`url` with its Redis database number raised by `by`; other URLs (and Redis URLs
    with options) as they are: a worker then shares them."""
    match = REDIS_URL.fullmatch(url)
    if not match:
        return url
    return f"{match['server']}/{int(match['db'] or 0) + by}"


_worker = os.environ.get("PYTEST_XDIST_WORKER", "")
if _worker.startswith("gw"):
    for _name in ("CELERY_BROKER_URL", "CACHE_URL"):
        if os.environ.get(_name):
            os.environ[_name] = shifted(os.environ[_name], 2 * int(_worker[2:]))


# One migration for every worker. Migrating Podium's and its libraries' two hundred-odd
# migrations takes each worker most of fifteen seconds of CPU (Django renders the model
# states again and again). On SQLite in memory the first worker to need a database
# migrates it and saves a copy in a directory the controller made for this run; every
# other worker loads that copy into its own in-memory database. The copy is the same
# database, byte for byte, that the migrations built. It is also kept between runs under
# a digest of the code and packages it came from (kept_migration): a later run of the
# same code loads it instead of migrating; any change migrates again. (Django serializes
# the content for serialized_rollback after this, on every worker.)
TEMPLATE_DIR = "PODIUM_TEST_DATABASE_DIR"


def pytest_configure(config):
    if _worker or not getattr(config.option, "numprocesses", None):
        return  # a worker, or a run without workers
    config.podium_template_dir = tempfile.mkdtemp(prefix="podium-test-db-")
    # The workers start after this, with this environment.
    os.environ[TEMPLATE_DIR] = config.podium_template_dir


def pytest_unconfigure(config):
    directory = getattr(config, "podium_template_dir", None)
    if directory:
        shutil.rmtree(directory, ignore_errors=True)
        os.environ.pop(TEMPLATE_DIR, None)


@contextmanager
def one_migration_for_every_worker():
    """On an xdist worker with SQLite in memory, Django's create_test_db migrates only on
    the first worker and copies that database on the others, while this is open."""
    directory = os.environ.get(TEMPLATE_DIR)
    connection = connections[DEFAULT_DB_ALIAS]
    creation = connection.creation
    in_memory = connection.vendor == "sqlite" and creation.is_in_memory_db(
        creation._get_test_db_name()
    )
    if not (_worker and directory and in_memory):
        yield
        return
    migrate = creation.create_test_db

    def create_test_db(verbosity=1, autoclobber=False, serialize=True, keepdb=False):
        template = Path(directory, "migrated.sqlite3")
        with open(Path(directory, "lock"), "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)  # the others wait for the first
            if not template.exists():
                kept = kept_migration()
                if kept.exists():
                    shutil.copyfile(kept, template)
                else:
                    name = migrate(verbosity, autoclobber, serialize, keepdb)
                    _save_copy(connection, template)
                    _publish(template, kept)
                    for older in kept.parent.glob("migrated-*.sqlite3"):
                        if older != kept:
                            older.unlink(missing_ok=True)
                    return name
        return _load_copy(connection, template, serialize)

    creation.create_test_db = create_test_db
    creation_class = type(creation)
    deserialize = creation_class.deserialize_db_from_string
    creation_class.deserialize_db_from_string = _restored_from_the_copy(
        deserialize, Path(directory, "migrated.sqlite3")
    )
    try:
        yield
    finally:
        del creation.create_test_db
        creation_class.deserialize_db_from_string = deserialize


def _save_copy(connection, path: Path) -> None:
    """The database as it is, copied to `path`: complete or not at all, so that a worker
    that fails here leaves no half copy."""
    partial = path.with_suffix(".partial")
    with closing(sqlite3.connect(partial)) as copy:
        connection.connection.backup(copy)
    partial.replace(path)


def _publish(source: Path, path: Path) -> None:
    """`source` copied to `path` whole: another run keeping the same database at the same
    moment writes its own partial file, and either complete copy may win."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f"{path.name}.{os.getpid()}.partial")
    shutil.copyfile(source, partial)
    partial.replace(path)


def migration_inputs() -> list[Path]:
    """Every file the migrated database can depend on that can change without a package
    upgrade: the Python files of the project's own apps and of its settings (their
    migrations, and what the migrations import)."""
    root = Path(settings.BASE_DIR).resolve()
    folders = {root / "config"}
    for app in apps.get_app_configs():
        path = Path(app.path).resolve()
        if path.is_relative_to(root) and ".venv" not in path.parts:
            folders.add(path)
    return sorted(file for folder in folders for file in folder.rglob("*.py"))


def kept_migration() -> Path:
    """Where the migrated database of this code is kept between runs (.pytest_cache).

    Its name is a digest of everything the migrations read: the project's code (any
    change in it, not only in a migration, means migrating again), every installed
    package and its version, Python's and SQLite's versions. A run whose digest is found
    copies the database instead of migrating; a new digest migrates and replaces it.
    """
    digest = hashlib.sha256()
    for file in migration_inputs():
        digest.update(os.path.relpath(file, settings.BASE_DIR).encode())
        digest.update(file.read_bytes())
    packages = sorted(f"{d.metadata['Name']}=={d.version}" for d in metadata.distributions())
    digest.update("\n".join([*packages, sys.version, sqlite3.sqlite_version]).encode())
    folder = Path(settings.BASE_DIR, ".pytest_cache", "podium")
    return folder / f"migrated-{digest.hexdigest()[:24]}.sqlite3"


def _restored_from_the_copy(deserialize, template: Path):
    """Put the migrated content back by copying the saved database into the test database.

    A transactional test that keeps the migrated content (serialized_rollback) empties the
    database when it ends and has the content loaded again, object by object, when the
    next such test starts (a quarter of a second of CPU each time). The saved copy holds
    the very content Django serialized (the serialization ran on that same database just
    after the migrations), so on SQLite in memory SQLite's backup copies it back instead,
    in a few milliseconds. Inside a transaction (never the case for those tests) the
    content is loaded object by object as before.
    """

    def deserialize_db_from_string(creation, data):
        connection = creation.connection
        if not template.exists() or connection.in_atomic_block:
            return deserialize(creation, data)
        connection.ensure_connection()
        with closing(sqlite3.connect(template)) as copy:
            copy.backup(connection.connection)
        return None

    return deserialize_db_from_string


def _load_copy(connection, template: Path, serialize: bool) -> str:
    """What Django's create_test_db does, with the migrations replaced by the copy."""
    creation = connection.creation
    name = creation._get_test_db_name()
    connection.close()
    settings.DATABASES[connection.alias]["NAME"] = name
    connection.settings_dict["NAME"] = name
    connection.ensure_connection()
    with closing(sqlite3.connect(template)) as copy:
        copy.backup(connection.connection)
    if serialize:  # Django's setup_databases asks for it later instead
        connection._test_serialized_contents = creation.serialize_db_to_string()
    call_command("createcachetable", database=connection.alias)
    return name
