from django.apps import AppConfig


class MediationConfig(AppConfig):
    name = "koers.mediation"
    label = "mediation"
    verbose_name = "Intensieve bemiddeling"

    def ready(self) -> None:
        from django.utils.translation import gettext_lazy as _

        from koers.mediation import demo, jobs  # noqa: F401  (register the closing sweeps, the demo data)
        from koers.mediation.models import MediationService, ServiceState
        from koers.mediation.rules import ruleset as mediation_ruleset
        from koers.mediation.services import mediation_contact_check, open_for_programme
        from koers.trajectories.models import Programme
        from koers.trajectories.rulesets import ProgrammeRuleset, Usage, register_ruleset
        from koers.trajectories.selectors import (
            register_programme_phases,
            register_programme_relation,
        )
        from koers.trajectories.services import (
            register_programme_contact_check,
            register_programme_opener,
        )

        # A mediation trajectory always gets its service row (MED-01), wherever it is opened.
        register_programme_opener(Programme.MEDIATION, open_for_programme)
        register_programme_relation("mediation")
        register_programme_contact_check(Programme.MEDIATION, mediation_contact_check)
        register_programme_phases(
            Programme.MEDIATION, {s.value: str(s.label) for s in ServiceState}
        )
        # The MED-12 numbers (per tender, passive month-ends and codes) are settled elsewhere and
        # are not changed on the rule-set page; a service stores its version (its referral date).
        register_ruleset(
            ProgrammeRuleset(
                key=Programme.MEDIATION,
                label=_("Intensieve bemiddeling"),
                noun=_("intensieve bemiddeling"),
                ruleset_class=mediation_ruleset.Ruleset,
                builtins=mediation_ruleset.RULESETS,
                labels=mediation_ruleset.PARAMETER_LABELS,
                locked=frozenset({"tenders", "passive_month_ends", "passive_codes"}),
                formatters={"tenders": mediation_ruleset.tenders_text},
                usage=Usage(
                    rows=lambda: MediationService.objects.all(),
                    version_field="ruleset_version",
                    judged_on="referral_date",
                ),
            )
        )
        from koers.mediation import signals

        signals.connect()  # keeps the deadline rows equal to the rules (issue 14)
