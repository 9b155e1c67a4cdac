from django.apps import AppConfig


class WorkplaceConfig(AppConfig):
    name = "koers.workplace"
    label = "workplace"
    verbose_name = "Werkplek"
