from django.apps import AppConfig


class CircleConfig(AppConfig):
    name = "circle"
    verbose_name = "Circle"
    default_auto_field = "django.db.models.BigAutoField"
