"""Every environment variable Podium reads, in one place.

Settings modules import from here; nothing else reads ``os.environ``. `.env.example`
lists the same variables with their meaning.
"""

import os
from pathlib import Path

# The repository's root: defaults for the database, media and static files live under it.
BASE_DIR = Path(__file__).resolve().parent.parent.parent

TRUE_VALUES = {"1", "true", "yes", "on"}


def _str(name: str, default: str = "") -> str:
    return os.environ.get(name, default).strip()


def _bool(name: str, default: bool = False) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    return raw.strip().lower() in TRUE_VALUES


def _int(name: str, default: int) -> int:
    raw = os.environ.get(name, "").strip()
    return int(raw) if raw else default


def _list(name: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, "").split(",") if item.strip()]


DEBUG = _bool("DJANGO_DEBUG")
SECRET_KEY = _str("DJANGO_SECRET_KEY")
ALLOWED_HOSTS = _list("DJANGO_ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = _list("DJANGO_CSRF_TRUSTED_ORIGINS")
# Public base URL, used in e-mails and by the Wagtail admin (e.g. https://podium.example).
SITE_URL = _str("PODIUM_SITE_URL", "http://127.0.0.1:8000").rstrip("/")

# Empty means SQLite in the project directory.
DATABASE_URL = _str("DATABASE_URL")
# Empty means an in-process cache (fine for one process; rate limits need Redis beyond it).
CACHE_URL = _str("CACHE_URL")
# Seconds an anonymous page stays in the server's page cache (0 turns it off).
PAGE_CACHE_SECONDS = _int("PODIUM_PAGE_CACHE_SECONDS", 300)
# Shared caches in front (docs/deploy.md), purged through Wagtail's front-end cache
# invalidation: an HTTP PURGE address (Varnish, nginx), a Cloudflare zone, or a CloudFront
# distribution. All empty: nothing in front, nothing to purge.
PURGE_URL = _str("PODIUM_PURGE_URL")
CLOUDFLARE_ZONE_ID = _str("PODIUM_CLOUDFLARE_ZONE_ID")
CLOUDFLARE_BEARER_TOKEN = _str("PODIUM_CLOUDFLARE_BEARER_TOKEN")
CLOUDFRONT_DISTRIBUTION_ID = _str("PODIUM_CLOUDFRONT_DISTRIBUTION_ID")
# Empty means Celery runs tasks eagerly, in the web process.
CELERY_BROKER_URL = _str("CELERY_BROKER_URL")

# Number of reverse proxies in front of the app that append to X-Forwarded-For.
TRUSTED_PROXY_COUNT = _int("PODIUM_TRUSTED_PROXY_COUNT", 0)

# Outgoing e-mail: the address part of the sender; the display name is a site setting.
DEFAULT_FROM_EMAIL = _str("PODIUM_FROM_EMAIL", "no-reply@podium.localhost")
EMAIL_HOST = _str("EMAIL_HOST", "localhost")
EMAIL_PORT = _int("EMAIL_PORT", 25)
EMAIL_HOST_USER = _str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = _str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = _bool("EMAIL_USE_TLS")
SERVER_EMAIL = _str("PODIUM_SERVER_EMAIL", DEFAULT_FROM_EMAIL)
# The backend the e-mail task delivers through; empty means SMTP (console in development).
EMAIL_DELIVERY_BACKEND = _str("PODIUM_EMAIL_DELIVERY_BACKEND")

# Media: local folders by default; S3-compatible storage when a bucket is named.
MEDIA_ROOT = _str("PODIUM_MEDIA_ROOT")
PRIVATE_MEDIA_ROOT = _str("PODIUM_PRIVATE_MEDIA_ROOT")
S3_BUCKET = _str("PODIUM_S3_BUCKET")
S3_PRIVATE_BUCKET = _str("PODIUM_S3_PRIVATE_BUCKET")
S3_ENDPOINT_URL = _str("PODIUM_S3_ENDPOINT_URL")
S3_REGION = _str("PODIUM_S3_REGION")
S3_ACCESS_KEY_ID = _str("PODIUM_S3_ACCESS_KEY_ID")
S3_SECRET_ACCESS_KEY = _str("PODIUM_S3_SECRET_ACCESS_KEY")
# Who sends a media file once Podium has checked who may see it (core/media/serving.py): an
# nginx internal location (e.g. /protected-media/), or Apache's X-Sendfile; else Django.
MEDIA_ACCEL_REDIRECT = _str("PODIUM_MEDIA_ACCEL_REDIRECT")
MEDIA_SENDFILE = _bool("PODIUM_MEDIA_SENDFILE")

# Tests: make tests that need PostgreSQL, Redis or Chromium fail instead of skip.
REQUIRE_SERVICES = _bool("PODIUM_REQUIRE_SERVICES")
# Pages a minute one address may fetch under /speakers/ (0 turns the limit off).
DIRECTORY_RATE_PER_MINUTE = _int("PODIUM_DIRECTORY_RATE_PER_MINUTE", 120)
# The browser tests' Chromium: Debian's headless shell (package chromium-headless-shell,
# the same build without the desktop browser's window and compositor, and what Playwright
# itself runs for headless tests) when it is installed, else Debian's full chromium.
CHROMIUM_CANDIDATES = ("/usr/bin/chromium-headless-shell", "/usr/bin/chromium")
CHROMIUM_PATH = _str("PODIUM_CHROMIUM_PATH") or next(
    (path for path in CHROMIUM_CANDIDATES if os.access(path, os.X_OK)), CHROMIUM_CANDIDATES[0]
)
