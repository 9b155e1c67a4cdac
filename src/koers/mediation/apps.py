from django.apps import AppConfig


class MediationConfig(AppConfig):
    name = "koers.mediation"
    label = "mediation"
    verbose_name = "Intensieve bemiddeling"

    def ready(self) -> None:
        from koers.mediation import jobs  # noqa: F401  (registers the closing sweeps)
        from koers.mediation.models import ServiceState
        from koers.mediation.services import mediation_contact_check, open_for_programme
        from koers.trajectories.models import Programme
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
