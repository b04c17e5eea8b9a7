from django.apps import AppConfig


class PortfolioConfig(AppConfig):
    name = "portfolio"
    verbose_name = "Portfolio"

    def ready(self):
        # Imported once the models are loaded: at the top of this module it would import
        # them while the app registry is still loading this app, an import cycle.
        from portfolio import signals  # noqa: F401 (importing connects the signal receivers)
