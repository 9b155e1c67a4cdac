"""LBC-18: aftercare — registered in half hours, up to one (calendar) year after the synthesis.

Seed 000: "Alles wat je in dit kader doet, mag je zeker registreren … per half uur"; seed 002:
"maximaal 30 minuten per pakket" is the client's right. So every half hour of aftercare done is
registered; how much of it falls within the right is shown, never refused (aftercare is not paid).
"""

import calendar
from datetime import date

from koers.lib.rules import Reason, reason
from koers.vouchers.rules.ruleset import Ruleset


def aftercare_refusal(
    *, minutes: int, on: date, synthesis_date: date | None, ruleset: Ruleset
) -> Reason | None:
    """Why this aftercare registration is refused, or None when it may be registered."""
    if synthesis_date is None:
        return Reason("LBC-18", "Nazorg kan pas na het synthesegesprek.")
    if minutes <= 0 or minutes % ruleset.block_minutes:
        return Reason("LBC-18", "Nazorg wordt per half uur geregistreerd.")
    if on < synthesis_date:
        return Reason("LBC-18", "Nazorg ligt na het synthesegesprek.")
    deadline = aftercare_deadline(synthesis_date, ruleset)
    if on > deadline:
        return reason(
            "LBC-18",
            "Nazorg kan tot maximaal een jaar na het synthesegesprek (tot en met {deadline}).",
            deadline=f"{deadline:%d/%m/%Y}",
        )
    return None


def aftercare_deadline(synthesis_date: date, ruleset: Ruleset) -> date:
    """The last day of aftercare: the same date `aftercare_window_years` later; from 29 February
    to a year without it, the last day of February (a term in years runs date to date)."""
    year = synthesis_date.year + ruleset.aftercare_window_years
    day = min(synthesis_date.day, calendar.monthrange(year, synthesis_date.month)[1])
    return date(year, synthesis_date.month, day)


def aftercare_within_right(registered_minutes: int, ruleset: Ruleset) -> int:
    """How many of the registered aftercare minutes fall within the client's right per voucher."""
    return min(max(registered_minutes, 0), ruleset.aftercare_minutes)
