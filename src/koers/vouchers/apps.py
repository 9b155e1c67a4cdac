from django.apps import AppConfig


class VouchersConfig(AppConfig):
    name = "koers.vouchers"
    label = "vouchers"
    verbose_name = "Loopbaancheques"

    def ready(self) -> None:
        from django.utils.translation import gettext_lazy as _

        from koers.trajectories.models import Programme
        from koers.trajectories.rulesets import ProgrammeRuleset, Usage, register_ruleset
        from koers.trajectories.selectors import (
            register_programme_phases,
            register_programme_relation,
        )
        from koers.trajectories.services import (
            register_programme_closing,
            register_programme_contact_check,
            register_programme_opener,
            register_programme_plan_check,
        )
        from koers.vouchers import demo, jobs  # noqa: F401  (register the evaluation sweep, the demo data)
        from koers.vouchers.models import Voucher
        from koers.vouchers.rules import ruleset as voucher_ruleset
        from koers.vouchers.rules.phases import PHASE_LABELS
        from koers.vouchers.services import voucher_contact_check, voucher_open, voucher_plan_check

        def open_voucher(*, title: str = "", **kwargs):
            # A voucher trajectory always gets its number and rule set (LBC-01).
            return voucher_open(**kwargs).trajectory

        register_programme_opener(Programme.VOUCHER, open_voucher)
        register_programme_relation("voucher")
        register_programme_phases(
            Programme.VOUCHER, {p.value: label for p, label in PHASE_LABELS.items()}
        )
        register_programme_contact_check(Programme.VOUCHER, voucher_contact_check)
        register_programme_plan_check(Programme.VOUCHER, voucher_plan_check)

        def close_on_the_voucher_page(trajectory) -> str | None:
            if not Voucher.objects.filter(trajectory=trajectory).exists():
                return None
            return str(
                _(
                    "Een loopbaancheque sluit u af met “Cheque afronden” op de chequepagina: daar "
                    "ziet u wat nog openstaat en geeft u de reden als de begeleiding vroeger stopt."
                )
            )

        register_programme_closing(Programme.VOUCHER, close_on_the_voucher_page)
        # The funder's numbers: built-in versions plus those an administrator publishes. A
        # voucher stores its version; it was chosen by the voucher's start date (LBC-01).
        register_ruleset(
            ProgrammeRuleset(
                key=Programme.VOUCHER,
                label=_("Loopbaancheques"),
                noun=_("loopbaancheques"),
                ruleset_class=voucher_ruleset.Ruleset,
                builtins=voucher_ruleset.RULESETS,
                labels=voucher_ruleset.PARAMETER_LABELS,
                check=voucher_ruleset.parameter_problems,
                usage=Usage(
                    rows=lambda: Voucher.objects.all(),
                    version_field="ruleset_version",
                    judged_on="trajectory__start_date",
                ),
            )
        )
        import koers.vouchers.lead_intake  # noqa: F401  (registers the lead takeover, INT-08)
        from koers.trajectories.billable import register_aftercare_hours, register_billable_hours
        from koers.trajectories.dossiers import register_dossier_facts
        from koers.vouchers.billing_dossiers import voucher_dossiers
        from koers.vouchers.billing_hours import voucher_aftercare_hours, voucher_billable_hours
        from koers.vouchers.services.dossier_tally import trajectories_by_dossier

        # What billing reads of the voucher programme (docs/architecture.md, the registries).
        register_billable_hours(Programme.VOUCHER, voucher_billable_hours)  # BIL-02/03
        register_aftercare_hours(Programme.VOUCHER, voucher_aftercare_hours)  # BIL-02, never paid
        register_dossier_facts(  # BIL-01
            Programme.VOUCHER, voucher_dossiers, trajectories_by_dossier
        )
        from koers.vouchers import signals

        signals.connect()  # keeps the counted contacts equal to the replay (issue 14)
