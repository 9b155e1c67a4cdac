from django.apps import AppConfig


class BillingConfig(AppConfig):
    name = "koers.billing"
    label = "billing"
    verbose_name = "Uren en facturatie"

    def ready(self):
        from koers.billing.jobs import coaches  # noqa: F401  (registers the sweep jobs)
