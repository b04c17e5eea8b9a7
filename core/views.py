import logging

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import Http404, JsonResponse
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe

from config.celery import app as celery_app

log = logging.getLogger("podium.health")


def _check_database() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:  # any failure means unhealthy; the log says which
        log.exception("database check failed")
        return "error"
    return "ok"


def _check_cache() -> str:
    try:
        cache.set("podium:healthz", "1", timeout=10)
        ok = cache.get("podium:healthz") == "1"
    except Exception:
        log.exception("cache check failed")
        return "error"
    return "ok" if ok else "error"


def _check_broker() -> str:
    if not settings.PODIUM_BROKER_CONFIGURED:
        return "eager"
    try:
        with celery_app.connection_for_write(url=settings.CELERY_BROKER_URL) as conn:
            conn.ensure_connection(max_retries=1, interval_start=0, timeout=2)
    except Exception:
        log.exception("broker check failed")
        return "error"
    return "ok"


@require_safe
def healthz(request):
    checks = {"database": _check_database(), "cache": _check_cache(), "broker": _check_broker()}
    healthy = all(value in ("ok", "eager") for value in checks.values())
    response = JsonResponse(
        {"status": "ok" if healthy else "error", "checks": checks},
        status=200 if healthy else 503,
    )
    patch_cache_control(response, no_store=True)
    return response


def not_found(request, *args, **kwargs):
    raise Http404
