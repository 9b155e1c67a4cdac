"""The demo's transition trajectories (clients 20–24 of the demo, the job coach's workers):
who proposed each worker as ready and why (TRN-02, TRN-15)."""

from koers.core.history import save_with_user
from koers.trajectories.demo import Built, register_trajectory_demo
from koers.trajectories.models import Programme

# (proposed by, proposer, why, job target) for the workers in the order the demo makes them.
PROPOSALS = (
    (
        "supervisor",
        "Werkleider Patrick",
        "Werkt zelfstandig en vraagt zelf naar meer",
        "Magazijnmedewerker in de logistiek",
    ),
    (
        "worker",
        "",
        "Wil graag een vast contract buiten het maatwerkbedrijf",
        "Groenarbeider bij een aannemer",
    ),
    (
        "coach",
        "",
        "Haalt al twee jaar de normen en helpt nieuwe collega's",
        "Productiemedewerker voeding",
    ),
    (
        "supervisor",
        "Instructeur An",
        "Stabiel, gemotiveerd, kan de plaats laten invullen",
        "Schoonmaker in de zorg",
    ),
    ("worker", "", "Wil dichter bij huis werken", "Chauffeur-koerier"),
)


def _referral(built: Built) -> None:
    file = built.trajectory.transition
    proposed_by, proposer, why, target = PROPOSALS[built.index % len(PROPOSALS)]
    file.proposed_by = proposed_by
    file.proposer_name = proposer
    file.why = why
    file.job_target = target
    save_with_user(file, built.responsible)


register_trajectory_demo(
    Programme.TRANSITION,
    title="Doorstroom naar het normaal economisch circuit",
    opened=_referral,
)
