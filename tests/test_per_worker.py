"""The migrated database kept between runs is found again only for the same code."""

import sys
from pathlib import Path

from django.db.migrations.loader import MigrationLoader

from tests.per_worker import kept_migration, migration_inputs


def test_every_migration_of_the_project_is_read_into_the_digest():
    inputs = set(migration_inputs())
    loader = MigrationLoader(None, ignore_no_migrations=True)
    ours = [
        Path(sys.modules[migration.__module__].__file__).resolve()
        for migration in loader.disk_migrations.values()
        if not migration.__module__.startswith(("django.", "wagtail.", "allauth.", "taggit."))
        and ".venv" not in sys.modules[migration.__module__].__file__
    ]
    assert len(ours) > 50
    assert [path for path in ours if path not in inputs] == []


def test_a_change_in_the_code_names_another_database(monkeypatch, tmp_path):
    before = kept_migration()
    changed = tmp_path / "0099_changed.py"
    changed.write_text("# a new migration\n")
    monkeypatch.setattr("tests.per_worker.migration_inputs", lambda: [*migration_inputs(), changed])
    assert kept_migration() != before
    assert kept_migration().parent == before.parent
