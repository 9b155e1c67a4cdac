"""Follow-up after a transition (TRN-17): from the first day of regular work or of the IBO, the
coach checks at each checkpoint (2 weeks, 6 months: parameters) whether the worker is still in
work or in the IBO, and records any change of employer. What is due on `today`, what is overdue,
when to remind, and whether the worker was still in place at a checkpoint (the KPIs 7 and 8).

Pure: no Django, no clock.

    first day ──(reminder)── due ──(grace)── overdue
                                  └── recorded: still in work / in IBO / stopped
"""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from types import MappingProxyType

from koers.lib.rules import Phrase, Reason, phrase, reason
from koers.transition.rules.measure_kinds import DEFAULT_RULES, MeasureRules, add_months


class Destination(StrEnum):
    """TRN-13: a transition is the move from the SEC to regular work or to an IBO."""

    WORK = "work"
    IBO = "ibo"


DESTINATION_LABELS: Mapping[str, Phrase] = MappingProxyType(
    {Destination.WORK: phrase("regulier werk"), Destination.IBO: phrase("IBO")}
)


class Checkpoint(StrEnum):
    """The checkpoints by position: their distance is a parameter (2 weeks, 6 months)."""

    FIRST = "first"
    SECOND = "second"


class FollowupStatus(StrEnum):
    IN_WORK = "in_work"
    IN_IBO = "in_ibo"
    STOPPED = "stopped"


FOLLOWUP_STATUS_LABELS: Mapping[str, Phrase] = MappingProxyType(
    {
        FollowupStatus.IN_WORK: phrase("nog aan het werk"),
        FollowupStatus.IN_IBO: phrase("nog in de IBO"),
        FollowupStatus.STOPPED: phrase("gestopt"),
    }
)
IN_PLACE = frozenset({FollowupStatus.IN_WORK, FollowupStatus.IN_IBO})


@dataclass(frozen=True)
class FollowupRecord:
    """What the coach found on `day`: at a checkpoint, or in between (a stop, a new employer)."""

    day: date
    status: FollowupStatus
    employer: str | None = None
    checkpoint: Checkpoint | None = None


@dataclass(frozen=True)
class TransitionFacts:
    first_day: date  # the first day of regular work or of the IBO
    destination: Destination
    employer: str | None = None
    records: tuple[FollowupRecord, ...] = ()


class CheckpointState(StrEnum):
    UPCOMING = "upcoming"
    REMINDER = "reminder"  # within the reminder days before the due day
    DUE = "due"  # from the due day through the grace days
    OVERDUE = "overdue"
    RECORDED = "recorded"
    CLOSED = "closed"  # the worker stopped before it: nothing left to check


@dataclass(frozen=True)
class CheckpointView:
    checkpoint: Checkpoint
    label: Phrase
    due: date
    remind_from: date
    state: CheckpointState
    record: FollowupRecord | None = None


def due_day(first_day: date, checkpoint: Checkpoint, rules: MeasureRules = DEFAULT_RULES) -> date:
    """TRN-17: 2 weeks (calendar days) and 6 calendar months after the first day."""
    if checkpoint == Checkpoint.FIRST:
        return first_day + timedelta(weeks=rules.followup_first_weeks)
    return add_months(first_day, rules.followup_second_months)


def checkpoint_label(checkpoint: Checkpoint, rules: MeasureRules = DEFAULT_RULES) -> Phrase:
    if checkpoint == Checkpoint.FIRST:
        return phrase("na {weeks} weken", weeks=rules.followup_first_weeks)
    return phrase("na {months} maanden", months=rules.followup_second_months)


def _ordered(records: tuple[FollowupRecord, ...]) -> list[FollowupRecord]:
    return sorted(records, key=lambda r: r.day)


def stopped_on(transition: TransitionFacts) -> date | None:
    """The first day a stop was recorded, or None."""
    stops = [r.day for r in transition.records if r.status == FollowupStatus.STOPPED]
    return min(stops) if stops else None


def checkpoint_record(transition: TransitionFacts, checkpoint: Checkpoint) -> FollowupRecord | None:
    return next((r for r in _ordered(transition.records) if r.checkpoint == checkpoint), None)


def still_in_place(
    transition: TransitionFacts, checkpoint: Checkpoint, rules: MeasureRules = DEFAULT_RULES
) -> bool | None:
    """TRN-13, TRN-17: was the worker still in regular work or the IBO at the checkpoint? False
    once a stop is recorded on or before its due day; True when a later record still finds the
    worker in place; None while nothing tells."""
    due = due_day(transition.first_day, checkpoint, rules)
    stop = stopped_on(transition)
    if stop is not None and stop <= due:
        return False
    if any(r.status in IN_PLACE and r.day >= due for r in transition.records):
        return True
    return None


