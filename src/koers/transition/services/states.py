"""The one door for each status of the transition programme: the referral's state (TRN-02) and
a measure's state (TRN-09..12). Each checks the move against its rule table, writes, saves with
the acting user and records the move (core.StateChange). No other code assigns these fields."""

from koers.core.models import StateChange, User
from koers.core.states import record_state, set_state
from koers.transition import models as m
from koers.transition.rules import measure_states, referral


def referral_set_state(
    file: m.TransitionFile, new: str, *, acting_user: User | None, **move
) -> StateChange | None:
    """Move the referral to `new`; refused outside `REFERRAL_TRANSITIONS` (TRN-02)."""
    return set_state(
        file,
        "referral_state",
        new,
        table=referral.REFERRAL_TRANSITIONS,
        rule="TRN-02",
        acting_user=acting_user,
        **move,
    )


def measure_set_state(
    measure: m.Measure, new: str, *, acting_user: User | None, **move
) -> StateChange | None:
    """Move a measure to `new`; refused outside `MEASURE_MOVES` (TRN-09..12)."""
    return set_state(
        measure,
        "state",
        new,
        table=measure_states.MEASURE_MOVES,
        rule=measure_states.MEASURE_RULE,
        acting_user=acting_user,
        **move,
    )


def record_first_state(obj, field: str, *, acting_user: User | None) -> None:
    """A new file or measure: its first state, from ''."""
    record_state(obj, field, "", getattr(obj, field), acting_user=acting_user)
