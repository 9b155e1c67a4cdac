from django.apps import AppConfig


class TransitionConfig(AppConfig):
    name = "koers.transition"
    label = "transition"
    verbose_name = "Doorstroom sociale economie"

    def ready(self) -> None:
        from django.utils.translation import gettext_lazy as _

        from koers.trajectories.models import Programme
        from koers.trajectories.rulesets import ProgrammeRuleset, Usage, register_ruleset
        from koers.trajectories.selectors import (
            register_programme_phases,
            register_programme_relation,
        )
        from koers.trajectories.services import (
            register_programme_opener,
            register_programme_plan_check,
        )
        from koers.transition import (
            demo,  # noqa: F401  (registers its part of manage.py demo)
            jobs,  # noqa: F401  (registers its sweep jobs)
            signals,
        )
        from koers.transition.models import TransitionFile
        from koers.transition.rules import phases
        from koers.transition.rules import ruleset as transition_ruleset
        from koers.transition.services.opening import open_for_programme
        from koers.transition.services.plan import transition_plan_check

        signals.connect()  # TRN-13: every write of what the KPIs count forgets their memos
        # A transition trajectory always gets its file (TRN-01), wherever it is opened.
        register_programme_opener(Programme.TRANSITION, open_for_programme)
        register_programme_relation("transition")
        # TRN-07: every write of a PDP, whichever page or API made it, passes the PDP rules.
        register_programme_plan_check(Programme.TRANSITION, transition_plan_check)
        register_programme_phases(
            Programme.TRANSITION, {p.value: str(label) for p, label in phases.PHASE_LABELS.items()}
        )
        register_ruleset(
            ProgrammeRuleset(
                key=Programme.TRANSITION,
                label=_("Doorstroom sociale economie"),
                noun=_("doorstroomtraject"),
                ruleset_class=transition_ruleset.TransitionRuleset,
                builtins=transition_ruleset.RULESETS,
                labels=transition_ruleset.PARAMETER_LABELS,
                locked=frozenset({"sam_levels"}),
                check=transition_ruleset.parameter_problems,
                to_confirm=transition_ruleset.TO_CONFIRM,
                usage=Usage(
                    rows=lambda: TransitionFile.objects.all(),
                    version_field="ruleset_version",
                    judged_on="referred_on",
                ),
            )
        )
