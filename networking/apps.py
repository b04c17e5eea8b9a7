from django.apps import AppConfig


class NetworkingConfig(AppConfig):
    name = "networking"
    verbose_name = "Networking"

    def ready(self):
        # Models and signal receivers can only be imported once the app registry is ready.
        from core.media.files import delete_files_with_rows
        from networking import signals  # noqa: F401 (connects the signal receivers)
        from networking.models import Attachment, Organization

        delete_files_with_rows(Attachment, "file")
        delete_files_with_rows(Organization, "logo")
