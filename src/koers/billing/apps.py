from django.apps import AppConfig


class BillingConfig(AppConfig):
    name = "koers.billing"
    label = "billing"
    verbose_name = "Uren en facturatie"

    def ready(self) -> None:
        # Register the sweep jobs: settlement and statement mails (BIL-03), reminders (BIL-05/06).
        from koers.billing import demo_invoices  # noqa: F401  (its part of manage.py demo)
        from koers.billing.jobs import coaches, hours  # noqa: F401
        from koers.billing.jobs import invoices as invoice_jobs  # noqa: F401  (BIL-04 delivery)
