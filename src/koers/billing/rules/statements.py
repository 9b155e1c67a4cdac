"""BIL-03: the monthly statement of a coach — which hours it carries, per client and voucher, at
the coach's hourly rate (BIL-04), with totals; a month not yet ended is refused; a closed statement
is never edited, only corrected by a separate, visible correction entry.

A statement for month M (sent around the `settlement_day` of M+1) carries the billable hours
entered at VDAB on or before VDAB's deadline of M that no earlier statement carried ("na de
vorige afrekening en voor het einde van de vorige maand", read with BIL-02). Hours entered later
roll over to the next statement. An hour is settled at most once: one already on a statement is
left out with its reason.

Amounts: hours × rate per line, rounded to the cent half up; the total is the sum of the rounded
lines, so the statement, the invoice and its UBL agree to the cent.

Pure: no Django, no clock (`today` is a parameter).
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from koers.billing.rules.hours import vdab_deadline
from koers.billing.rules.periods import Month, day_label, hours_label, hours_of
from koers.billing.rules.ruleset import CENT, BillingRuleset
from koers.lib.rules import Reason, reason

BLOCK_MINUTES = 30  # LBC-02 / LBC-18: VDAB counts guidance and aftercare per half hour


def money(amount: Decimal) -> Decimal:
    """To the cent, half up (the Belgian invoice convention)."""
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class EntryFacts:
    """A counted hour block as the statement reads it."""

    hour_id: str
    client_name: str
    voucher: str  # the voucher's number as VDAB knows it
    day: date  # when the guidance took place: its rate is the rate valid that day
    minutes: int
    entered_on: date | None  # entered at VDAB (BIL-02)
    aftercare: bool = False
    settled_in: str | None = None  # the statement that already carries it


@dataclass(frozen=True)
class CoachRate:
    """A coach's hourly rate, set by centre staff, from the rule set's allowed rates (BIL-04)."""

    rate: Decimal
    valid_from: date
    valid_until: date | None = None

    def covers(self, day: date) -> bool:
        return self.valid_from <= day and (self.valid_until is None or day <= self.valid_until)


@dataclass(frozen=True)
class StatementLine:
    client_name: str
    voucher: str
    minutes: int
    rate: Decimal
    hour_ids: tuple[str, ...]

    @property
    def hours(self) -> Decimal:
        return hours_of(self.minutes)

    @property
    def amount(self) -> Decimal:
        return money(self.hours * self.rate)


@dataclass(frozen=True)
class Left:
    """An hour the statement does not carry, and why."""

    hour_id: str
    reason: Reason


@dataclass(frozen=True)
class Statement:
    coach: str
    month: Month
    lines: tuple[StatementLine, ...]
    left_out: tuple[Left, ...]
    reasons: tuple[Reason, ...]

    @property
    def total(self) -> Decimal:
        return sum((line.amount for line in self.lines), Decimal("0.00"))

    @property
    def hour_ids(self) -> tuple[str, ...]:
        return tuple(h for line in self.lines for h in line.hour_ids)


@dataclass(frozen=True)
class Correction:
    """A visible correction of a closed statement: more or fewer hours for one client and voucher,
    at the rate of the corrected line, with the reason a person gave."""

    statement: str
    client_name: str
    voucher: str
    minutes: int  # signed: negative takes hours back
    rate: Decimal
    note: str

    @property
    def amount(self) -> Decimal:
        sign = -1 if self.minutes < 0 else 1
        return sign * money(hours_of(abs(self.minutes)) * self.rate)


def rate_refusal(rate: Decimal, ruleset: BillingRuleset) -> Reason | None:
    """BIL-04: a coach's rate is one of the rule set's allowed rates."""
    if rate in ruleset.allowed_hourly_rates:
        return None
    return reason(
        "BIL-04",
        "Een uurtarief van € {rate} is niet toegelaten; kies uit {allowed}.",
        rate=_euro(rate),
        allowed=" of ".join(f"€ {_euro(r)}" for r in ruleset.allowed_hourly_rates),
    )


def rates_refusal(rates: Iterable[CoachRate], ruleset: BillingRuleset) -> Reason | None:
    """BIL-04: a coach's rates are allowed ones and their periods do not overlap."""
    ordered = sorted(rates, key=lambda r: r.valid_from)
    for rate in ordered:
        if rate.valid_until is not None and rate.valid_until < rate.valid_from:
            return Reason("BIL-04", "Een tarief eindigt niet vóór het begint.")
        refused = rate_refusal(rate.rate, ruleset)
        if refused:
            return refused
    for before, after in zip(ordered, ordered[1:], strict=False):
        if before.valid_until is None or before.valid_until >= after.valid_from:
            return reason(
                "BIL-04",
                "Twee tarieven gelden tegelijk op {day}: laat het vorige eerder eindigen.",
                day=day_label(after.valid_from),
            )
    return None


def rate_on(rates: Iterable[CoachRate], day: date) -> Decimal | None:
    """The coach's rate valid on `day`, or None when centre staff set none for that day."""
    return next((r.rate for r in rates if r.covers(day)), None)


