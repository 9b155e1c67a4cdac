from django.apps import AppConfig


class BillingConfig(AppConfig):
    name = "koers.billing"
    label = "billing"
    verbose_name = "Uren en facturatie"

    def ready(self) -> None:
        from koers.billing import jobs  # noqa: F401  (hours: the settlement and mail sweeps, BIL-03)
