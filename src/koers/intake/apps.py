from django.apps import AppConfig


class IntakeConfig(AppConfig):
    name = "koers.intake"
    label = "intake"
    verbose_name = "Aanvragen"
