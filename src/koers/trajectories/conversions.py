"""A lead becomes a client (INT-08): what a programme adds to the trajectory opened for it.

The intake programme opens the trajectory through `programme_open`; the programme of that
trajectory registers (in its `AppConfig.ready()`) how it takes over what the lead brings: the
career question and the free introductory conversation, logged as a contact that never counts.
Intake never imports another programme; a programme without a hook takes nothing over.
"""

from collections.abc import Callable
from dataclasses import dataclass

from koers.core.models import User
from koers.trajectories.models import Contact, Trajectory
from koers.trajectories.services import ContactData


@dataclass(frozen=True)
class LeadTakeover:
    """What a converted lead brings to its new trajectory."""

    career_question: str
    introduction: ContactData | None  # the introduction as a contact; None without one


# (trajectory, takeover, acting_user) -> the introduction's contact, or None.
ConversionHook = Callable[[Trajectory, LeadTakeover, User], Contact | None]
_PROGRAMME_CONVERSIONS: dict[str, ConversionHook] = {}


def register_programme_conversion(programme: str, hook: ConversionHook) -> None:
    _PROGRAMME_CONVERSIONS[programme] = hook


def programme_take_over(
    trajectory: Trajectory, takeover: LeadTakeover, *, acting_user: User
) -> Contact | None:
    """Let the trajectory's programme take over the lead; the introduction's contact comes back."""
    hook = _PROGRAMME_CONVERSIONS.get(trajectory.programme)
    if hook is None:
        return None
    return hook(trajectory, takeover, acting_user)
