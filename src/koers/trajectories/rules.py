"""Programme-neutral rules of the trajectory core. Pure: no Django, no clock."""

from dataclasses import dataclass
from datetime import datetime, timedelta

# Trajectory status machine: from -> allowed targets.
TRAJECTORY_TRANSITIONS: dict[str, frozenset[str]] = {
    "planned": frozenset({"active", "cancelled"}),
    "active": frozenset({"closed", "cancelled"}),
    "closed": frozenset(),
    "cancelled": frozenset(),
}

OPEN_STATUSES = frozenset({"planned", "active"})


def can_transition(current: str, target: str) -> bool:
    return target in TRAJECTORY_TRANSITIONS.get(current, frozenset())


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
