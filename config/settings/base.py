"""Settings shared by every environment. dev, test and production only override."""

from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

from config.settings import env

BASE_DIR = Path(__file__).resolve().parent.parent.parent

DEBUG = env.DEBUG
SECRET_KEY = env.SECRET_KEY
ALLOWED_HOSTS = env.ALLOWED_HOSTS or ["127.0.0.1", "localhost"]
CSRF_TRUSTED_ORIGINS = env.CSRF_TRUSTED_ORIGINS

INSTALLED_APPS = [
    "accounts",
    "core",
    "portfolio",
    "networking",
    "cms",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
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
    "allauth.usersessions.middleware.UserSessionsMiddleware",
    "accounts.middleware.SessionLifetimeMiddleware",
    "accounts.middleware.MFARequiredMiddleware",
    "accounts.middleware.AdminReachMiddleware",
    # Who is asking, built once per request: every visibility and permission question
    # below is asked of request.viewer.
    "networking.viewer.ViewerMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "core.middleware.ContentSecurityPolicyMiddleware",
    "core.throttle.DirectoryThrottleMiddleware",
    "core.middleware.PrivateResponseMiddleware",
    # Last, so it sees the final 404 and its redirect passes through the headers above.
    "portfolio.middleware.VisibleRedirectMiddleware",
]

# Builds the Viewer for a user where there is no request (admin form checks, tasks).
PODIUM_VIEWER_FACTORY = "networking.viewer.viewer_for"

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
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

if env.CACHE_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": env.CACHE_URL,
            "KEY_PREFIX": "podium",
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# --- Accounts and authentication -----------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "dashboard"

ACCOUNT_ADAPTER = "accounts.adapters.AccountAdapter"
MFA_ADAPTER = "accounts.adapters.MFAAdapter"  # "two-step verification" in its errors too
ACCOUNT_SIGNUP_FORM_CLASS = "accounts.forms.SignupForm"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = False
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_SESSION_REMEMBER = False
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = True
ACCOUNT_LOGIN_ON_PASSWORD_RESET = False
ACCOUNT_LOGIN_BY_CODE_ENABLED = False
ACCOUNT_REAUTHENTICATION_REQUIRED = True
ACCOUNT_REAUTHENTICATION_TIMEOUT = 300
ACCOUNT_EMAIL_NOTIFICATIONS = True
ACCOUNT_EMAIL_SUBJECT_PREFIX = ""
ACCOUNT_LOGOUT_REDIRECT_URL = "/"
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https" if env.SITE_URL.startswith("https") else "http"
ACCOUNT_RATE_LIMITS = {
    # The allauth defaults, written out so a change is a visible decision: ten failed
    # logins a minute per address, five per five minutes per account.
    "login_failed": "10/m/ip,5/300s/key",
    "reset_password": "20/m/ip,5/m/key",
    "signup": "20/m/ip",
}
ALLAUTH_TRUSTED_PROXY_COUNT = env.TRUSTED_PROXY_COUNT

MFA_SUPPORTED_TYPES = ["totp", "recovery_codes", "webauthn"]
MFA_PASSKEY_LOGIN_ENABLED = True
MFA_TRUST_ENABLED = False
MFA_ALLOW_UNVERIFIED_EMAIL = False
MFA_TOTP_ISSUER = "Podium"
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = env.DEBUG

USERSESSIONS_TRACK_ACTIVITY = True

# Sessions: 30 idle minutes (every request renews the cookie), 12 hours at most
# (accounts.middleware.SessionLifetimeMiddleware), gone when the browser closes.
SESSION_COOKIE_AGE = 30 * 60
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_ABSOLUTE_LIMIT_SECONDS = 12 * 60 * 60
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True

# --- Security headers ----------------------------------------------------------------
SECURE_CONTENT_TYPE_NOSNIFF = True
# No Referer leaves the site: an outbound link or the quick exit never reveals Podium.
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "media-src": ["'self'"],
        # Only the privacy-enhanced video players, and only after a click (core/embeds.py).
        "frame-src": ["https://www.youtube-nocookie.com", "https://player.vimeo.com"],
        "frame-ancestors": ["'none'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
    }
}
# The Wagtail admin still writes a few inline <script> and style attributes
# (inline panels, date widgets), so its pages get these additions; see docs/decisions.md.
PODIUM_ADMIN_CSP_UPDATE = {
    "script-src": ["'unsafe-inline'"],
    "style-src": ["'unsafe-inline'"],
    "img-src": ["blob:"],
}
PODIUM_ADMIN_PATH_PREFIX = "/admin/"

# --- Media (see core/images.py: every original is scrubbed before it is stored) -----
MEDIA_URL = "/media/"
MEDIA_ROOT = env.MEDIA_ROOT or str(BASE_DIR / "media")
PRIVATE_MEDIA_ROOT = env.PRIVATE_MEDIA_ROOT or str(BASE_DIR / "private_media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Scrubbed originals: never under MEDIA_URL, so no URL reaches them.
    "private": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": PRIVATE_MEDIA_ROOT, "base_url": "/private-media/"},
    },
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
if env.S3_BUCKET:
    _s3_common = {
        "endpoint_url": env.S3_ENDPOINT_URL or None,
        "region_name": env.S3_REGION or None,
        "access_key": env.S3_ACCESS_KEY_ID or None,
        "secret_key": env.S3_SECRET_ACCESS_KEY or None,
        "file_overwrite": False,
    }
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            **_s3_common,
            "bucket_name": env.S3_BUCKET,
            # Consultants' media reach a browser only through Podium's media view, which
            # redirects to an address signed for a minute: an old link stops working.
            "querystring_auth": True,
            "querystring_expire": 60,
            "default_acl": "private",
        },
    }
    STORAGES["private"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            **_s3_common,
            "bucket_name": env.S3_PRIVATE_BUCKET or env.S3_BUCKET,
            "location": "" if env.S3_PRIVATE_BUCKET else "private",
            "default_acl": "private",
            "querystring_auth": True,
            "querystring_expire": 60,
        },
    }