def settlement_refusal(month: Month, today: date) -> Reason | None:
    """BIL-03: only a month that has ended is settled."""
    if today > month.last_day:
        return None
    return reason(
        "BIL-03",
        "De maand {month} is nog niet voorbij: afrekenen kan vanaf {day}.",
        month=month.label,
        day=day_label(month.plus(1).first_day),
    )


def settlement_due(month: Month, today: date, ruleset: BillingRuleset) -> bool:
    """BIL-03: the scheduled sweep settles month M from the settlement day of M+1 on."""
    next_month = month.plus(1)
    return today >= date(next_month.year, next_month.month, ruleset.settlement_day)


def _left_reason(entry: EntryFacts, deadline: date) -> Reason | None:
    if entry.settled_in is not None:
        return reason(
            "BIL-03",
            "Staat al op afrekening {statement}: een uur wordt maar één keer afgerekend.",
            statement=entry.settled_in,
        )
    if entry.aftercare:
        return Reason("BIL-02", "Nazorg wordt niet apart vergoed en komt niet op de afrekening.")
    if entry.entered_on is None:
        return Reason("BIL-02", "Nog niet ingegeven bij VDAB: komt op een latere afrekening.")
    if entry.entered_on > deadline:
        return reason(
            "BIL-03",
            "Ingegeven op {day}, na de VDAB-deadline van {deadline}: komt op de volgende afrekening.",
            day=day_label(entry.entered_on),
            deadline=day_label(deadline),
        )
    if entry.minutes <= 0 or entry.minutes % BLOCK_MINUTES:
        return Reason("BIL-03", "Enkel hele halve uren worden afgerekend.")
    return None


def build_statement(
    *,
    coach: str,
    month: Month,
    entries: Iterable[EntryFacts],
    rates: Iterable[CoachRate],
    today: date,
    ruleset: BillingRuleset,
) -> tuple[Statement | None, Reason | None]:
    """The statement of `coach` for `month`, or the reason it cannot be made."""
    refused = settlement_refusal(month, today) or rates_refusal(rates, ruleset)
    if refused:
        return None, refused
    rates = tuple(rates)
    deadline = vdab_deadline(month, ruleset)
    groups: dict[tuple[str, str, Decimal], list[EntryFacts]] = {}
    left: list[Left] = []
    for entry in sorted(entries, key=lambda e: (e.day, e.hour_id)):
        why = _left_reason(entry, deadline)
        rate = rate_on(rates, entry.day)
        if why is None and rate is None:
            why = reason(
                "BIL-04",
                "Geen uurtarief voor deze coach op {day}: centrummedewerkers stellen het in.",
                day=day_label(entry.day),
            )
        if why is not None:
            left.append(Left(entry.hour_id, why))
            continue
        groups.setdefault((entry.client_name, entry.voucher, rate), []).append(entry)
    lines = tuple(
        StatementLine(
            client, voucher, sum(e.minutes for e in group), rate, tuple(e.hour_id for e in group)
        )
        for (client, voucher, rate), group in sorted(groups.items(), key=lambda kv: kv[0])
    )
    why = reason(
        "BIL-03",
        "Uren ingegeven bij VDAB tot en met {deadline} en nog niet afgerekend.",
        deadline=day_label(deadline),
    )
    return Statement(coach, month, lines, tuple(left), (why,)), None


def edit_refusal() -> Reason:
    """BIL-03: a closed statement is never edited."""
    return Reason(
        "BIL-03",
        "Een afrekening wordt niet gewijzigd: voeg een correctie toe die de reden vermeldt.",
    )


def correction_refusal(
    statement: Statement, correction: Correction, earlier: Iterable[Correction] = ()
) -> Reason | None:
    """BIL-03: a correction names its reason, changes whole half hours of a line on the statement,
    and takes back no more hours than that line (with earlier corrections) carries."""
    if not correction.note.strip():
        return Reason("BIL-03", "Vermeld waarom de afrekening gecorrigeerd wordt.")
    if correction.minutes == 0 or correction.minutes % BLOCK_MINUTES:
        return Reason("BIL-03", "Een correctie verandert een geheel aantal halve uren.")
    if correction.minutes < 0:
        key = (correction.client_name, correction.voucher, correction.rate)
        carried = sum(
            line.minutes
            for line in statement.lines
            if (line.client_name, line.voucher, line.rate) == key
        ) + sum(c.minutes for c in earlier if (c.client_name, c.voucher, c.rate) == key)
        if carried + correction.minutes < 0:
            return reason(
                "BIL-03",
                "De afrekening bevat maar {hours} uur voor deze cliënt en cheque.",
                hours=hours_label(carried),
            )
    return None


def corrected_total(statement: Statement, corrections: Iterable[Correction]) -> Decimal:
    """The statement's total with its correction entries; the statement itself stays as it was."""
    return statement.total + sum((c.amount for c in corrections), Decimal("0.00"))


def _euro(amount: Decimal) -> str:
    return f"{money(amount):f}".replace(".", ",")
