"""MED-12 to MED-17: when a service may close, the final advice and access loss.

The words of closing live in `closing_terms`, the return to VDAB in `returns`, month-end categories
and tender settings in `categories`, the month arithmetic in `calendar`; all are importable from here.
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from koers.lib.rules import Joined, Reason
from koers.mediation.rules.calendar import add_months, month_end, previous_month_ends
from koers.mediation.rules.categories import (
    MAX_SETTING_MONTHS,
    is_catwz_code,
    month_end_refusal,
    tender_setting_refusals,
)
from koers.mediation.rules.closing_terms import (
    ADVICE_LABELS,
    ADVICE_PHRASES,
    CITIZEN_TEXTS,
    RETURN_LABELS,
    RETURN_PHRASES,
    Advice,
    ClosingReason,
    ClosingWay,
    ReturnTo,
)
from koers.mediation.rules.returns import RETURN_TABLE, ReturnDecision, return_to_vdab
from koers.mediation.rules.ruleset import Ruleset, Tender

__all__ = [
    "ADVICE_LABELS",
    "ADVICE_PHRASES",
    "CITIZEN_TEXTS",
    "MAX_SETTING_MONTHS",
    "RETURN_LABELS",
    "RETURN_PHRASES",
    "RETURN_TABLE",
    "Advice",
    "ClosingDue",
    "ClosingReason",
    "ClosingWay",
    "MonthEnd",
    "ReturnDecision",
    "ReturnTo",
    "access_ends",
    "add_months",
    "advice_deadline",
    "advice_options",
    "advice_refusal",
    "closing_due",
    "is_catwz_code",
    "month_end",
    "month_end_refusal",
    "previous_month_ends",
    "return_to_vdab",
    "tender_setting_refusals",
]


@dataclass(frozen=True)
class MonthEnd:
    """The category of the file on the last day of a month (MED-12)."""

    day: date
    passive: bool


@dataclass(frozen=True)
class ClosingDue:
    reason: ClosingReason | None
    on: date | None  # the day the mediation process ended ("ter afsluiting")
    reasons: tuple[Reason, ...]
    # The first day the service may close: `on` once it is due; before that the earliest day the
    # rule allows (the minimum duration; for WIJ3 also the end of the projects). None before MED-06.
    closable_on: date | None = None
    # The day the maximum duration is reached: the service closes then at the latest.
    max_duration_on: date | None = None


def closing_due(
    *,
    tender: str,
    started_on: date | None,
    month_ends: list[MonthEnd],
    today: date,
    ruleset: Ruleset,
    maximum_months: int | None = None,
    maximum_confirmed: bool = True,
) -> ClosingDue:
    """MED-12/MED-13: has the mediation process ended, and why?

    TIBB4, TIBB4 anderstaligen, SCRABA, SAB3: at the earliest after the minimum months AND either
    the three most recent month-ends (each after the start) were passive, or the maximum duration
    was reached. WIJ3: at the earliest after 18 months AND the project end, never on passive.

    The maximum duration is not in the seed: the partner's own setting (`maximum_months`, else the
    rule set's default) counts only once its administrator confirmed it (`maximum_confirmed`);
    until then the service never goes "ter afsluiting" on maximum duration.
    """
    if started_on is None:
        return ClosingDue(None, None, (Reason("MED-06", "De bemiddeling is nog niet gestart."),))
    params = ruleset.tender(tender)
    minimum = add_months(started_on, params.minimum_months)
    if tender == Tender.WIJ3:
        end = max(minimum, params.project_end or minimum)
        if today >= end:
            return ClosingDue(
                ClosingReason.MAX_DURATION,
                end,
                (
                    Reason(
                        "MED-13",
                        "WIJ3: 18 maanden bemiddeling en het einde van de projecten ({end}) zijn "
                        "bereikt.",
                        (("end", f"{params.project_end:%d/%m/%Y}"),),
                    ),
                ),
                closable_on=end,
                max_duration_on=end,
            )
        return ClosingDue(
            None,
            None,
            (
                Reason(
                    "MED-13",
                    "WIJ3 sluit ten vroegste op {end}; nooit op passief.",
                    (("end", f"{end:%d/%m/%Y}"),),
                ),
            ),
            closable_on=end,
            max_duration_on=end,
        )
    months = params.maximum_months if maximum_months is None else maximum_months
    maximum = add_months(started_on, months)
    latest = max(minimum, maximum)
    passive_since = _passive_since(started_on, minimum, month_ends, ruleset)
    candidates: list[tuple[date, ClosingReason]] = []
    if params.closes_on_passive and passive_since is not None:
        candidates.append((passive_since, ClosingReason.PASSIVE))
    if maximum_confirmed:
        candidates.append((max(minimum, maximum), ClosingReason.MAX_DURATION))
    unconfirmed = Reason(
        "MED-12",
        "De maximale duur ({months} maanden) is niet bevestigd door de beheerder van de "
        "partner: de service gaat niet automatisch “ter afsluiting” op maximale duur.",
        (("months", months),),
    )
    on, reason = min(candidates) if candidates else (None, None)
    if on is None or today < on:
        reasons = [
            Reason(
                "MED-12",
                "De service kan ten vroegste op {minimum} afsluiten (6 maanden bemiddeling); de "
                "maximale duur is bereikt op {maximum}.",
                (("maximum", f"{maximum:%d/%m/%Y}"), ("minimum", f"{minimum:%d/%m/%Y}")),
            )
            if maximum_confirmed
            else Reason(
                "MED-12",
                "De service kan ten vroegste op {minimum} afsluiten (6 maanden bemiddeling).",
                (("minimum", f"{minimum:%d/%m/%Y}"),),
            )
        ]
        if not maximum_confirmed:
            reasons.append(unconfirmed)
        return ClosingDue(
            None,
            None,
            tuple(reasons),
            closable_on=minimum,
            max_duration_on=latest if maximum_confirmed else None,
        )
    why = (
        Reason(
            "MED-12",
            "{count} maanden na elkaar op een passieve categorie op de laatste dag van de maand, "
            "na minstens 6 maanden bemiddeling.",
            (("count", ruleset.passive_month_ends),),
        )
        if reason == ClosingReason.PASSIVE
        else Reason(
            "MED-12",
            "De maximale duur van de bemiddeling ({months} maanden) is bereikt.",
            (("months", months),),
        )
    )
    return ClosingDue(reason, on, (why,), closable_on=on, max_duration_on=latest)


def _passive_since(
    started_on: date, minimum: date, month_ends: list[MonthEnd], ruleset: Ruleset
) -> date | None:
    """The first day, not before the minimum, on which the N most recent month-ends (each after
    the start of mediation) were all passive: e.g. months 4, 5 and 6 at the earliest."""
    by_day = {m.day: m.passive for m in month_ends if m.day >= started_on}
    candidates = [minimum] + sorted(day + timedelta(days=1) for day in by_day if day >= minimum)
    for candidate in candidates:
        run = previous_month_ends(candidate - timedelta(days=1), ruleset.passive_month_ends)
        if all(end >= started_on and by_day.get(end) is True for end in run):
            return candidate
    return None


def advice_options(reason: ClosingReason | str | None) -> tuple[Advice, ...]:
    """MED-14: four options after 3× passive, three after maximum duration (never 'Nieuwe
    inschatting nodig'); none when the service stopped for absence."""
    if reason == ClosingReason.PASSIVE:
        return (Advice.NO_NEED, Advice.NEED, Advice.EXHAUSTED, Advice.REASSESS)
    if reason == ClosingReason.MAX_DURATION:
        return (Advice.NO_NEED, Advice.NEED, Advice.EXHAUSTED)
    return ()


def advice_refusal(
    *,
    reason: str | None,
    option: str,
    mail: bool,
    printed: bool,
    deadline: date | None,
    today: date,
) -> Reason | None:
    if reason not in (ClosingReason.PASSIVE, ClosingReason.MAX_DURATION):
        return Reason("MED-14", "Een eindadvies kan pas als de service “ter afsluiting” staat.")
    if deadline is not None and today > deadline:
        return Reason(
            "MED-16", "De maand voor het eindadvies is voorbij: de service sluit automatisch."
        )
    allowed = advice_options(reason)
    if option not in allowed:
        labels = Joined(tuple(ADVICE_PHRASES[a] for a in allowed), "”, “")
        return (
            Reason(
                "MED-14",
                "Na 3× passieve categorie zijn alleen deze adviezen mogelijk: “{labels}”.",
                (("labels", labels),),
            )
            if reason == ClosingReason.PASSIVE
            else Reason(
                "MED-14",
                "Na maximale duur zijn alleen deze adviezen mogelijk: “{labels}”.",
                (("labels", labels),),
            )
        )
    if not (mail or printed):
        return Reason("MED-14", "Vink “Mail eindadvies” of “Print eindadvies” aan (minstens één).")
    return None


def advice_deadline(due_on: date, ruleset: Ruleset) -> date:
    """MED-14: one month to give the final advice; the service closes automatically after it."""
    return add_months(due_on, ruleset.advice_window_months)


def access_ends(
    *, way: ClosingWay | str, reason: ClosingReason | str | None, closed_at: datetime
) -> datetime:
    """MED-15/MED-16 (and MED-03): when the red bar goes and the partner loses access.

    With advice: the next day. Automatically: at once after maximum duration, the next day after
    3× passive. Stopped for absence or closed by VDAB: at once.
    """
    next_day = datetime.combine(closed_at.date() + timedelta(days=1), time.min, closed_at.tzinfo)
    if way == ClosingWay.PARTNER_ADVICE:
        return next_day
    if way == ClosingWay.AUTOMATIC and reason == ClosingReason.PASSIVE:
        return next_day
    return closed_at
