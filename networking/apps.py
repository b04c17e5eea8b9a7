from django.apps import AppConfig


class NetworkingConfig(AppConfig):
    name = "networking"
    verbose_name = "Networking"

    def ready(self):
        # Models and signal receivers can only be imported once the app registry is ready
        # (importing them at the top would be a cycle with Django's app loading).
        from core.media.files import delete_files_with_rows  # app-loading cycle, see above
        from networking import signals  # noqa: F401 (connects the receivers; app-loading cycle)
        from networking.models import Attachment, Organization  # app-loading cycle

        delete_files_with_rows(Attachment, "file")
        delete_files_with_rows(Organization, "logo")
