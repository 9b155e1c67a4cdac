"""The 16 KPIs of seed 003 (TRN-13), counted from recorded events of a period: effort against
results, for management, the steering group and funders. Start with a baseline ("nulmeting"),
compare later periods with it, show a month series in a chart, export the rows as a spreadsheet.

Pure: a list of event facts in, counts out. Counts are additive: the counts of two disjoint
periods add up to the counts of their union. Coaching hours are counted in minutes (exact) and
shown in hours.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from types import MappingProxyType

from koers.lib.rules import Phrase, Reason, phrase, reason
from koers.transition.rules.actions import EmployerContactKind
from koers.transition.rules.followup import Checkpoint, TransitionFacts, due_day, still_in_place
from koers.transition.rules.measure_kinds import (
    DEFAULT_RULES,
    INTERNSHIPS,
    MeasureRules,
    add_months,
)


class Kpi(StrEnum):
    """TRN-13: the KPIs in the seed's order; their number (1–16) is their position."""

    ASSESSMENTS = "assessments"
    VACANCIES_DISCUSSED = "vacancies_discussed"
    APPLICATION_ACTIONS = "application_actions"
    JOB_INTERVIEWS = "job_interviews"
    TRAININGS = "trainings"
    TRANSITIONS = "transitions"
    IN_PLACE_FIRST = "in_place_first"  # after 2 weeks
    IN_PLACE_SECOND = "in_place_second"  # after 6 months
    INTERNSHIPS = "internships"
    PDPS = "pdps"
    TO_TRAINING = "to_training"
    COACHING_HOURS = "coaching_hours"
    WORKER_COMPANY_VISITS = "worker_company_visits"  # 13
    PHONE_PROSPECTING = "phone_prospecting"  # 14
    COACH_PROSPECTING_VISITS = "coach_prospecting_visits"  # 15
    COMPANY_PRESENTATIONS = "company_presentations"  # 16


KPIS: tuple[Kpi, ...] = tuple(Kpi)
KPI_NUMBER: Mapping[str, int] = MappingProxyType({k: i + 1 for i, k in enumerate(KPIS)})

# TRN-13: the labels exactly as seed 003 lists them (page 8).
KPI_LABELS: Mapping[str, Phrase] = MappingProxyType(
    {
        Kpi.ASSESSMENTS: phrase("Assessments"),
        Kpi.VACANCIES_DISCUSSED: phrase("Besproken vacatures"),
        Kpi.APPLICATION_ACTIONS: phrase("Sollicitatieacties"),
        Kpi.JOB_INTERVIEWS: phrase("Sollicitatiegesprekken"),
        Kpi.TRAININGS: phrase("Trainingen"),
        Kpi.TRANSITIONS: phrase("Doorstromingen"),
        Kpi.IN_PLACE_FIRST: phrase("Doorstroom na 2 weken"),
        Kpi.IN_PLACE_SECOND: phrase("Doorstroom na 6 maanden"),
        Kpi.INTERNSHIPS: phrase("Bedrijfsstages"),
        Kpi.PDPS: phrase("Persoonlijke Doorstroom Plannen (PDP)"),
        Kpi.TO_TRAINING: phrase("Doorstroom naar Opleiding"),
        Kpi.COACHING_HOURS: phrase("Coachinguren"),
        Kpi.WORKER_COMPANY_VISITS: phrase(
            "Bedrijfsbezoeken - voorstelling aan doelgroep medewerker"
        ),
        Kpi.PHONE_PROSPECTING: phrase("Telefonische prospecties"),
        Kpi.COACH_PROSPECTING_VISITS: phrase("Bedrijfsbezoeken - voorstel project en prospectie"),
        Kpi.COMPANY_PRESENTATIONS: phrase("Bedrijfsvoorstellingen"),
    }
)


class EventKind(StrEnum):
    """What is recorded; each kind feeds one KPI (an employer contact: by its type)."""

    ASSESSMENT = "assessment"
    VACANCY_DISCUSSED = "vacancy_discussed"
    APPLICATION_ACTION = "application_action"
    JOB_INTERVIEW = "job_interview"
    TRAINING = "training"
    TRANSITION = "transition"  # first day of regular work or of the IBO
    FOLLOWUP = "followup"  # still in place at a checkpoint
    INTERNSHIP = "internship"  # a BVS or TBS started
    PDP = "pdp"
    TO_TRAINING = "to_training"  # left the SEC for a training (not a transition)
    COACHING = "coaching"  # minutes of coaching
    EMPLOYER_CONTACT = "employer_contact"


