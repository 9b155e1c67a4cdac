from django.apps import AppConfig


class IntakeConfig(AppConfig):
    name = "koers.intake"
    label = "intake"
    verbose_name = "Aanvragen"

    def ready(self) -> None:
        from django.utils.translation import gettext_lazy as _

        from koers.intake import (  # noqa: F401  (register the 24-hour sweep, the demo data)
            demo,
            jobs,
            messages,
        )
        from koers.intake.rules import ruleset as intake_ruleset
        from koers.trajectories.centre_mail import CentreMail, register_centre_mail
        from koers.trajectories.rulesets import ProgrammeRuleset, register_ruleset

        # Shown on the rule-set page; a lead stores no version (it is judged by its arrival on
        # every read), so new intake versions are not published as data yet.
        register_ruleset(
            ProgrammeRuleset(
                key="intake",
                label=_("Aanvragen"),
                noun=_("aanvragen"),
                ruleset_class=intake_ruleset.Ruleset,
                builtins=intake_ruleset.RULESETS,
                labels=intake_ruleset.PARAMETER_LABELS,
                not_publishable=_(
                    "Een aanvraag bewaart (nog) niet onder welke versie ze beoordeeld wordt: een "
                    "nieuwe versie van de aanvraagregels komt met een nieuwe release van Koers."
                ),
            )
        )
        # INT-04 / COM-01: every programme writes to clients in the centre's house style.
        register_centre_mail(
            CentreMail(
                name=messages.centre_name,
                address=messages.centre_address,
                sender=messages.centre_sender,
                signature=messages.centre_signature,
                render_body=messages.render_body,
                send=messages.send_centre_mail,
            )
        )
