"""The Celery app. Settings come from Django (CELERY_*): JSON only, eager without a broker."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")

app = Celery("podium")
app.config_from_object("django.conf:settings", namespace="CELERY")
# Each installed app's tasks module, and the core app's, which live beside their code.
app.autodiscover_tasks()
app.autodiscover_tasks(["core.jobs", "core.media"])
