from django.apps import AppConfig


class BillingConfig(AppConfig):
    name = "koers.billing"
    label = "billing"
    verbose_name = "Uren en facturatie"

    def ready(self) -> None:
        from django.utils.translation import gettext_lazy as _

        # Register the sweep jobs: settlement and statement mails (BIL-03), reminders (BIL-05/06),
        # delivery reminders (BIL-01), invoice delivery (BIL-04).
        from koers.billing import demo_invoices  # noqa: F401  (its part of manage.py demo)
        from koers.billing.jobs import coaches, delivery, hours  # noqa: F401
        from koers.billing.jobs import invoices as invoice_jobs  # noqa: F401  (BIL-04 delivery)
        from koers.billing.rules import ruleset as billing_ruleset
        from koers.trajectories.rulesets import ProgrammeRuleset, register_ruleset

        # The billing numbers (RULESET): built-in "2026-seeds" with Koers' placeholders
        # (`TO_CONFIRM`), then what an administrator publishes on Centrum ▾ Regelsets. No `usage`:
        # a billing row stores no version; a settled statement is frozen with its hours
        # (docs/decisions.md, BIL rule set). The VAT codes and the currency are Peppol's code
        # lists, not a funder's number: they are not changed on that page.
        register_ruleset(
            ProgrammeRuleset(
                key="billing",
                label=_("Facturatie"),
                noun=_("facturatie"),
                ruleset_class=billing_ruleset.BillingRuleset,
                builtins=billing_ruleset.RULESETS,
                labels=billing_ruleset.PARAMETER_LABELS,
                locked=frozenset({"vat_standard_category", "vat_exempt_category", "currency"}),
                check=billing_ruleset.parameter_problems,
                to_confirm=billing_ruleset.TO_CONFIRM,
            )
        )
