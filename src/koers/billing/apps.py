from django.apps import AppConfig


class BillingConfig(AppConfig):
    name = "koers.billing"
    label = "billing"
    verbose_name = "Uren en facturatie"
