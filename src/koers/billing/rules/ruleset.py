"""The billing numbers, versioned by validity dates (RULESET in domain.md; BIL-01..06).

TO CONFIRM BY A PERSON — the seed (000, "Registratie van je uren", "Bezorging van de documenten",
"Je eigen ontwikkeling") gives no number for these; the defaults below are Koers' placeholders,
chosen so the rules can run, not facts from the funder or the centre:

- `vdab_deadline_days_before_month_end` (BIL-02: "een aantal dagen voor het einde van de maand");
- `deadline_warning_days` (BIL-02: how early Koers warns before that deadline);
- `quarter_reminder_days` (BIL-01: how early before a quarter ends Koers reminds to deliver);
- `audit_reminder_days` (BIL-01: how early before an audit deadline Koers reminds);
- `development_plan_due_month` / `development_plan_due_day` / `development_plan_reminder_days`
  (BIL-06: the seed says "jaarlijks", no date).

From the seed: the allowed hourly rates €90 and €110 (BIL-04) and the settlement around the 5th
(BIL-03). From Belgian VAT law: 21 % standard rate (category S) and the small-business exemption
(category E, 0 %, art. 56bis WBTW) with its mandatory mention.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from types import MappingProxyType

from koers.lib.rules import VersionedRuleset, in_force

CENT = Decimal("0.01")


@dataclass(frozen=True)
class BillingRuleset(VersionedRuleset):
    """The funder's and the centre's billing numbers, valid for a period."""

    # BIL-04 (seed 000: "Tarief: 90 of 110 euro"); which one a coach gets is a rate per coach.
    allowed_hourly_rates: tuple[Decimal, ...] = (Decimal("90.00"), Decimal("110.00"))
    # BIL-02: the last day to enter hours at VDAB is this many days before the month's last day.
    # TO CONFIRM BY A PERSON: the seed says only "een aantal dagen".
    vdab_deadline_days_before_month_end: int = 3
    # BIL-02: warn this many days before the VDAB deadline. TO CONFIRM BY A PERSON.
    deadline_warning_days: int = 5
    # BIL-03 (seed 000: "Rond de 5de van elke maand"): the day of the month the settlement runs.
    settlement_day: int = 5
    # BIL-01: remind this many days before a quarter ends. TO CONFIRM BY A PERSON.
    quarter_reminder_days: int = 14
    # BIL-01: remind this many days before an audit deadline. TO CONFIRM BY A PERSON.
    audit_reminder_days: int = 7
    # BIL-06: the yearly development plan is due on this day of the year. TO CONFIRM BY A PERSON.
    development_plan_due_month: int = 12
    development_plan_due_day: int = 31
    # BIL-06: remind this many days before the plan is due. TO CONFIRM BY A PERSON.
    development_plan_reminder_days: int = 30
    # BIL-04: Belgian VAT (Wetboek BTW): the standard rate, and the small-business exemption.
    vat_standard_category: str = "S"
    vat_standard_percent: Decimal = Decimal("21")
    vat_exempt_category: str = "E"
    vat_exempt_percent: Decimal = Decimal("0")
    vat_exemption_reason: str = "Bijzondere vrijstellingsregeling kleine ondernemingen"
    currency: str = "EUR"


RULESETS: tuple[BillingRuleset, ...] = (
    BillingRuleset(version="2026-seeds", valid_from=date(2026, 1, 1), valid_until=None),
)


def ruleset_for(day: date, rulesets: Iterable[BillingRuleset] = RULESETS) -> BillingRuleset:
    return in_force(day, rulesets, "billing")


# Parameters whose value is Koers' placeholder, not the seed's: a person must confirm them.
TO_CONFIRM: frozenset[str] = frozenset(
    {
        "vdab_deadline_days_before_month_end",
        "deadline_warning_days",
        "quarter_reminder_days",
        "audit_reminder_days",
        "development_plan_due_month",
        "development_plan_due_day",
        "development_plan_reminder_days",
    }
)

PARAMETER_LABELS: Mapping[str, str] = MappingProxyType(
    {
        "allowed_hourly_rates": "Toegelaten uurtarieven in euro (BIL-04)",
        "vdab_deadline_days_before_month_end": "VDAB-deadline: dagen vóór het einde van de maand (BIL-02)",
        "deadline_warning_days": "Waarschuwing: dagen vóór de VDAB-deadline (BIL-02)",
        "settlement_day": "Dag van de maand voor de afrekening (BIL-03)",
        "quarter_reminder_days": "Herinnering: dagen vóór het einde van het kwartaal (BIL-01)",
        "audit_reminder_days": "Herinnering: dagen vóór de auditdatum (BIL-01)",
        "development_plan_due_month": "Ontwikkelingsplan: maand waarin het binnen moet zijn (BIL-06)",
        "development_plan_due_day": "Ontwikkelingsplan: dag waarop het binnen moet zijn (BIL-06)",
        "development_plan_reminder_days": "Ontwikkelingsplan: herinnering dagen vooraf (BIL-06)",
        "vat_standard_category": "Btw-categorie normaal tarief (BIL-04)",
        "vat_standard_percent": "Btw-tarief normaal in procent (BIL-04)",
        "vat_exempt_category": "Btw-categorie vrijstelling kleine ondernemingen (BIL-04)",
        "vat_exempt_percent": "Btw-tarief bij vrijstelling in procent (BIL-04)",
        "vat_exemption_reason": "Vermelding bij vrijstelling (BIL-04)",
        "currency": "Munt (BIL-04)",
    }
)


def parameter_problems(ruleset: BillingRuleset) -> dict[str, str]:
    """Whether a version's numbers hang together, before anyone is judged by them."""
    problems: dict[str, str] = {}
    rates = ruleset.allowed_hourly_rates
    if not rates:
        problems["allowed_hourly_rates"] = "Geef minstens één uurtarief. (BIL-04)"
    elif any(rate <= 0 or rate != rate.quantize(CENT) for rate in rates):
        problems["allowed_hourly_rates"] = (
            "Een uurtarief is meer dan 0 euro, tot op de cent. (BIL-04)"
        )
    if not 0 <= ruleset.vdab_deadline_days_before_month_end <= 27:
        problems["vdab_deadline_days_before_month_end"] = "Geef 0 tot 27 dagen. (BIL-02)"
    if not 1 <= ruleset.settlement_day <= 28:
        problems["settlement_day"] = "Geef een dag van 1 tot 28. (BIL-03)"
    if not 1 <= ruleset.development_plan_due_month <= 12:
        problems["development_plan_due_month"] = "Geef een maand van 1 tot 12. (BIL-06)"
    else:
        try:
            date(2025, ruleset.development_plan_due_month, ruleset.development_plan_due_day)
        except ValueError:
            problems["development_plan_due_day"] = "Deze dag bestaat niet in die maand. (BIL-06)"
    if ruleset.vat_standard_percent <= 0:
        problems["vat_standard_percent"] = "Het normale btw-tarief is meer dan 0 %. (BIL-04)"
    if ruleset.vat_exempt_percent != 0:
        problems["vat_exempt_percent"] = "Bij vrijstelling is het btw-tarief 0 %. (BIL-04)"
    if not ruleset.vat_exemption_reason.strip():
        problems["vat_exemption_reason"] = "De vrijstelling moet vermeld worden. (BIL-04)"
    return problems
