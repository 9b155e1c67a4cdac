"""BIL-05: the locations where a coach works, with the day they started there (VDAB must know
them; a coach starting at a new location tells the centre, and staff see the change).
BIL-06: the coach's yearly personal development plan — the first-time or the returning template,
received or not, and the reminder before it is due.

Pure: no Django, no clock (`today` is a parameter).
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from koers.billing.rules.periods import day_label
from koers.billing.rules.ruleset import BillingRuleset
from koers.lib.rules import Reason, reason


@dataclass(frozen=True)
class CoachLocation:
    location: str  # the location's name as VDAB knows it
    started_on: date
    ended_on: date | None = None
    reported_on: date | None = None  # when the coach told the centre

    def covers(self, day: date) -> bool:
        return self.started_on <= day and (self.ended_on is None or day <= self.ended_on)


def current_locations(locations: Iterable[CoachLocation], day: date) -> list[str]:
    """BIL-05: where the coach works on `day`."""
    return sorted({x.location for x in locations if x.covers(day)})


def location_refusal(
    new: CoachLocation, existing: Iterable[CoachLocation], today: date
) -> Reason | None:
    """BIL-05: a location has a start date, ends after it starts, and is not recorded twice for
    the same days."""
    if new.ended_on is not None and new.ended_on < new.started_on:
        return Reason("BIL-05", "Een locatie eindigt niet vóór de coach er begon.")
    if new.reported_on is not None and new.reported_on > today:
        return Reason("BIL-05", "De melding ligt niet in de toekomst.")
    for old in existing:
        if old.location != new.location:
            continue
        overlap = old.covers(new.started_on) or new.covers(old.started_on)
        if overlap:
            return reason(
                "BIL-05",
                "De coach werkt al op {location} sinds {day}.",
                location=old.location,
                day=day_label(old.started_on),
            )
    return None


def location_changes(locations: Iterable[CoachLocation], since: date) -> tuple[Reason, ...]:
    """BIL-05: what staff see as changed since `since` (a start or an end on or after it), for
    VDAB's list of locations."""
    changes: list[Reason] = []
    for x in sorted(locations, key=lambda x: (x.started_on, x.location)):
        if x.started_on >= since:
            changes.append(
                reason(
                    "BIL-05",
                    "Nieuwe locatie {location} vanaf {day}: geef ze door aan VDAB.",
                    location=x.location,
                    day=day_label(x.started_on),
                )
            )
        if x.ended_on is not None and x.ended_on >= since:
            changes.append(
                reason(
                    "BIL-05",
                    "Werkt niet meer op {location} na {day}: geef het door aan VDAB.",
                    location=x.location,
                    day=day_label(x.ended_on),
                )
            )
    return tuple(changes)


FIRST_TIME = "first_time"  # seed: "Is het de eerste keer dat je een POP opmaakt voor Blend?"
RETURNING = "returning"


@dataclass(frozen=True)
class DevelopmentPlan:
    year: int
    received_on: date | None = None


@dataclass(frozen=True)
class PlanStatus:
    year: int
    template: str  # FIRST_TIME or RETURNING
    received: bool
    due_on: date
    reminder_due: bool
    late: bool
    reasons: tuple[Reason, ...]


def plan_due_on(year: int, ruleset: BillingRuleset) -> date:
    return date(year, ruleset.development_plan_due_month, ruleset.development_plan_due_day)


def plan_status(
    year: int, plans: Iterable[DevelopmentPlan], today: date, ruleset: BillingRuleset
) -> PlanStatus:
    """BIL-06: the coach's development plan of `year`: which template (first time for the centre
    when no earlier plan was received), received or not, and whether to remind."""
    plans = list(plans)
    earlier = any(p.year < year and p.received_on is not None for p in plans)
    template = RETURNING if earlier else FIRST_TIME
    this = next((p for p in plans if p.year == year), None)
    due = plan_due_on(year, ruleset)
    if this is not None and this.received_on is not None:
        why = reason(
            "BIL-06",
            "Ontwikkelingsplan {year} ontvangen op {day}.",
            year=year,
            day=day_label(this.received_on),
        )
        return PlanStatus(year, template, True, due, False, False, (why,))
    late = today > due
    reminder = not late and today >= due - timedelta(days=ruleset.development_plan_reminder_days)
    if template == FIRST_TIME:
        why = reason(
            "BIL-06",
            "Ontwikkelingsplan {year}: gebruik het sjabloon voor de eerste keer en bezorg het "
            "ten laatste op {day}.",
            year=year,
            day=day_label(due),
        )
    else:
        why = reason(
            "BIL-06",
            "Ontwikkelingsplan {year}: gebruik het sjabloon voor terugkerende coaches en bezorg "
            "het ten laatste op {day}.",
            year=year,
            day=day_label(due),
        )
    reasons = [why]
    if late:
        reasons.append(reason("BIL-06", "Het ontwikkelingsplan {year} is te laat.", year=year))
    return PlanStatus(year, template, False, due, reminder, late, tuple(reasons))


def location_end_refusal(location: CoachLocation, ended_on: date) -> Reason | None:
    """BIL-05: a location ends once, and not before the coach started there."""
    if location.ended_on is not None:
        return reason(
            "BIL-05",
            "De coach werkt al niet meer op {location} sinds {day}.",
            location=location.location,
            day=day_label(location.ended_on),
        )
    if ended_on < location.started_on:
        return Reason("BIL-05", "Een locatie eindigt niet vóór de coach er begon.")
    return None


def pass_on_refusal(already_passed_on: bool) -> Reason | None:
    """BIL-05: a change is passed on to VDAB once."""
    if already_passed_on:
        return Reason("BIL-05", "Deze wijziging is al doorgegeven aan VDAB.")
    return None


def actor_refusal(*, is_the_coach: bool, is_centre_staff: bool, staff_only: bool) -> Reason | None:
    """BIL-05/BIL-06: the coach tells the centre about their own locations; the centre's staff
    record them too, pass changes on to VDAB and record the plans they receive."""
    if is_centre_staff or (is_the_coach and not staff_only):
        return None
    if staff_only:
        return Reason("BIL-05", "Alleen de medewerkers van het centrum doen dit.")
    return Reason("BIL-05", "Alleen de coach zelf of het centrum doet dit.")


def plan_receipt_refusal(
    year: int, received_on: date, plans: Iterable[DevelopmentPlan], today: date
) -> Reason | None:
    """BIL-06: a plan is received once a year, not on a day still to come."""
    if received_on > today:
        return Reason("BIL-06", "Een ontwikkelingsplan wordt niet in de toekomst ontvangen.")
    this = next((p for p in plans if p.year == year and p.received_on is not None), None)
    if this is not None:
        return reason(
            "BIL-06",
            "Het ontwikkelingsplan {year} is al ontvangen op {day}.",
            year=year,
            day=day_label(this.received_on),
        )
    return None
