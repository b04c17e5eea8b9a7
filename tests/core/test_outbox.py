"""The outbox: every side effect that leaves the database is written with the change."""

import ast
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.core import mail
from django.db import transaction
from django.utils import timezone
from kombu.exceptions import OperationalError

from core.jobs import tasks
from core.jobs.outbox import KEEP_FINISHED, outbox_drain, outbox_enqueue
from core.models import OutboxEntry
from networking.models import Notification
from networking.services.notifications import notify
from tests.factories import ConsultantFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("on_commit_runs")]

APPS = ("accounts", "cms", "config", "core", "networking", "portfolio")
# The outbox's kick is the one place that publishes to the broker.
PUBLISHERS = {"delay", "apply_async", "send_task"}
ON_COMMIT_ALLOWED = {
    "core/jobs/outbox.py",  # the kick after commit
    # Deleting a file whose row a committed transaction deleted (storage, not a job).
    "core/media/files.py",
    # Compacting the search index, which lives in the same database (not a job).
    "core/search.py",
    # Forgetting cached pages and telling a CDN once a change is visible (caches, not jobs).
    "core/page_cache/invalidation.py",
}


def calls_in_project():
    for app in APPS:
        for path in sorted(Path(settings.BASE_DIR, app).rglob("*.py")):
            relative = path.relative_to(settings.BASE_DIR).as_posix()
            if "/migrations/" in relative:
                continue
            for node in ast.walk(ast.parse(path.read_text(), relative)):
                if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
                    yield relative, node.lineno, node.func.attr


def test_only_the_outbox_publishes_tasks_or_acts_after_commit():
    publishing = [
        f"{path}:{line} .{name}()"
        for path, line, name in calls_in_project()
        if name in PUBLISHERS and path != "core/jobs/outbox.py"
    ]
    after_commit = [
        f"{path}:{line}"
        for path, line, name in calls_in_project()
        if name == "on_commit" and path not in ON_COMMIT_ALLOWED
    ]
    assert publishing == []
    assert after_commit == []


def test_a_notification_whose_kick_the_broker_lost_is_e_mailed_by_the_drain_job(monkeypatch):
    def broker_down(*args, **kwargs):
        raise OperationalError("Error 111 connecting to 127.0.0.1:6379. Connection refused.")

    person = ConsultantFactory()
    monkeypatch.setattr(tasks.run_outbox_entry, "delay", broker_down)
    with transaction.atomic():
        notify(user=person, event_key="booking:1", text="News about a booking.", url="/x/")

    assert mail.outbox == []
    assert OutboxEntry.objects.get().task == "networking.deliver_notification"
    monkeypatch.undo()

    assert outbox_drain() == 1  # the notification; it queued its e-mail, sent at once
    assert [m.to for m in mail.outbox] == [[person.email]]
    assert Notification.objects.get().emailed_at is not None
    assert OutboxEntry.objects.filter(done_at=None).count() == 0
    assert outbox_drain() == 0
    assert len(mail.outbox) == 1


def test_work_rolled_back_with_its_change_never_runs():
    person = ConsultantFactory()

    def failing_booking():
        with transaction.atomic():
            notify(user=person, event_key="booking:1", text="News about a booking.", url="/x/")
            raise RuntimeError("the booking failed")

    with pytest.raises(RuntimeError):
        failing_booking()

    assert not OutboxEntry.objects.exists()
    assert mail.outbox == []


def test_an_unknown_task_is_refused_when_it_is_written():
    with pytest.raises(LookupError):
        outbox_enqueue(task="networking.no_such_task", args=["1"])
    assert not OutboxEntry.objects.exists()


def test_finished_entries_are_deleted_after_a_while():
    person = ConsultantFactory()
    with transaction.atomic():
        notify(user=person, event_key="booking:1", text="News about a booking.", url="/x/")
    assert OutboxEntry.objects.filter(done_at=None).count() == 0
    assert outbox_drain() == 0
    assert OutboxEntry.objects.count() == 2  # the notification and its e-mail

    month_ago = timezone.now() - KEEP_FINISHED - timedelta(minutes=1)
    OutboxEntry.objects.update(done_at=month_ago)
    outbox_drain()
    assert not OutboxEntry.objects.exists()
