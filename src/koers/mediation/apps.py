from django.apps import AppConfig


class MediationConfig(AppConfig):
    name = "koers.mediation"
    label = "mediation"
    verbose_name = "Intensieve bemiddeling"