PODIUM_MEDIA_ACCEL_REDIRECT = env.MEDIA_ACCEL_REDIRECT
PODIUM_MEDIA_SENDFILE = env.MEDIA_SENDFILE

FILE_UPLOAD_PERMISSIONS = 0o640
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440

WAGTAILIMAGES_IMAGE_MODEL = "core.PodiumImage"
WAGTAILIMAGES_IMAGE_FORM_BASE = "core.forms.ScrubbedImageForm"
WAGTAILIMAGES_RENDITION_STORAGE = "default"
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
# SVG stays out (it can carry script); HEIC/HEIF are accepted and converted on upload.
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp", "heic", "heif", "avif"]
WAGTAILIMAGES_FEATURE_DETECTION_ENABLED = False

# --- Wagtail ---------------------------------------------------------------------
WAGTAIL_SITE_NAME = "Podium"
WAGTAILADMIN_BASE_URL = env.SITE_URL
WAGTAILADMIN_LOGIN_URL = "account_login"
WAGTAIL_PASSWORD_RESET_ENABLED = False
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = False
WAGTAIL_EMAIL_MANAGEMENT_ENABLED = False
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_PRIVATE_PAGE_OPTIONS = {"SHARED_PASSWORD": False}
WAGTAIL_ENABLE_UPDATE_CHECK = False
# Off: turning a pasted address into a page link would answer with the title of any
# page at that address, private and draft ones included, whoever pastes it.
WAGTAILADMIN_EXTERNAL_LINK_CONVERSION = ""
WAGTAIL_ALLOW_UNICODE_SLUGS = False
# The admin needs wagtail.documents installed. Only superusers hold document permissions
# until documents get metadata scrubbing (docs/decisions.md); downloads are attachments.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_EXTENSIONS = ["pdf"]
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILEMBEDS_RESPONSIVE_HTML = True

# Uploaded videos are streamed to a temporary file, never held in memory.
PODIUM_MAX_VIDEO_UPLOAD_BYTES = 500 * 1024 * 1024

# Requests a minute one address may make to the pages that list or show consultants.
PODIUM_DIRECTORY_RATE_PER_MINUTE = env.DIRECTORY_RATE_PER_MINUTE
PODIUM_THROTTLED_PREFIXES = ("/speakers/",)

# --- Celery (config/celery.py) ----------------------------------------------------
CELERY_BROKER_URL = env.CELERY_BROKER_URL or "memory://"
CELERY_TASK_ALWAYS_EAGER = not env.CELERY_BROKER_URL
PODIUM_BROKER_CONFIGURED = bool(env.CELERY_BROKER_URL)
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_RESULT_BACKEND = None
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# A task a dead worker held comes back after 5 minutes rather than an hour. Safe however
# long a task runs: work reaches workers through the outbox (core/outbox.py), whose claims
# make a second delivery of the same task do nothing.
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 300, "socket_connect_timeout": 5}
CELERY_TIMEZONE = "UTC"
CELERY_BEAT_SCHEDULE = {
    # Runs what the outbox holds: work whose kick a broker outage lost, retries, and work
    # a dead worker left unfinished (core/outbox.py).
    "drain-outbox": {"task": "core.drain_outbox", "schedule": 60.0},
    "expire-bookings": {"task": "networking.expire_bookings", "schedule": 3600.0},
    # Hourly, but each person gets at most one digest a day (networking.tasks).
    "send-digests": {"task": "networking.send_digests", "schedule": 3600.0},
    "remind-overdue-invoices": {"task": "networking.remind_overdue_invoices", "schedule": 86400.0},
}

# A booking request (or new terms, or an acceptance) that nobody answers in this many
# days expires.
PODIUM_BOOKING_ANSWER_DAYS = 14

# --- E-mail -------------------------------------------------------------------------
# Every message is stored in the outbox (core/outbox.py), which delivers it through
# PODIUM_EMAIL_DELIVERY_BACKEND.
EMAIL_BACKEND = "core.mail.QueuedEmailBackend"
PODIUM_EMAIL_DELIVERY_BACKEND = (
    env.EMAIL_DELIVERY_BACKEND or "django.core.mail.backends.smtp.EmailBackend"
)
DEFAULT_FROM_EMAIL = env.DEFAULT_FROM_EMAIL
SERVER_EMAIL = env.SERVER_EMAIL
EMAIL_HOST = env.EMAIL_HOST
EMAIL_PORT = env.EMAIL_PORT
EMAIL_HOST_USER = env.EMAIL_HOST_USER
EMAIL_HOST_PASSWORD = env.EMAIL_HOST_PASSWORD
EMAIL_USE_TLS = env.EMAIL_USE_TLS
EMAIL_TIMEOUT = 10

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
