"""TRN-01: after every change to a file, the trajectory's phase follows the recorded facts."""

from koers.core.history import save_with_user
from koers.core.models import User
from koers.transition import models as m
from koers.transition.rules.phases import phase_of
from koers.transition.selectors.facts import trajectory_facts


def phase_refresh(file: m.TransitionFile, *, acting_user: User | None) -> str:
    """Store where the worker is now (a phase value such as "2.1"); returns it."""
    position = phase_of(trajectory_facts(file))
    phase = position.phase.value if position else ""
    trajectory = file.trajectory
    if trajectory.phase != phase:
        trajectory.phase = phase
        save_with_user(trajectory, acting_user, update_fields=["phase"])
    return phase