def _state(
    due: date, remind_from: date, record, closed: bool, today: date, rules: MeasureRules
) -> CheckpointState:
    if record is not None:
        return CheckpointState.RECORDED
    if closed:
        return CheckpointState.CLOSED
    if today < remind_from:
        return CheckpointState.UPCOMING
    if today < due:
        return CheckpointState.REMINDER
    if today <= due + timedelta(days=rules.followup_grace_days):
        return CheckpointState.DUE
    return CheckpointState.OVERDUE


def checkpoint_views(
    transition: TransitionFacts, today: date, rules: MeasureRules = DEFAULT_RULES
) -> tuple[CheckpointView, ...]:
    """TRN-17: each checkpoint with its due day, reminder day and state on `today`."""
    stop = stopped_on(transition)
    views = []
    for checkpoint in Checkpoint:
        due = due_day(transition.first_day, checkpoint, rules)
        remind_from = due - timedelta(days=rules.followup_reminder_days)
        record = checkpoint_record(transition, checkpoint)
        closed = stop is not None and stop <= due
        state = _state(due, remind_from, record, closed, today, rules)
        views.append(
            CheckpointView(
                checkpoint, checkpoint_label(checkpoint, rules), due, remind_from, state, record
            )
        )
    return tuple(views)


def due_checkpoints(
    transition: TransitionFacts, today: date, rules: MeasureRules = DEFAULT_RULES
) -> tuple[CheckpointView, ...]:
    """The checkpoints to record now: due or overdue."""
    wanted = {CheckpointState.DUE, CheckpointState.OVERDUE}
    return tuple(v for v in checkpoint_views(transition, today, rules) if v.state in wanted)


def reminders(
    transition: TransitionFacts, today: date, rules: MeasureRules = DEFAULT_RULES
) -> tuple[Reason, ...]:
    """TRN-17: what the coach is reminded of on `today`."""
    out = []
    for view in checkpoint_views(transition, today, rules):
        day = f"{view.due:%d/%m/%Y}"
        if view.state == CheckpointState.REMINDER:
            out.append(reason("TRN-17", "Opvolging {label} op {day}.", label=view.label, day=day))
        elif view.state == CheckpointState.DUE:
            out.append(
                reason(
                    "TRN-17",
                    "Opvolging {label} is nu aan de beurt ({day}).",
                    label=view.label,
                    day=day,
                )
            )
        elif view.state == CheckpointState.OVERDUE:
            out.append(
                reason(
                    "TRN-17",
                    "Opvolging {label} is te laat (sinds {day}).",
                    label=view.label,
                    day=day,
                )
            )
    return tuple(out)


def current_employer(transition: TransitionFacts, until: date | None = None) -> str | None:
    employer = transition.employer
    for r in _ordered(transition.records):
        if until is not None and r.day > until:
            break
        if r.employer:
            employer = r.employer
    return employer


def employer_changes(transition: TransitionFacts) -> tuple[tuple[date, str | None, str], ...]:
    """TRN-17: each change of employer as (day, previous employer, new employer)."""
    changes, employer = [], transition.employer
    for r in _ordered(transition.records):
        if r.employer and r.employer != employer:
            changes.append((r.day, employer, r.employer))
            employer = r.employer
    return tuple(changes)


def record_refusal(
    transition: TransitionFacts,
    record: FollowupRecord,
    today: date,
    rules: MeasureRules = DEFAULT_RULES,
) -> Reason | None:
    """TRN-17: a follow-up record is refused before the first day or after `today`, for a
    checkpoint before its due day or already recorded, after the worker stopped, or "in the IBO"
    after a transition to regular work."""
    if record.day > today:
        return reason("TRN-17", "Een opvolging in de toekomst kan niet.")
    if record.day < transition.first_day:
        return reason(
            "TRN-17",
            "De opvolging begint op de eerste dag ({day}).",
            day=f"{transition.first_day:%d/%m/%Y}",
        )
    stop = stopped_on(transition)
    if stop is not None:
        return reason(
            "TRN-17", "De opvolging is afgesloten: gestopt op {day}.", day=f"{stop:%d/%m/%Y}"
        )
    if record.checkpoint is not None:
        due = due_day(transition.first_day, record.checkpoint, rules)
        if record.day < due:
            return reason(
                "TRN-17",
                "De opvolging {label} kan pas vanaf {day}.",
                label=checkpoint_label(record.checkpoint, rules),
                day=f"{due:%d/%m/%Y}",
            )
        if checkpoint_record(transition, record.checkpoint) is not None:
            return reason(
                "TRN-17",
                "De opvolging {label} is al geregistreerd.",
                label=checkpoint_label(record.checkpoint, rules),
            )
    if record.status == FollowupStatus.IN_IBO and transition.destination == Destination.WORK:
        return reason(
            "TRN-17", "Na een overstap naar regulier werk is ‘nog in de IBO’ niet mogelijk."
        )
    return None
