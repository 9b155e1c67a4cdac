"""Pure rules of the trajectory core: the status machine and overlap of time slots."""

from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from koers.trajectories.rules import (
    TRAJECTORY_TRANSITIONS,
    Slot,
    can_transition,
    first_overlap,
    overlaps,
)

BASE = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def test_closed_and_cancelled_are_final():
    for status in ("closed", "cancelled"):
        assert not any(can_transition(status, target) for target in TRAJECTORY_TRANSITIONS)


def test_allowed_moves():
    assert can_transition("planned", "active")
    assert can_transition("active", "closed")
    assert not can_transition("planned", "closed")
    assert not can_transition("active", "planned")
    assert not can_transition("unknown", "active")


def test_touching_slots_do_not_overlap():
    assert not overlaps(Slot(BASE, 60), Slot(BASE + timedelta(minutes=60), 30))
    assert overlaps(Slot(BASE, 61), Slot(BASE + timedelta(minutes=60), 30))


slots = st.builds(
    Slot,
    starts_at=st.integers(min_value=0, max_value=60 * 24).map(
        lambda m: BASE + timedelta(minutes=m)
    ),
    duration_minutes=st.integers(min_value=1, max_value=240),
)


@given(slots, slots)
def test_overlap_is_symmetric(a, b):
    assert overlaps(a, b) == overlaps(b, a)


@given(slots)
def test_a_slot_overlaps_itself(a):
    assert overlaps(a, a)


@given(slots, st.lists(slots, max_size=10))
def test_first_overlap_finds_a_clash_exactly_when_one_exists(new, existing):
    clash = first_overlap(new, existing)
    assert (clash is not None) == any(overlaps(new, s) for s in existing)
    if clash is not None:
        assert overlaps(new, clash)
