"""Celery, its schedule, and e-mail (sent through the outbox). Read through base."""

from config.settings import env

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
# long a task runs: work reaches workers through the outbox (core/jobs/outbox.py), whose claims
# make a second delivery of the same task do nothing.
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 300, "socket_connect_timeout": 5}
CELERY_TIMEZONE = "UTC"
CELERY_BEAT_SCHEDULE = {
    # Runs what the outbox holds: work whose kick a broker outage lost, retries, and work
    # a dead worker left unfinished (core/jobs/outbox.py).
    "drain-outbox": {"task": "core.drain_outbox", "schedule": 60.0},
    "expire-bookings": {"task": "networking.expire_bookings", "schedule": 3600.0},
    # Hourly, but each person gets at most one digest a day (networking.tasks).
    "send-digests": {"task": "networking.send_digests", "schedule": 3600.0},
    "remind-overdue-invoices": {"task": "networking.remind_overdue_invoices", "schedule": 86400.0},
    # Weekly; a member is reminded at most once in six days (circle.tasks).
    "circle-digests": {"task": "circle.send_digests", "schedule": 7 * 86400.0},
    # The fair-rate figures are a daily snapshot, so one new booking cannot be isolated by
    # looking before and after it (insight.services.fair_rates); old view counters go too.
    "insight-daily": {"task": "insight.daily", "schedule": 86400.0},
}

# A booking request (or new terms, or an acceptance) that nobody answers in this many
# days expires.
PODIUM_BOOKING_ANSWER_DAYS = 14

# --- E-mail -------------------------------------------------------------------------
# Every message is stored in the outbox (core/jobs/outbox.py), which delivers it through
# PODIUM_EMAIL_DELIVERY_BACKEND.
EMAIL_BACKEND = "core.jobs.mail.QueuedEmailBackend"
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