_DIRECT: Mapping[str, Kpi] = MappingProxyType(
    {
        EventKind.ASSESSMENT: Kpi.ASSESSMENTS,
        EventKind.VACANCY_DISCUSSED: Kpi.VACANCIES_DISCUSSED,
        EventKind.APPLICATION_ACTION: Kpi.APPLICATION_ACTIONS,
        EventKind.JOB_INTERVIEW: Kpi.JOB_INTERVIEWS,
        EventKind.TRAINING: Kpi.TRAININGS,
        EventKind.TRANSITION: Kpi.TRANSITIONS,
        EventKind.INTERNSHIP: Kpi.INTERNSHIPS,
        EventKind.PDP: Kpi.PDPS,
        EventKind.TO_TRAINING: Kpi.TO_TRAINING,
        EventKind.COACHING: Kpi.COACHING_HOURS,
    }
)

# TRN-13: employer contacts are typed 13–16. Job days and fairs are market development the seed
# counts under none of them (TO CONFIRM BY A PERSON).
CONTACT_KPI: Mapping[str, Kpi] = MappingProxyType(
    {
        EmployerContactKind.WORKER_COMPANY_VISIT: Kpi.WORKER_COMPANY_VISITS,
        EmployerContactKind.PHONE_PROSPECTING: Kpi.PHONE_PROSPECTING,
        EmployerContactKind.COACH_PROSPECTING_VISIT: Kpi.COACH_PROSPECTING_VISITS,
        EmployerContactKind.COMPANY_PRESENTATION: Kpi.COMPANY_PRESENTATIONS,
    }
)
CHECKPOINT_KPI: Mapping[str, Kpi] = MappingProxyType(
    {Checkpoint.FIRST: Kpi.IN_PLACE_FIRST, Checkpoint.SECOND: Kpi.IN_PLACE_SECOND}
)


@dataclass(frozen=True)
class KpiEvent:
    kind: EventKind
    day: date
    worker: str | None = None
    organisation: str | None = None
    minutes: int = 0  # COACHING
    measure: str | None = None  # INTERNSHIP: "bvs" or "tbs"
    checkpoint: Checkpoint | None = None  # FOLLOWUP
    contact: EmployerContactKind | None = None  # EMPLOYER_CONTACT


def event_problems(event: KpiEvent) -> tuple[Reason, ...]:
    """TRN-13: what makes an event uncountable (the service refuses it before it is stored)."""
    problems = []
    if event.kind == EventKind.COACHING and event.minutes <= 0:
        problems.append(reason("TRN-13", "Geef de duur van de coaching in minuten."))
    if event.kind == EventKind.INTERNSHIP and event.measure not in INTERNSHIPS:
        problems.append(reason("TRN-13", "Een bedrijfsstage is een BVS of een TBS."))
    if event.kind == EventKind.FOLLOWUP and event.checkpoint is None:
        problems.append(reason("TRN-13", "Zeg bij welk opvolgmoment dit hoort."))
    if event.kind == EventKind.EMPLOYER_CONTACT and event.contact is None:
        problems.append(reason("TRN-13", "Kies het soort werkgeverscontact."))
    return tuple(problems)


def kpi_of(event: KpiEvent) -> Kpi | None:
    """The KPI an event counts for, or None (an uncountable event, a job day)."""
    if event_problems(event):
        return None
    if event.kind == EventKind.FOLLOWUP:
        return CHECKPOINT_KPI[event.checkpoint]
    if event.kind == EventKind.EMPLOYER_CONTACT:
        return CONTACT_KPI.get(event.contact)
    return _DIRECT[event.kind]


def weight(event: KpiEvent) -> int:
    return event.minutes if event.kind == EventKind.COACHING else 1


@dataclass(frozen=True)
class Period:
    """Both days included."""

    start: date
    end: date

    def __contains__(self, day: date) -> bool:
        return self.start <= day <= self.end


def period_refusal(period: Period) -> Reason | None:
    if period.end < period.start:
        return reason("TRN-13", "Het einde van de periode ligt vóór het begin.")
    return None


@dataclass(frozen=True)
class KpiCounts:
    """One value per KPI, in the seed's order; coaching hours in minutes."""

    values: tuple[int, ...] = (0,) * len(KPIS)

    def __getitem__(self, kpi: str) -> int:
        return self.values[KPI_NUMBER[kpi] - 1]

    def __add__(self, other: "KpiCounts") -> "KpiCounts":
        return KpiCounts(tuple(a + b for a, b in zip(self.values, other.values, strict=True)))

    def as_dict(self) -> dict[Kpi, int]:
        return dict(zip(KPIS, self.values, strict=True))


def count(events: Iterable[KpiEvent], period: Period, organisation: str | None = None) -> KpiCounts:
    """TRN-13: the KPIs of a period (and organisation, when given) from its events."""
    totals = [0] * len(KPIS)
    for event in events:
        if event.day not in period or (
            organisation is not None and event.organisation != organisation
        ):
            continue
        kpi = kpi_of(event)
        if kpi is not None:
            totals[KPI_NUMBER[kpi] - 1] += weight(event)
    return KpiCounts(tuple(totals))


