from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "koers.portal"
    label = "portal"
    verbose_name = "Cliëntenportaal"
