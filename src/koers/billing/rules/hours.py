"""BIL-02: hours entered at VDAB — the monthly deadline, what is still to enter, the warning before
the deadline, and the month an hour is settled and paid in. Aftercare is registered, never billed.

Coaches enter their hours in VDAB's own system, which Koers cannot reach: in Koers a coach marks
each counted hour "ingegeven bij VDAB" with the date. Hours entered on or before VDAB's deadline of
a month are on that month's statement and paid early the next month; later ones a month later
(seed 000, "Registratie van je uren").

Pure: no Django, no clock (`today` is a parameter).
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from koers.billing.rules.periods import Month, day_label, hours_label
from koers.billing.rules.ruleset import BillingRuleset
from koers.lib.rules import Reason, reason


@dataclass(frozen=True)
class HourFacts:
    """One counted hour block of a voucher (or an aftercare conversation)."""

    hour_id: str
    day: date  # when the guidance took place
    minutes: int
    entered_on: date | None = None  # the day the coach entered it at VDAB, None when not yet
    aftercare: bool = False  # LBC-18: registered at VDAB, not paid separately


@dataclass(frozen=True)
class HourStatus:
    hour_id: str
    to_enter: bool  # still to enter at VDAB
    billable: bool
    statement_month: Month | None  # the month whose statement carries it (BIL-03)
    paid_in: Month | None  # the month the centre pays it (early in that month)
    reasons: tuple[Reason, ...]


def vdab_deadline(month: Month, ruleset: BillingRuleset) -> date:
    """The last day hours can be entered at VDAB to be paid early the next month."""
    return month.last_day - timedelta(days=ruleset.vdab_deadline_days_before_month_end)


def statement_month(entered_on: date, ruleset: BillingRuleset) -> Month:
    """The month whose statement carries an hour entered on `entered_on`: that month when entered
    on or before its deadline, else the next one."""
    month = Month.of(entered_on)
    return month if entered_on <= vdab_deadline(month, ruleset) else month.plus(1)


def entry_refusal(hour: HourFacts, entered_on: date, today: date) -> Reason | None:
    """Why an hour cannot be marked as entered at VDAB on `entered_on`, or None."""
    if hour.entered_on is not None:
        return reason(
            "BIL-02",
            "Dit uur is al op {day} ingegeven bij VDAB.",
            day=day_label(hour.entered_on),
        )
    if entered_on > today:
        return Reason("BIL-02", "Een ingavedatum bij VDAB ligt niet in de toekomst.")
    if entered_on < hour.day:
        return reason(
            "BIL-02",
            "Een uur van {day} kan niet eerder ingegeven zijn bij VDAB.",
            day=day_label(hour.day),
        )
    return None


def hour_status(hour: HourFacts, today: date, ruleset: BillingRuleset) -> HourStatus:
    """What Koers shows next to an hour: still to enter, and when it will be paid."""
    if hour.aftercare:
        why = Reason(
            "BIL-02",
            "Nazorg registreer je bij VDAB, maar ze wordt niet apart vergoed en komt niet op "
            "de afrekening.",
        )
        return HourStatus(hour.hour_id, hour.entered_on is None, False, None, None, (why,))
    if hour.entered_on is None:
        month = statement_month(today, ruleset)  # entered today, it lands on this statement
        why = reason(
            "BIL-02",
            "Nog in te geven bij VDAB: ingegeven uiterlijk {deadline}, uitbetaald begin {paid}.",
            deadline=day_label(vdab_deadline(month, ruleset)),
            paid=month.plus(1).label,
        )
        return HourStatus(hour.hour_id, True, True, None, None, (why,))
    month = statement_month(hour.entered_on, ruleset)
    paid = month.plus(1)
    if month == Month.of(hour.entered_on):
        why = reason(
            "BIL-02",
            "Ingegeven op {day}, vóór de VDAB-deadline van {deadline}: uitbetaald begin {paid}.",
            day=day_label(hour.entered_on),
            deadline=day_label(vdab_deadline(month, ruleset)),
            paid=paid.label,
        )
    else:
        why = reason(
            "BIL-02",
            "Ingegeven op {day}, na de VDAB-deadline van {deadline}: uitbetaald een maand later, "
            "begin {paid}.",
            day=day_label(hour.entered_on),
            deadline=day_label(vdab_deadline(Month.of(hour.entered_on), ruleset)),
            paid=paid.label,
        )
    return HourStatus(hour.hour_id, False, True, month, paid, (why,))


def deadline_warning(
    hours: Iterable[HourFacts], today: date, ruleset: BillingRuleset
) -> Reason | None:
    """The warning before this month's VDAB deadline while held hours are still to enter."""
    deadline = vdab_deadline(Month.of(today), ruleset)
    if not deadline - timedelta(days=ruleset.deadline_warning_days) <= today <= deadline:
        return None
    waiting = [h for h in hours if h.entered_on is None and h.day <= today and not h.aftercare]
    if not waiting:
        return None
    minutes = sum(h.minutes for h in waiting)
    return reason(
        "BIL-02",
        "Nog {hours} uur in te geven bij VDAB vóór de deadline van {deadline} ({days} dagen); "
        "later ingegeven uren worden een maand later uitbetaald.",
        hours=hours_label(minutes),
        deadline=day_label(deadline),
        days=(deadline - today).days,
    )


def unmark_refusal(settled_in: str | None) -> Reason | None:
    """BIL-02/03: an entry is taken back only while no statement carries the hour."""
    if settled_in is None:
        return None
    return reason(
        "BIL-03",
        "Dit uur staat op afrekening {statement}: het blijft ingegeven; vraag een correctie "
        "van de afrekening.",
        statement=settled_in,
    )
