from django.apps import AppConfig


class InsightConfig(AppConfig):
    name = "insight"
    verbose_name = "Insight"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Signal receivers import models, which exist only once the app registry is ready.
        from insight import signals  # noqa: F401 (connects the receivers; app-loading cycle)
