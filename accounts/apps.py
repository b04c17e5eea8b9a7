from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = "Accounts"

    def ready(self):
        # Imported once the models are loaded: at the top of this module it would import
        # them while the app registry is still loading this app, an import cycle.
        from accounts import signals  # noqa: F401 (importing connects the signal receivers)
