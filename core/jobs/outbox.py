"""The outbox: every side effect that leaves the database goes through one table.

A service writes an OutboxEntry in the same transaction as the change that causes it
(`outbox_enqueue`; every e-mail arrives here through core.jobs.mail.QueuedEmailBackend). After
the commit the entry is kicked (the Celery task core.run_outbox_entry, or at once in the
request when tasks run eagerly), but nothing depends on that kick: the beat job
core.drain_outbox runs every due entry, so a broker outage delays work and drops none.

Running an entry (`outbox_run`):
1. Claim it with one conditional UPDATE that commits before anything leaves the server:
   `attempts` goes up and `available_at` moves to the end of a lease, so no other worker
   can take it meanwhile.
2. Do it: an e-mail is sent with a Message-ID made from the entry's id; a task is called
   in this process with the entry's ids (tasks are idempotent).
3. Finish: done (its content erased), or, after an error, released for another attempt
   after a backoff; after MAX_ATTEMPTS it is marked failed and logged.

A worker killed between 1 and 3 leaves a claim nobody finishes. When its lease is over the
drain job claims the entry again and runs it again: for an e-mail that is the one case in
which a message can arrive twice, and the copy carries the same Message-ID.
"""

import logging
import time
from datetime import timedelta
from email.utils import parseaddr

from celery import current_app
from django.conf import settings
from django.core.mail import get_connection
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from core.jobs.mail import message_from_dict
from core.jobs.models import OutboxEntry

log = logging.getLogger("podium.outbox")

EMAIL = "core.email"
# Long enough for an SMTP conversation with its timeouts (EMAIL_TIMEOUT is 10 s a step).
EMAIL_LEASE = timedelta(minutes=2)
# A task can ask for another lease with an `outbox_lease` attribute (seconds).
TASK_LEASE = timedelta(minutes=10)
MAX_ATTEMPTS = 10
DRAIN_LIMIT = 200
# Beat starts a drain every minute; one drain stops taking entries after this long.
DRAIN_BUDGET_SECONDS = 45.0
# Finished entries (a failed e-mail still holds its content) are kept this long for an
# operator to look into, then deleted.
KEEP_FINISHED = timedelta(days=30)


def outbox_enqueue(*, task, args: list | tuple = (), payload: dict | None = None) -> OutboxEntry:
    """Record one side effect in the current transaction; run it after the commit.

    `task` is a Celery task (or its name), run with `args` (ids, never personal data);
    or EMAIL with the message in `payload`.
    """
    name = task if isinstance(task, str) else task.name
    if name != EMAIL and name not in current_app.tasks:
        raise LookupError(f"no Celery task is registered as {name!r}")
    entry = OutboxEntry.objects.create(
        task=name, args=[str(arg) for arg in args], payload=payload or {}
    )
    entry_id = str(entry.pk)
    transaction.on_commit(lambda: _kick(entry_id))
    return entry


def _kick(entry_id: str) -> None:
    # Imported here to break an import cycle: core.jobs.tasks imports this module.
    from core.jobs.tasks import run_outbox_entry

    try:
        run_outbox_entry.delay(entry_id)
    except Exception as error:  # noqa: BLE001 (whatever the broker raised, the drain job runs it)
        log.warning(
            "outbox kick failed id=%s error=%s; the drain job will run it",
            entry_id,
            type(error).__name__,
        )


def _due(now) -> Q:
    return Q(done_at__isnull=True, failed_at__isnull=True, available_at__lte=now)


def _lease(task_name: str) -> timedelta:
    if task_name == EMAIL:
        return EMAIL_LEASE
    seconds = getattr(current_app.tasks.get(task_name), "outbox_lease", None)
    return timedelta(seconds=seconds) if seconds else TASK_LEASE


def _backoff(attempts: int) -> timedelta:
    return min(timedelta(seconds=30 * 2 ** max(attempts - 1, 0)), timedelta(hours=1))


def message_id_for(entry_id) -> str:
    """The same Message-ID on every attempt, so a receiving server can drop a resend."""
    domain = parseaddr(settings.DEFAULT_FROM_EMAIL)[1].rpartition("@")[2] or "podium.invalid"
    return f"<{entry_id}@{domain}>"


def outbox_run(*, entry_id) -> bool:
    """Claim, do and finish one entry. False when it is not due, or taken, or failed."""
    now = timezone.now()
    before = OutboxEntry.objects.filter(pk=entry_id).values("task", "claimed_at").first()
    if before is None:
        return False
    claimed = OutboxEntry.objects.filter(_due(now), pk=entry_id, attempts__lt=MAX_ATTEMPTS).update(
        available_at=now + _lease(before["task"]),
        claimed_at=now,
        attempts=F("attempts") + 1,
    )
    if not claimed:
        return False
    entry = OutboxEntry.objects.get(pk=entry_id)
    if before["claimed_at"] is not None:
        log.warning(
            "outbox entry id=%s task=%s was claimed at %s and never finished; running it "
            "again (attempt %s)",
            entry_id,
            entry.task,
            before["claimed_at"].isoformat(),
            entry.attempts,
        )
    try:
        _perform(entry)
    except Exception as error:  # noqa: BLE001 (any failure is kept for another attempt)
        _release(entry, error)
        return False
    OutboxEntry.objects.filter(pk=entry.pk).update(
        done_at=timezone.now(), payload={}, last_error=""
    )
    log.info("outbox entry done id=%s task=%s", entry_id, entry.task)
    return True


def _perform(entry: OutboxEntry) -> None:
    if entry.task == EMAIL:
        connection = get_connection(settings.PODIUM_EMAIL_DELIVERY_BACKEND, fail_silently=False)
        message = message_from_dict(
            entry.payload, connection=connection, message_id=message_id_for(entry.pk)
        )
        message.send()
    else:
        current_app.tasks[entry.task](*entry.args)


def _release(entry: OutboxEntry, error: Exception) -> None:
    now = timezone.now()
    reason = type(error).__name__[:100]
    pending = OutboxEntry.objects.filter(pk=entry.pk, done_at__isnull=True)
    if entry.attempts >= MAX_ATTEMPTS:
        pending.update(failed_at=now, claimed_at=None, last_error=reason)
        log.error("outbox entry failed id=%s task=%s error=%s", entry.pk, entry.task, reason)
        return
    retry_at = now + _backoff(entry.attempts)
    pending.update(available_at=retry_at, claimed_at=None, last_error=reason)
    log.warning(
        "outbox entry id=%s task=%s error=%s; retry at %s",
        entry.pk,
        entry.task,
        reason,
        retry_at.isoformat(),
    )


def outbox_drain(*, limit: int = DRAIN_LIMIT, budget: float = DRAIN_BUDGET_SECONDS) -> int:
    """Run every due entry (unkicked, retried, or claimed by a worker that died)."""
    now = timezone.now()
    OutboxEntry.objects.filter(
        Q(done_at__lt=now - KEEP_FINISHED) | Q(failed_at__lt=now - KEEP_FINISHED)
    ).delete()
    exhausted = OutboxEntry.objects.filter(_due(now), attempts__gte=MAX_ATTEMPTS)
    for entry_id, task in exhausted.values_list("pk", "task"):
        log.error("outbox entry failed id=%s task=%s: no attempts left", entry_id, task)
    exhausted.update(failed_at=now, claimed_at=None)

    due = OutboxEntry.objects.filter(_due(now)).order_by("available_at")
    deadline = time.monotonic() + budget
    done = 0
    for entry_id in list(due.values_list("pk", flat=True)[:limit]):
        if time.monotonic() > deadline:
            break
        done += outbox_run(entry_id=entry_id)
    return done
