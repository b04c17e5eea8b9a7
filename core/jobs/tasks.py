"""The outbox's Celery tasks: one entry right after its commit, and the periodic drain;
and the shared-cache purge, which only ever runs as an outbox entry."""

from celery import shared_task
from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache

from core.jobs.outbox import outbox_drain, outbox_run


@shared_task(name="core.run_outbox_entry")
def run_outbox_entry(entry_id: str) -> bool:
    """Run one outbox entry right after its commit. A second run does nothing."""
    return outbox_run(entry_id=entry_id)


@shared_task(name="core.drain_outbox")
def drain_outbox() -> int:
    """Run every due outbox entry, whether or not its first kick arrived (beat)."""
    return outbox_drain()


@shared_task(name="core.purge_shared_caches")
def purge_shared_caches(*addresses: str) -> None:
    """Tell the CDN or Varnish in front to drop these addresses (core.page_cache).

    Wagtail's backends log a refused or failed purge rather than raise, so a purge the
    CDN refused is not tried again: the shared caches' own lifetime (s-maxage) bounds
    how long such a page can stay.
    """
    purge_urls_from_cache(list(addresses))
