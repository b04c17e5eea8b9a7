"""Where `make bench` keeps its data, and the environment its processes run with.

Its own PostgreSQL database (podium_bench, or podium_bench_<n> for a smaller copy) on the
machine's server, Redis databases 10 (cache) and 11 (broker address, unused: tasks run
eagerly), and media under bench/.data/ next to the database that points at them.
"""

import os
import secrets
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "bench" / ".data"
POSTGRES = os.environ.get("BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432")
REDIS = os.environ.get("BENCH_REDIS", "redis://127.0.0.1:6379")
CACHE_DB = 10
# One key for every process of a run: the session cookie made by one is read by another.
SECRET_KEY = secrets.token_urlsafe(64)


def database_name(consultants: int, full: int = 10_000) -> str:
    return "podium_bench" if consultants == full else f"podium_bench_{consultants}"


def bench_env(database: str) -> dict[str, str]:
    """The variables production settings need, pointed at the bench's own services."""
    return {
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "DJANGO_SECRET_KEY": SECRET_KEY,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
        "PODIUM_SITE_URL": "http://127.0.0.1",
        "DATABASE_URL": f"{POSTGRES}/{database}",
        "CACHE_URL": f"{REDIS}/{CACHE_DB}",
        "CELERY_BROKER_URL": "",
        "PODIUM_MEDIA_ROOT": str(DATA / database / "media"),
        "PODIUM_PRIVATE_MEDIA_ROOT": str(DATA / database / "private_media"),
        "PODIUM_EMAIL_DELIVERY_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        # One address sends every request; the per-address limit would answer 429.
        "PODIUM_DIRECTORY_RATE_PER_MINUTE": "0",
    }
