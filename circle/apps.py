from django.apps import AppConfig


class CircleConfig(AppConfig):
    name = "circle"
    verbose_name = "Circle"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Networking's booking page shows suggested speakers through a registry it owns
        # (it may not import the circle). Selectors import models: at the top of this
        # module they would load while the app registry is still filling, a cycle.
        from circle.selectors.referrals import booking_suggestions  # app-loading cycle
        from networking.booking_suggestions import register  # app-loading cycle

        register(booking_suggestions)

        # Signal receivers import models, which exist only once the app registry is ready.
        from circle import signals  # noqa: F401 (connects the receivers; app-loading cycle)
