"""MED-12 to MED-17: when a service may close, the final advice, access loss and the return to VDAB."""

import calendar
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum

from koers.lib.rules import Joined, Phrase, Reason, reason
from koers.mediation.rules.ruleset import Ruleset, Tender


def add_months(day: date, months: int) -> date:
    """Calendar months; the 31st becomes the last day of a shorter month."""
    month0 = day.month - 1 + months
    year, month = day.year + month0 // 12, month0 % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def previous_month_ends(today: date, count: int) -> list[date]:
    """The last `count` month-ends on or before `today`, most recent first."""
    year, month = today.year, today.month
    if today != month_end(year, month):
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    ends = []
    for _ in range(count):
        ends.append(month_end(year, month))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return ends


class ClosingReason(StrEnum):
    PASSIVE = "passive"  # 3× passive category at month-end (MED-12)
    MAX_DURATION = "max_duration"  # MED-12 / MED-13
    ABSENCE = "absence"  # MED-03: refused for absence at the first appointment


class ClosingWay(StrEnum):
    PARTNER_ADVICE = "partner_advice"  # manually by the partner, with a final advice
    AUTOMATIC = "automatic"  # no advice within the month (MED-16)
    VDAB = "vdab"  # closed by VDAB
    ABSENCE_STOP = "absence_stop"  # MED-03


class Advice(StrEnum):
    NO_NEED = "no_need"
    NEED = "need"
    EXHAUSTED = "exhausted"
    REASSESS = "reassess"


ADVICE_LABELS: dict[Advice, str] = {
    Advice.NO_NEED: "Geen nood aan persoonlijke dienstverlening",
    Advice.NEED: "Nood aan persoonlijke dienstverlening",
    Advice.EXHAUSTED: "Dienstverlening uitgeput",
    Advice.REASSESS: "Nieuwe inschatting nodig",
}

# The same labels inside a reason's sentence, translated with it.
ADVICE_PHRASES: dict[Advice, Phrase] = {
    Advice.NO_NEED: Phrase("Geen nood aan persoonlijke dienstverlening"),
    Advice.NEED: Phrase("Nood aan persoonlijke dienstverlening"),
    Advice.EXHAUSTED: Phrase("Dienstverlening uitgeput"),
    Advice.REASSESS: Phrase("Nieuwe inschatting nodig"),
}

# MED-14: word for word from seed 004 §4.3 — printed on the advice and sent to the citizen.
CITIZEN_TEXTS: dict[Advice, str] = {
    Advice.NO_NEED: (
        "Je zit op koers naar passend werk en op korte termijn heb je geen nood aan verdere "
        "persoonlijke ondersteuning. Je zet je zoektocht naar werk zelfstandig verder. Als je "
        "hier toch verdere hulp bij wil, kan je terecht bij VDAB."
    ),
    Advice.NEED: (
        "Je hebt nog verdere hulp nodig bij het zoeken naar werk. VDAB zal je contacteren en "
        "kijken welke ondersteuning best past."
    ),
    Advice.EXHAUSTED: (
        "Je zet je zoektocht naar werk zelfstandig verder. Als je hier verdere hulp bij wil, kan "
        "je terecht bij VDAB."
    ),
    Advice.REASSESS: (
        "We kunnen op dit moment niet inschatten of je nog verdere hulp nodig hebt in je "
        "zoektocht naar werk. Wanneer de bemiddeling naar werk hervat wordt, zal VDAB kijken "
        "welke ondersteuning best past."
    ),
}


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


class ReturnTo(StrEnum):
    NONE = "none"
    VDAB_MEDIATOR = "vdab_mediator"
    CHEF_OE = "chef_oe"


RETURN_LABELS = {
    ReturnTo.NONE: "Nee",
    ReturnTo.VDAB_MEDIATOR: "Ja (VDAB-bemiddelaar)",
    ReturnTo.CHEF_OE: "Ja (Chef OE)",
}

RETURN_PHRASES = {
    ReturnTo.NONE: Phrase("Nee"),
    ReturnTo.VDAB_MEDIATOR: Phrase("Ja (VDAB-bemiddelaar)"),
    ReturnTo.CHEF_OE: Phrase("Ja (Chef OE)"),
}

# Annex 3 (and annex 4 for WIJ3: only the maximum-duration rows). advice None = no advice.
RETURN_TABLE: dict[tuple[ClosingReason, ClosingWay, Advice | None], ReturnTo] = {
    (ClosingReason.PASSIVE, ClosingWay.PARTNER_ADVICE, Advice.NEED): ReturnTo.NONE,
    (ClosingReason.PASSIVE, ClosingWay.PARTNER_ADVICE, Advice.REASSESS): ReturnTo.NONE,
    (ClosingReason.PASSIVE, ClosingWay.PARTNER_ADVICE, Advice.NO_NEED): ReturnTo.NONE,
    (ClosingReason.PASSIVE, ClosingWay.PARTNER_ADVICE, Advice.EXHAUSTED): ReturnTo.NONE,
    (ClosingReason.PASSIVE, ClosingWay.AUTOMATIC, None): ReturnTo.NONE,
    (ClosingReason.PASSIVE, ClosingWay.VDAB, None): ReturnTo.VDAB_MEDIATOR,
    (ClosingReason.MAX_DURATION, ClosingWay.PARTNER_ADVICE, Advice.NEED): ReturnTo.CHEF_OE,
    (ClosingReason.MAX_DURATION, ClosingWay.PARTNER_ADVICE, Advice.NO_NEED): ReturnTo.NONE,
    (ClosingReason.MAX_DURATION, ClosingWay.PARTNER_ADVICE, Advice.EXHAUSTED): ReturnTo.NONE,
    (ClosingReason.MAX_DURATION, ClosingWay.AUTOMATIC, None): ReturnTo.CHEF_OE,
    (ClosingReason.MAX_DURATION, ClosingWay.VDAB, None): ReturnTo.VDAB_MEDIATOR,
}


