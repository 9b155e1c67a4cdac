"""The door for every status field: check the transition table, write, record the move.

Each stateful entity has one `<entity>_set_state(...)` service that calls `set_state` with the
table from its rule module; no other code assigns the field (tests/state_doors.py checks it).
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone

from koers.core.history import save_with_user
from koers.core.models import StateChange, User
from koers.lib.refusals import refusal
from koers.lib.rules import transition_refusal


def _labels(obj: models.Model, field: str) -> dict[str, str]:
    return {value: str(label) for value, label in obj._meta.get_field(field).flatchoices}


def set_state(
    obj: models.Model,
    field: str,
    new: str,
    *,
    table: Mapping[str, Iterable[str]],
    rule: str,
    acting_user: User | None,
    why: str = "",
    at: datetime | None = None,
    also_save: Iterable[str] = (),
) -> StateChange | None:
    """Move `obj.<field>` to `new` if `table` allows it from the current state; save and record.

    `also_save` names other fields the caller changed with the move (saved in the same write).
    Staying in the same state is not a move: nothing is written and None comes back.
    Raises the ValidationError of `refusal` on `field` when the table forbids the move.
    """
    current = getattr(obj, field)
    if current == new:
        return None
    refused = transition_refusal(table, current, new, rule, _labels(obj, field))
    if refused:
        raise refusal(field, refused)
    setattr(obj, field, new)
    update_fields = [field, *also_save] if obj.pk else None
    save_with_user(obj, acting_user, update_fields=update_fields)
    return record_state(obj, field, current, new, acting_user=acting_user, why=why, at=at)


def record_state(
    obj: models.Model,
    field: str,
    from_state: str,
    to_state: str,
    *,
    acting_user: User | None,
    why: str = "",
    at: datetime | None = None,
) -> StateChange:
    """Record a move already written (e.g. the first state of a new object, from '')."""
    return StateChange.objects.create(
        content_type=ContentType.objects.get_for_model(obj),
        object_id=obj.pk,
        field=field,
        from_state=from_state,
        to_state=to_state,
        at=at or timezone.now(),
        by=acting_user,
        why=why[:500],
    )


@dataclass(frozen=True)
class StateMove:
    at: datetime
    by: str
    from_label: str
    to_label: str
    why: str


def state_history(obj: models.Model, field: str) -> list[StateMove]:
    """The recorded moves of `obj.<field>`, oldest first, with the states' names (one query)."""
    labels = _labels(obj, field)
    rows = StateChange.objects.filter(
        content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk, field=field
    ).select_related("by")
    return [
        StateMove(
            at=row.at,
            by=row.by.get_full_name() if row.by else "",
            from_label=labels.get(row.from_state, row.from_state) if row.from_state else "",
            to_label=labels.get(row.to_state, row.to_state),
            why=row.why,
        )
        for row in rows
    ]
