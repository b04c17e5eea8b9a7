from django.apps import AppConfig


class CircleConfig(AppConfig):
    name = "circle"
    verbose_name = "Circle"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Signal receivers import models, which exist only once the app registry is ready.
        from circle import signals  # noqa: F401 (connects the receivers; app-loading cycle)
