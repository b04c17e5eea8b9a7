"""Settings shared by every environment. dev, test and production only override."""

import dj_database_url
from django.utils.translation import gettext_lazy as _

from config.settings import env
from config.settings.env import BASE_DIR

DEBUG = env.DEBUG
SECRET_KEY = env.SECRET_KEY
ALLOWED_HOSTS = env.ALLOWED_HOSTS or ["127.0.0.1", "localhost"]
CSRF_TRUSTED_ORIGINS = env.CSRF_TRUSTED_ORIGINS
# Where the site is reached, without a trailing slash; links that leave the site start here
# (core.links.absolute_url).
PODIUM_SITE_URL = env.SITE_URL

INSTALLED_APPS = [
    "accounts",
    "core",
    "portfolio",
    "networking",
    "circle",
    "statements",
    "cms",
    "insight",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    # Purges shared caches in front (a CDN, Varnish) when pages change (core.page_cache).
    "wagtail.contrib.frontend_cache",
    # Old addresses keep working: a changed slug leaves a permanent redirect for the page
    # and every page under it (Wagtail creates them; portfolio's middleware serves them).
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.images",
    "wagtail.documents",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    # Country names in the reader's language; its catalogue must be loaded, hence an app.
    "django_countries",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.usersessions",
    "rules.apps.AutodiscoverRulesConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # The limit against scraping counts kept pages too, so it comes before them; it needs
    # only the cache.
    "core.throttle.DirectoryThrottleMiddleware",
    # Anonymous pages kept for every visitor (core/page_cache): before anything that reads
    # the session, the user or the database, so a kept page is answered even without it.
    "core.page_cache.middleware.PageCacheMiddleware",
    # Before anything that reads the session or the user: with the database away, every
    # page answers a calm 503 (static files above still load).
    "core.outage.DatabaseUnavailableMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The interface follows the visitor's choice (a cookie set by the footer's switcher)
    # or their browser; URLs stay the same, and content keeps the language it was written in.
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    # Also records the session's activity for the session list (allauth's
    # UserSessionsMiddleware did that on every request), at most once a minute.
    "accounts.middleware.SessionLifetimeMiddleware",
    "accounts.middleware.MFARequiredMiddleware",
    "accounts.middleware.AdminReachMiddleware",
    # Who is asking, built once per request: every visibility and permission question
    # below is asked of request.viewer.
    "networking.viewer.ViewerMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "core.middleware.ContentSecurityPolicyMiddleware",
    "core.middleware.PrivateResponseMiddleware",
    "circle.middleware.PrivateCircleMiddleware",
    # Last, so it sees the final 404 and its redirect passes through the headers above.
    "portfolio.middleware.VisibleRedirectMiddleware",
]

# Builds the Viewer for a user where there is no request (admin form checks, tasks).
PODIUM_VIEWER_FACTORY = "networking.viewer.viewer_for"

# Addresses per sitemap section (the sitemap protocol allows 50,000; smaller sections stay
# fast to build). Read by the sitemap and by the purge that names its sections to a CDN.
PODIUM_SITEMAP_SECTION_SIZE = 5000

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "core.context_processors.content_language",
            ],
            # Money and dates read the same way in every template, without a {% load %}.
            "builtins": ["core.templatetags.podium_l10n"],
        },
    },
]

# --- Data -------------------------------------------------------------------------
SQLITE_TIMEOUT_SECONDS = 20
DATABASES = {
    "default": dj_database_url.parse(
        env.DATABASE_URL or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=60 if env.DATABASE_URL else 0,
        conn_health_checks=bool(env.DATABASE_URL),
    )
}
# The embedded default serves several requests at once (the dev server's threads, the
# admin's parallel fetches), and every signed-in request writes (session, last seen).
# WAL lets readers and one writer work side by side; IMMEDIATE takes the write lock when
# a transaction starts, so a transaction that read first never fails at once with
# "database is locked" when it comes to write; the timeout makes writers queue instead.
PODIUM_SQLITE_OPTIONS = {
    "transaction_mode": "IMMEDIATE",
    "timeout": SQLITE_TIMEOUT_SECONDS,
    "init_command": (
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; "
        f"PRAGMA busy_timeout={SQLITE_TIMEOUT_SECONDS * 1000};"
    ),
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = dict(PODIUM_SQLITE_OPTIONS)
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # PostgreSQL's JIT compiles a query it estimates as dear before running it: for the
    # short queries of a web request that costs seconds (3 of 3.1 s matching one
    # opportunity against 10,000 consultants, 0.9 of 1.0 s for a sitemap section).
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c jit=off"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

if env.CACHE_URL:
    CACHES = {
        "default": {
            # Redis away is an empty cache, never an error page (core/cache.py); a Redis
            # that stops answering is given up on within a second.
            "BACKEND": "core.cache.TolerantRedisCache",
            "LOCATION": env.CACHE_URL,
            "KEY_PREFIX": "podium",
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# The other sections, each in its own module; this module is what the others extend.
from config.settings.accounts import *  # noqa: E402, F403 (one settings namespace, read in sections)
from config.settings.jobs import *  # noqa: E402, F403 (one settings namespace, read in sections)
from config.settings.media import *  # noqa: E402, F403 (one settings namespace, read in sections)
from config.settings.page_cache import *  # noqa: E402, F403 (one settings namespace, read in sections)
from config.settings.security import *  # noqa: E402, F403 (one settings namespace, read in sections)
from config.settings.wagtail import *  # noqa: E402, F403 (one settings namespace, read in sections)

# --- Internationalisation and static files -----------------------------------------
LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("es", _("Spanish"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
# The switcher's cookie lasts a year and is sent to this site only; it holds "en" or "es".
LANGUAGE_COOKIE_AGE = 365 * 24 * 60 * 60
LANGUAGE_COOKIE_SECURE = not DEBUG
LANGUAGE_COOKIE_SAMESITE = "Lax"
# Dates in words, day first, in English too (config/formats/en).
FORMAT_MODULE_PATH = ["config.formats"]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
# Files browsers and crawlers ask for at the site's root (/favicon.ico).
WHITENOISE_ROOT = BASE_DIR / "static" / "root"

# --- Logging: no message bodies, secrets or locations ---------------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        "podium": {"handlers": ["console"], "level": "INFO", "propagate": False},
    },
}
