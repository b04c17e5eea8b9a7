"""The outbox's Celery tasks: one entry right after its commit, and the periodic drain."""

from celery import shared_task

from core.jobs.outbox import outbox_drain, outbox_run


@shared_task(name="core.run_outbox_entry")
def run_outbox_entry(entry_id: str) -> bool:
    """Run one outbox entry right after its commit. A second run does nothing."""
    return outbox_run(entry_id=entry_id)


@shared_task(name="core.drain_outbox")
def drain_outbox() -> int:
    """Run every due outbox entry, whether or not its first kick arrived (beat)."""
    return outbox_drain()
