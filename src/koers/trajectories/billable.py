"""The hours a programme bills (BIL-02/03): the billing app reads them here, never a programme.

A programme registers (in its `AppConfig.ready()`) a provider that answers, for some coaches and
a period, every held contact with the minutes it counts as the programme's own rules judge them
(the voucher's replay: LBC-02..08), the client and voucher it belongs to, and whether it is
aftercare (registered at VDAB, never paid). The billing app only asks `billable_hours()`.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class BillableHour:
    """One held contact as the programme counts it."""

    contact_id: int
    trajectory_id: int
    coach_id: int  # who held it (the contact's staff member): who enters it at VDAB
    day: date  # the guidance day (local time): the coach's rate of that day applies
    minutes: int  # counted minutes as the programme's judged replay decides
    client_name: str
    voucher: str  # the voucher's number as VDAB knows it ("1" or "2")
    aftercare: bool = False  # registered at VDAB, never on a statement


# (coach_ids, since, until) -> the programme's held, counted contacts of those coaches, those days.
BillableProvider = Callable[[Iterable[int], date, date], list[BillableHour]]
_PROVIDERS: dict[str, BillableProvider] = {}


def register_billable_hours(programme: str, provider: BillableProvider) -> None:
    _PROVIDERS[programme] = provider


def billable_hours(*, coach_ids: Iterable[int], since: date, until: date) -> list[BillableHour]:
    """Every programme's counted hours of these coaches from `since` to `until` (both included),
    in time order; a fixed number of queries per programme whatever the number of hours."""
    coach_ids = sorted(set(coach_ids))
    if not coach_ids:
        return []
    hours: list[BillableHour] = []
    for provider in _PROVIDERS.values():
        hours.extend(provider(coach_ids, since, until))
    return sorted(hours, key=lambda h: (h.day, h.contact_id))


@dataclass(frozen=True)
class AftercareHour:
    """One aftercare conversation (BIL-02, LBC-18): the coach registers it at VDAB, but it is
    never paid and never on a statement (`billable` is always False)."""

    aftercare_id: int
    trajectory_id: int
    coach_id: int  # who recorded it: who enters it at VDAB
    day: date
    minutes: int
    client_name: str
    voucher: str
    billable: bool = False


# (coach_ids, since, until) -> the programme's aftercare of those coaches, those days.
AftercareProvider = Callable[[Iterable[int], date, date], list[AftercareHour]]
_AFTERCARE_PROVIDERS: dict[str, AftercareProvider] = {}


def register_aftercare_hours(programme: str, provider: AftercareProvider) -> None:
    _AFTERCARE_PROVIDERS[programme] = provider


def aftercare_hours(*, coach_ids: Iterable[int], since: date, until: date) -> list[AftercareHour]:
    """Every programme's aftercare of these coaches from `since` to `until` (both included), in
    time order; registered at VDAB, never billable (settlement reads only `billable_hours`)."""
    coach_ids = sorted(set(coach_ids))
    if not coach_ids:
        return []
    hours: list[AftercareHour] = []
    for provider in _AFTERCARE_PROVIDERS.values():
        hours.extend(provider(coach_ids, since, until))
    return sorted(hours, key=lambda h: (h.day, h.aftercare_id))