def shown_value(kpi: str, value: int) -> str:
    """As the page and the spreadsheet show it: coaching minutes as hours with one decimal."""
    if kpi != Kpi.COACHING_HOURS:
        return str(value)
    hours = (Decimal(value) / 60).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    return str(hours).replace(".", ",")


def rows(counts: KpiCounts) -> tuple[tuple[int, Phrase, str], ...]:
    """The spreadsheet rows: number, label, value."""
    return tuple((KPI_NUMBER[k], KPI_LABELS[k], shown_value(k, counts[k])) for k in KPIS)


@dataclass(frozen=True)
class Comparison:
    kpi: Kpi
    baseline: int
    current: int
    difference: int
    ratio: Decimal | None  # current / baseline; None when the baseline is 0


def compare(baseline: KpiCounts, current: KpiCounts) -> tuple[Comparison, ...]:
    """TRN-13: each KPI against the baseline measurement: difference and ratio (two decimals)."""
    out = []
    for kpi in KPIS:
        before, now = baseline[kpi], current[kpi]
        ratio = None
        if before:
            ratio = (Decimal(now) / Decimal(before)).quantize(Decimal("0.01"), ROUND_HALF_UP)
        out.append(Comparison(kpi, before, now, now - before, ratio))
    return tuple(out)


def month_period(month: date) -> Period:
    first = month.replace(day=1)
    return Period(first, add_months(first, 1) - timedelta(days=1))


def months_between(first: date, last: date) -> tuple[date, ...]:
    """The first days of the months from `first`'s month through `last`'s."""
    month, end, out = first.replace(day=1), last.replace(day=1), []
    while month <= end:
        out.append(month)
        month = add_months(month, 1)
    return tuple(out)


def monthly_series(
    events: Iterable[KpiEvent], period: Period, organisation: str | None = None
) -> tuple[tuple[date, KpiCounts], ...]:
    """TRN-13: per month of the period (cut to the period at both ends), for a chart."""
    events = list(events)
    out = []
    for month in months_between(period.start, period.end):
        whole = month_period(month)
        part = Period(max(whole.start, period.start), min(whole.end, period.end))
        out.append((month, count(events, part, organisation)))
    return tuple(out)


def series_of(kpi: str, series: tuple[tuple[date, KpiCounts], ...]) -> tuple[int, ...]:
    return tuple(counts[kpi] for _, counts in series)


def transition_events(
    transition: TransitionFacts,
    *,
    worker: str | None = None,
    organisation: str | None = None,
    rules: MeasureRules = DEFAULT_RULES,
) -> tuple[KpiEvent, ...]:
    """TRN-13, TRN-17: a transition's events: the transition on its first day, and "still in
    place" on each checkpoint's due day when the follow-up found the worker still there (so a
    checkpoint counts in the period it falls in, however late it was recorded)."""
    out = [KpiEvent(EventKind.TRANSITION, transition.first_day, worker, organisation)]
    for checkpoint in Checkpoint:
        if still_in_place(transition, checkpoint, rules):
            day = due_day(transition.first_day, checkpoint, rules)
            out.append(
                KpiEvent(EventKind.FOLLOWUP, day, worker, organisation, checkpoint=checkpoint)
            )
    return tuple(out)


# TRN-13: a worker's activity (TRN-08, `models.ActivityKind` values) as the event it counts as.
# Job center I/II and job-search are application actions ("Sollicitatie-ACTIE", phase 2.2 of the
# seed) like a sent application (TO CONFIRM BY A PERSON); a training counts under "Trainingen".
ACTIVITY_EVENT: Mapping[str, EventKind] = MappingProxyType(
    {
        "vacancy_discussed": EventKind.VACANCY_DISCUSSED,
        "application": EventKind.APPLICATION_ACTION,
        "job_center_1": EventKind.APPLICATION_ACTION,
        "job_center_2": EventKind.APPLICATION_ACTION,
        "job_search": EventKind.APPLICATION_ACTION,
        "job_interview": EventKind.JOB_INTERVIEW,
        "training": EventKind.TRAINING,
    }
)


def kpi_of_kind(kind: str) -> Kpi | None:
    """TRN-13: the KPI an event kind counts for when a database has counted its rows already
    (an activity's kind, an employer contact's type, or an `EventKind`); None for a job day."""
    if kind in ACTIVITY_EVENT:
        return _DIRECT[ACTIVITY_EVENT[kind]]
    if kind in CONTACT_KPI:
        return CONTACT_KPI[kind]
    return _DIRECT.get(kind)


def counts_from(totals: Mapping[str, int]) -> KpiCounts:
    """KpiCounts from {kpi: value} (KPIs not named are 0)."""
    return KpiCounts(tuple(int(totals.get(k, 0)) for k in KPIS))
