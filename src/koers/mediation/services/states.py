"""The one door for each status of a mediation service: `state` and `ladder_state`.

Both check the move against the table in `rules.states`, write the field (with the other fields
the caller changed, `also_save`), save with the acting user and record the move (core.StateChange).
No other code assigns these fields (tests/mediation/test_state_doors.py).
"""

from koers.core.models import StateChange, User
from koers.core.states import record_state, set_state
from koers.mediation import models as m
from koers.mediation.rules import states as state_rules


def service_set_state(
    service: m.MediationService, new: str, *, acting_user: User | None, **move
) -> StateChange | None:
    """Move the service to `new` (MED-01 .. MED-17); refused outside `SERVICE_MOVES`.
    `move`: `why`, `at` and `also_save` as `core.states.set_state` takes them."""
    return set_state(
        service,
        "state",
        new,
        table=state_rules.SERVICE_MOVES,
        rule=state_rules.SERVICE_RULE,
        acting_user=acting_user,
        **move,
    )


def ladder_set_state(
    service: m.MediationService, new: str, *, acting_user: User | None, **move
) -> StateChange | None:
    """Move the first-appointment ladder to `new` (MED-03); refused outside `LADDER_MOVES`."""
    return set_state(
        service,
        "ladder_state",
        new,
        table=state_rules.LADDER_MOVES,
        rule=state_rules.LADDER_RULE,
        acting_user=acting_user,
        **move,
    )


def states_record_first(service: m.MediationService, *, acting_user: User | None) -> None:
    """A new service: its first state and the first rung of the ladder, each from ''."""
    for field in ("state", "ladder_state"):
        record_state(service, field, "", getattr(service, field), acting_user=acting_user)
