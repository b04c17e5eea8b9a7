"""Local development: `make run`. SQLite, eager tasks, e-mail printed to the console."""

from config.settings import env
from config.settings.base import *  # noqa: F403 (settings modules extend the base)

DEBUG = True
SECRET_KEY = env.SECRET_KEY or "dev-only-not-secret-podium-key-change-me-in-production"
PODIUM_EMAIL_DELIVERY_BACKEND = (
    env.EMAIL_DELIVERY_BACKEND or "django.core.mail.backends.console.EmailBackend"
)
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = True
STORAGES["staticfiles"] = {  # noqa: F405 (a name from the base settings' star import)
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}

# Static files straight from the app folders; no collectstatic needed.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# Templates change under a developer's hands: no page cache in development.
PODIUM_PAGE_CACHE_SECONDS = 0
