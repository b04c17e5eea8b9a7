from django.apps import AppConfig


class NetworkingConfig(AppConfig):
    name = "networking"
    verbose_name = "Networking"

    def ready(self):
        from networking import policy  # noqa: F401 (registers the block source)
