"""The two status fields of a mediation service and the moves each may make.

`ServiceState` is where the service stands (MED-01 .. MED-17); `LadderState` (in `ladder`) is the
first-appointment ladder (MED-02 .. MED-04). The models build their choices from these constants;
`service_set_state` and `ladder_set_state` check every move against the tables below.
"""

from collections.abc import Mapping
from enum import StrEnum
from types import MappingProxyType

from koers.mediation.rules.ladder import TRANSITIONS, LadderState


class ServiceState(StrEnum):
    INCOMPLETE = "incomplete"  # MED-01: opened without the referral's details
    REFERRED = "referred"  # MED-01: "Nieuwe service"
    FIRST_PRESENT = "first_present"  # MED-04: present on the first appointment
    MEDIATING = "mediating"  # MED-06: the mediation process started
    TO_CLOSE = "to_close"  # MED-12/13: "ter afsluiting"
    CLOSED = "closed"  # MED-14..17
    STOPPED = "stopped"  # MED-03: refused for absence


OPEN_STATES: tuple[ServiceState, ...] = (
    ServiceState.INCOMPLETE,
    ServiceState.REFERRED,
    ServiceState.FIRST_PRESENT,
    ServiceState.MEDIATING,
    ServiceState.TO_CLOSE,
)
ENDED_STATES = frozenset({ServiceState.CLOSED, ServiceState.STOPPED})

# Every move the services make, and nothing else:
#   INCOMPLETE -> REFERRED        the referral is completed (MED-01)
#   REFERRED -> FIRST_PRESENT     present on a first appointment (MED-04)
#   INCOMPLETE/REFERRED -> STOPPED  the ladder stopped for absence (MED-03, also the sweep's
#                                 catch-up for a ladder that stopped while the service is open)
#   FIRST_PRESENT -> MEDIATING    "Start bemiddelingsproces" (MED-06)
#   MEDIATING -> TO_CLOSE         the mediation process ended (MED-12/13)
#   TO_CLOSE -> CLOSED            final advice, automatically or by VDAB (MED-14..17)
SERVICE_MOVES: Mapping[str, frozenset[str]] = MappingProxyType(
    {
        ServiceState.INCOMPLETE: frozenset({ServiceState.REFERRED, ServiceState.STOPPED}),
        ServiceState.REFERRED: frozenset({ServiceState.FIRST_PRESENT, ServiceState.STOPPED}),
        ServiceState.FIRST_PRESENT: frozenset({ServiceState.MEDIATING}),
        ServiceState.MEDIATING: frozenset({ServiceState.TO_CLOSE}),
        ServiceState.TO_CLOSE: frozenset({ServiceState.CLOSED}),
        ServiceState.CLOSED: frozenset(),
        ServiceState.STOPPED: frozenset(),
    }
)
SERVICE_RULE = "MED-01"


def _ladder_moves() -> Mapping[str, frozenset[str]]:
    moves: dict[str, set[str]] = {state: set() for state in LadderState}
    for (before, _outcome), after in TRANSITIONS.items():
        moves[before].add(after)
    return MappingProxyType({state: frozenset(after) for state, after in moves.items()})


# The MED-03 ladder as "from -> to": the moves of `ladder.TRANSITIONS`, whatever the outcome.
LADDER_MOVES: Mapping[str, frozenset[str]] = _ladder_moves()
LADDER_RULE = "MED-03"