@dataclass(frozen=True)
class ReturnDecision:
    to: ReturnTo
    reasons: tuple[Reason, ...]


def return_to_vdab(
    *, tender: str, reason: str, way: str, advice: str | None, open_items: bool
) -> ReturnDecision:
    """MED-17: does mediation return to VDAB, and to whom?

    Open trajectory actions or contacts always send it back, whatever the table says; the seed
    names no addressee for that case, so it goes to the VDAB mediator who referred the client.
    A service stopped for absence (MED-03) goes back to the VDAB mediator with its own signal.
    """
    if reason == ClosingReason.ABSENCE:
        return ReturnDecision(
            ReturnTo.VDAB_MEDIATOR,
            (
                Reason(
                    "MED-03",
                    "Signaal aan de VDAB-bemiddelaar: service geweigerd wegens afwezigheid.",
                ),
            ),
        )
    if tender == Tender.WIJ3 and reason == ClosingReason.PASSIVE:
        raise ValueError("WIJ3 never closes on passive category (MED-13)")
    key = (
        ClosingReason(reason),
        ClosingWay(way),
        Advice(advice) if advice and way == ClosingWay.PARTNER_ADVICE else None,
    )
    to = RETURN_TABLE[key]
    reasons = [
        Reason(
            "MED-17",
            "Volgens {annex}: {to}.",
            (
                ("annex", Phrase("bijlage 4") if tender == Tender.WIJ3 else Phrase("bijlage 3")),
                ("to", RETURN_PHRASES[to]),
            ),
        )
    ]
    if open_items and to == ReturnTo.NONE:
        to = ReturnTo.VDAB_MEDIATOR
        reasons.append(
            Reason(
                "MED-17",
                "Er staan nog open trajectacties of contacten in het dossier: de bemiddeling "
                "komt altijd terug bij VDAB.",
            )
        )
    return ReturnDecision(to, tuple(reasons))


# ---- MED-12: month-end categories and the partner's tender settings ----------------------------

MAX_SETTING_MONTHS = 60  # a sanity bound for the partner's own maximum duration


def is_catwz_code(code: str) -> bool:
    """A CATWZ category is a two-digit code (e.g. "00", "50")."""
    return len(code) == 2 and code.isascii() and code.isdigit()


def month_end_refusal(
    *, month_end: date, category: str, passive_given: bool, started_on: date | None
) -> tuple[str, Reason] | None:
    """MED-12: a month-end category belongs to a month of mediation, with a real CATWZ code."""
    if started_on is None:
        return (
            "month_end",
            Reason(
                "MED-12", "De bemiddeling is nog niet gestart: er telt nog geen einde van de maand."
            ),
        )
    if month_end < started_on:
        return (
            "month_end",
            reason(
                "MED-12",
                "Deze maand ligt vóór de start van de bemiddeling ({start}): alleen de maanden "
                "van de bemiddeling tellen.",
                start=f"{started_on:%d/%m/%Y}",
            ),
        )
    if category and not is_catwz_code(category):
        return (
            "category",
            Reason("MED-12", "Een CATWZ-categorie is een code van twee cijfers, bv. 00 of 52."),
        )
    if not category and not passive_given:
        return (
            "category",
            Reason("MED-12", "Geef de CATWZ-categorie, of duid aan of het dossier passief was."),
        )
    return None


def tender_setting_refusals(
    *, maximum_months: int, passive_codes: list[str], minimum_months: int
) -> dict[str, Reason]:
    """The partner's confirmation of the values the seed does not give (MED-12)."""
    errors: dict[str, Reason] = {}
    if not minimum_months <= maximum_months <= MAX_SETTING_MONTHS:
        errors["maximum_months"] = reason(
            "MED-12",
            "De maximale duur ligt tussen {minimum} (de minimumduur) en {maximum} maanden.",
            minimum=minimum_months,
            maximum=MAX_SETTING_MONTHS,
        )
    wrong = [c for c in passive_codes if not is_catwz_code(c)]
    if wrong:
        errors["passive_codes"] = reason(
            "MED-12", "Geen CATWZ-code van twee cijfers: {codes}.", codes=", ".join(wrong)
        )
    elif not passive_codes:
        errors["passive_codes"] = Reason("MED-12", "Geef minstens één passieve CATWZ-code.")
    return errors
