from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "koers.portal"
    label = "portal"
    verbose_name = "Cliëntenportaal"

    def ready(self) -> None:
        from koers.portal import jobs  # noqa: F401  (registers the sign-in link clean-up)
