"""The test suite. SQLite and eager Celery unless DATABASE_URL / CELERY_BROKER_URL are set."""

import tempfile

from config.settings import env
from config.settings.base import *  # noqa: F403 (settings modules extend the base)

DEBUG = False
SECRET_KEY = "test-only-not-secret"  # noqa: S105 (a fixed key for the test suite only)
ALLOWED_HOSTS = ["*"]

# Hashing with Argon2 in every factory would slow the suite; base settings keep Argon2
# (tests/accounts/test_password_hashing.py checks that).
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

MEDIA_ROOT = tempfile.mkdtemp(prefix="podium-media-")
PRIVATE_MEDIA_ROOT = tempfile.mkdtemp(prefix="podium-private-")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": PRIVATE_MEDIA_ROOT, "base_url": "/private-media/"},
    },
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Tests that are about delivery swap in the SMTP backend with a real aiosmtpd server.
PODIUM_EMAIL_DELIVERY_BACKEND = (
    env.EMAIL_DELIVERY_BACKEND or "django.core.mail.backends.locmem.EmailBackend"
)

# Tasks run in the test process; tests about the broker start a real worker and switch
# eager mode off themselves (tests/core/test_worker.py).
CELERY_TASK_ALWAYS_EAGER = True

if env.CACHE_URL:
    # A database of its own, so that flushing it between tests touches nothing else.
    CACHES["default"]["KEY_PREFIX"] = "podium-test"  # noqa: F405 (a name from the base settings' star import)

PODIUM_REQUIRE_SERVICES = env.REQUIRE_SERVICES
PODIUM_CHROMIUM_PATH = env.CHROMIUM_PATH

# Static files straight from the app folders; no collectstatic needed.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# The suite's query-count tests measure rendering; tests of the page cache turn it on
# (tests/core/test_page_cache*.py). The headers of public pages are sent either way.
PODIUM_PAGE_CACHE_SECONDS = 0
