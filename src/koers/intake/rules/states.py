"""INT-06: the lead's states and the moves between them.

Every change of a lead's state goes through one door,
`koers.intake.services.states.lead_state_move`, which asks `can_transition`: a move the table does
not list is refused, and the move is recorded (`koers.core.states.set_state`)."""

UNASSIGNED = "unassigned"  # no available coach found: the centre routes it by hand
NEW = "new"  # routed (or handed over) to a coach, not yet contacted
ACKNOWLEDGED = "acknowledged"  # INT-03 message sent; the call is planned
MATCHED = "matched"  # a first session (the free introductory conversation) is planned
NO_MATCH = "no_match"
CLIENT = "client"  # linked to a client file

LEAD_TRANSITIONS: dict[str, frozenset[str]] = {
    # A re-routing that again finds no available coach leaves it with the centre.
    UNASSIGNED: frozenset({UNASSIGNED, NEW}),
    # A hand-over or a re-routing keeps the lead NEW, for the receiving coach. A lead that has
    # a coach never falls back to UNASSIGNED: without an available colleague it stays put.
    NEW: frozenset({NEW, ACKNOWLEDGED, MATCHED, NO_MATCH}),
    ACKNOWLEDGED: frozenset({NEW, ACKNOWLEDGED, MATCHED, NO_MATCH}),
    MATCHED: frozenset({CLIENT, NO_MATCH}),
    NO_MATCH: frozenset(),
    CLIENT: frozenset(),
}

OPEN_STATES = frozenset({UNASSIGNED, NEW, ACKNOWLEDGED})


def can_transition(current: str, target: str) -> bool:
    return target in LEAD_TRANSITIONS.get(current, frozenset())
