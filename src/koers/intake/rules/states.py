"""INT-06: the lead's states and the moves between them."""

UNASSIGNED = "unassigned"  # no available coach found: the centre routes it by hand
NEW = "new"  # routed (or handed over) to a coach, not yet contacted
ACKNOWLEDGED = "acknowledged"  # INT-03 message sent; the call is planned
MATCHED = "matched"  # a first session (the free introductory conversation) is planned
NO_MATCH = "no_match"
CLIENT = "client"  # linked to a client file

LEAD_TRANSITIONS: dict[str, frozenset[str]] = {
    UNASSIGNED: frozenset({NEW}),
    # A hand-over keeps the lead NEW, for the receiving coach.
    NEW: frozenset({NEW, ACKNOWLEDGED, MATCHED, NO_MATCH}),
    ACKNOWLEDGED: frozenset({NEW, ACKNOWLEDGED, MATCHED, NO_MATCH}),
    MATCHED: frozenset({CLIENT, NO_MATCH}),
    NO_MATCH: frozenset(),
    CLIENT: frozenset(),
}

OPEN_STATES = frozenset({UNASSIGNED, NEW, ACKNOWLEDGED})


def can_transition(current: str, target: str) -> bool:
    return target in LEAD_TRANSITIONS.get(current, frozenset())
