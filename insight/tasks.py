"""The daily insight job: the fair-rate snapshot, and forgetting old view counters."""

from celery import shared_task
from django.utils import timezone

from insight.services import fair_rates_refresh, view_counters_prune


@shared_task(name="insight.daily")
def insight_daily() -> int:
    """Safe to run twice: the snapshot is replaced whole, pruning is idempotent."""
    today = timezone.localdate()
    view_counters_prune(today=today)
    return fair_rates_refresh(today=today)
