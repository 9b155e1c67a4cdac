from django.apps import AppConfig


class BillingConfig(AppConfig):
    name = "koers.billing"
    label = "billing"
    verbose_name = "Uren en facturatie"

    def ready(self) -> None:
        # Register the sweep jobs: settlement and statement mails (BIL-03), reminders (BIL-05/06),
        # delivery reminders (BIL-01).
        from koers.billing.jobs import coaches, delivery, hours  # noqa: F401
