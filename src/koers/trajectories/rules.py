"""Programme-neutral rules of the trajectory core. Pure: no Django, no clock."""

from dataclasses import dataclass
from datetime import datetime, timedelta

# The trajectory's states (`Trajectory.status`, the enum `TrajectoryStatus` takes these values).
PLANNED = "planned"
ACTIVE = "active"
CLOSED = "closed"
CANCELLED = "cancelled"

# The rule ID a refused trajectory move names: Koers' own rule, not a funder's.
STATUS_RULE = "TRAJECTORY"

# Trajectory status machine: from -> allowed targets.
TRAJECTORY_TRANSITIONS: dict[str, frozenset[str]] = {
    PLANNED: frozenset({ACTIVE, CANCELLED}),
    ACTIVE: frozenset({CLOSED, CANCELLED}),
    CLOSED: frozenset(),
    CANCELLED: frozenset(),
}

OPEN_STATUSES = frozenset({PLANNED, ACTIVE})
# The states a move into ends the trajectory: it gets its end date.
ENDED_STATUSES = frozenset({CLOSED, CANCELLED})


def can_transition(current: str, target: str) -> bool:
    return target in TRAJECTORY_TRANSITIONS.get(current, frozenset())


# A document's states (`Document.status`). Any state may follow any other: a coach corrects a
# status chosen by mistake, and a generated document can be generated again.
MISSING = "missing"
GENERATED = "generated"
SIGNED = "signed"
ORIGINAL_RECEIVED = "original_received"
DOCUMENT_STATUSES = (MISSING, GENERATED, SIGNED, ORIGINAL_RECEIVED)
DOCUMENT_STATUS_RULE = "DOCUMENT"
DOCUMENT_TRANSITIONS: dict[str, frozenset[str]] = {
    status: frozenset(DOCUMENT_STATUSES) - {status} for status in DOCUMENT_STATUSES
}

# The longest contact the core accepts (Koers' own bound; programmes set their own within it).
MAX_CONTACT_MINUTES = 12 * 60


@dataclass(frozen=True)
class Slot:
    starts_at: datetime
    duration_minutes: int

    @property
    def ends_at(self) -> datetime:
        return self.starts_at + timedelta(minutes=self.duration_minutes)


def overlaps(a: Slot, b: Slot) -> bool:
    """Two slots overlap when each starts before the other ends (touching is fine)."""
    return a.starts_at < b.ends_at and b.starts_at < a.ends_at


def first_overlap(new: Slot, existing: list[Slot]) -> Slot | None:
    return next((slot for slot in existing if overlaps(new, slot)), None)
