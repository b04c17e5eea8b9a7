from django.apps import AppConfig


class StatementsConfig(AppConfig):
    name = "statements"
    verbose_name = "Statements"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Signal receivers import models, which exist only once the app registry is ready.
        from statements import signals  # noqa: F401 (connects the receivers; app-loading cycle)
