"""The employment measures of seed 003 (TRN-09..12), in one place: their kinds and numbers
(`measure_kinds`), the documents and approvals they need (`measure_documents`), and here their
durations and what each may lead to.

Pure: no Django, no clock.
"""

from datetime import date, timedelta

from koers.lib.rules import Reason, reason
from koers.transition.rules.measure_documents import (
    ACTIVA_C4_TEXT,
    ACTIVA_ORIGINS,
    REQUIREMENTS,
    MeasureFacts,
    Moment,
    Requirement,
    close_refusal,
    missing,
    missing_for_close,
    missing_for_start,
    requirements,
    resignation_refusal,
    start_refusal,
    start_warnings,
)
from koers.transition.rules.measure_kinds import (
    DEFAULT_RULES,
    INTERNSHIPS,
    LEADS_TO,
    MEASURE_LABELS,
    MEASURE_PAY,
    MEASURE_PHASE,
    MEASURE_RULE,
    TRANSITIONS,
    MeasureKind,
    MeasureRules,
    add_months,
)

__all__ = [
    "ACTIVA_C4_TEXT",
    "ACTIVA_ORIGINS",
    "INTERNSHIPS",
    "LEADS_TO",
    "MEASURE_LABELS",
    "MEASURE_PAY",
    "MEASURE_PHASE",
    "MEASURE_RULE",
    "DEFAULT_RULES",
    "REQUIREMENTS",
    "TRANSITIONS",
    "MeasureFacts",
    "MeasureKind",
    "MeasureRules",
    "Moment",
    "Requirement",
    "activa_advantage",
    "add_months",
    "close_refusal",
    "default_end",
    "duration_days",
    "duration_refusal",
    "duration_warning",
    "follow_on_refusal",
    "last_allowed_day",
    "missing",
    "missing_for_close",
    "missing_for_start",
    "requirements",
    "resignation_refusal",
    "rva_payment_expected_by",
    "start_refusal",
    "start_warnings",
]


def duration_days(start: date, end: date) -> int:
    """Both days included: a BVS from Monday the 1st to Sunday the 14th lasts 14 days, 2 weeks."""
    return (end - start).days + 1


def last_allowed_day(kind: str, start: date, rules: MeasureRules = DEFAULT_RULES) -> date | None:
    """The last day a measure may run (None: no maximum; BVS only warns)."""
    if kind == MeasureKind.TBS:
        return start + timedelta(weeks=rules.tbs_max_weeks, days=-1)
    if kind == MeasureKind.IBO:
        return add_months(start, rules.ibo_max_months) - timedelta(days=1)
    return None


def duration_refusal(
    kind: str, start: date, end: date, rules: MeasureRules = DEFAULT_RULES
) -> Reason | None:
    """TRN-10, TRN-11: a TBS longer than 3 weeks, an IBO shorter than 4 weeks or longer than
    6 months is refused; an end before the start always is."""
    if end < start:
        return reason(MEASURE_RULE[kind], "De einddatum ligt vóór de begindatum.")
    last = last_allowed_day(kind, start, rules)
    if kind == MeasureKind.TBS and end > last:
        return reason(
            "TRN-10",
            "Een TBS duurt maximaal {weeks} weken (tot {last}).",
            weeks=rules.tbs_max_weeks,
            last=f"{last:%d/%m/%Y}",
        )
    if kind == MeasureKind.IBO:
        if duration_days(start, end) < rules.ibo_min_weeks * 7:
            return reason(
                "TRN-11", "Een IBO duurt minimaal {weeks} weken.", weeks=rules.ibo_min_weeks
            )
        if end > last:
            return reason(
                "TRN-11",
                "Een IBO duurt maximaal {months} maanden (tot {last}).",
                months=rules.ibo_max_months,
                last=f"{last:%d/%m/%Y}",
            )
    return None


def duration_warning(
    kind: str, start: date, end: date, rules: MeasureRules = DEFAULT_RULES
) -> Reason | None:
    """TRN-09: a BVS lasts 2 weeks; longer is allowed but warned."""
    if kind != MeasureKind.BVS or end < start:
        return None
    if duration_days(start, end) <= rules.bvs_weeks * 7:
        return None
    return reason(
        "TRN-09",
        "Een BVS duurt normaal {weeks} weken; deze duurt {days} dagen.",
        weeks=rules.bvs_weeks,
        days=duration_days(start, end),
    )


def default_end(kind: str, start: date, rules: MeasureRules = DEFAULT_RULES) -> date | None:
    """The end a form proposes: a BVS of 2 weeks; the others are agreed case by case."""
    if kind == MeasureKind.BVS:
        return start + timedelta(weeks=rules.bvs_weeks, days=-1)
    return None


def follow_on_refusal(previous: str, following: str) -> Reason | None:
    """TRN-09, TRN-10: a BVS or TBS may lead to an ACTIVA contract or an IBO; nothing else follows
    a measure as its result."""
    if following in LEADS_TO[MeasureKind(previous)]:
        return None
    return reason(
        MEASURE_RULE[previous],
        "Na {previous} volgt geen {following}.",
        previous=MEASURE_LABELS[previous],
        following=MEASURE_LABELS[following],
    )


def activa_advantage(rules: MeasureRules = DEFAULT_RULES) -> str:
    """TRN-12: the employer's advantages in one Dutch sentence."""
    return (
        f"Minimaal {rules.activa_min_years} jaar € {rules.activa_reduction_per_quarter_eur:,} "
        f"RSZ-vermindering per kwartaal (≈ € {rules.activa_reduction_per_quarter_eur // 3} per "
        f"maand) en een werkuitkering van € {rules.activa_work_allowance_eur}."
    ).replace(",", ".")


def rva_payment_expected_by(resignation_day: date, rules: MeasureRules = DEFAULT_RULES) -> date:
    """TRN-11: between the resignation and the RVA's first payment up to 14 days may pass."""
    return resignation_day + timedelta(days=rules.rva_payment_max_days)
