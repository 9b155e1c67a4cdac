"""The deadlines of "klanten opvolgen" (MED-02/03/05/14) of one open service, from its facts.

Per open service, at most one deadline of each kind:
- first_appointment (MED-02): the lowest-numbered referral appointment without an outcome, due
  on the (local) day it takes place;
- replan (MED-03): no appointment pending, the ladder not ended, an absence on record: the
  rule set's target (`replan_target_days`) counted from the last missed appointment's day;
- first_sheet (MED-05): present, no sheet 1 yet: `first_sheet_days` after the day present;
- advice (MED-14): "ter afsluiting" with its advice deadline.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

KIND_ORDER = ("first_appointment", "replan", "first_sheet", "advice")  # a service's own order


@dataclass(frozen=True)
class Appointment:
    """A referral appointment as the deadlines read it: `day` is the local day it takes place."""

    number: int
    kind: str
    pending: bool  # no outcome yet
    absent: bool
    day: date


@dataclass(frozen=True)
class Due:
    """One deadline: `order` is its kind's place in `KIND_ORDER`; `number` and
    `appointment_kind` only for a first appointment."""

    order: int
    due_on: date
    number: int | None = None
    appointment_kind: str = ""


def service_deadlines(
    *,
    appointments: Iterable[Appointment],
    ladder_done: bool,
    present_on: date | None,
    has_first_sheet: bool,
    to_close: bool,
    advice_deadline: date | None,
    replan_target_days: int,
    first_sheet_days: int,
) -> list[Due]:
    """The deadlines of one open service, in `KIND_ORDER`."""
    appointments = sorted(appointments, key=lambda a: a.number)
    pending = [a for a in appointments if a.pending]
    absent = [a for a in appointments if a.absent]
    out = []
    if pending:
        first = pending[0]
        out.append(Due(0, first.day, first.number, first.kind))
    elif absent and not ladder_done:
        out.append(Due(1, absent[-1].day + timedelta(days=replan_target_days)))
    if present_on is not None and not has_first_sheet:
        out.append(Due(2, present_on + timedelta(days=first_sheet_days)))
    if to_close and advice_deadline is not None:
        out.append(Due(3, advice_deadline))
    return out
