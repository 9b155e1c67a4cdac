"""The KPI figures as Koers counted them before issue 14 (one grouped query per source and
period, the "still in place" KPIs judged in Python by `rules.kpis.transition_events`), kept as
the reference the database-only figures must equal (tests/transition/test_kpis_sql.py)."""

from collections import defaultdict
from datetime import date, datetime, timedelta

from django.db.models import Count, Q, Sum
from django.utils import timezone

from koers.lib.dbtime import DateMonth, LocalMonth
from koers.trajectories.models import Contact, ContactOutcome, PlanKind, PlanVersion, Programme
from koers.transition import models as m
from koers.transition.rules import followup as fu
from koers.transition.rules import kpis as rules
from koers.transition.rules.measure_kinds import (
    DEFAULT_RULES,
    INTERNSHIPS,
    MeasureRules,
    add_months,
)
from koers.transition.rules.ruleset import ruleset_for
from koers.transition.selectors.kpis import KpiFigures, Monthly, Team, _month


def _add(monthly: Monthly, rows, kpi_of) -> None:
    for row in rows:
        kpi = kpi_of(row)
        if kpi is not None:
            monthly[_month(row["month"])][kpi] += row["n"] or 0


def _file_scope(team: Team, path: str) -> Q:
    q = Q(**{f"{path}trajectory__organisation": team.organisation})
    if team.coach is not None:
        q &= Q(**{f"{path}trajectory__responsible": team.coach})
    return q


def _moments(period: rules.Period) -> tuple[datetime, datetime]:
    """The period as aware instants: its first day's local midnight up to the day after it."""
    tz = timezone.get_current_timezone()
    start = datetime.combine(period.start, datetime.min.time(), tzinfo=tz)
    end = datetime.combine(period.end + timedelta(days=1), datetime.min.time(), tzinfo=tz)
    return start, end


def _grouped(queryset, day: str, key: str | None = None, total=None, moments=None):
    """Counted per month in SQL: a date's month by its text, a moment's in local time."""
    fields = [key] if key else []
    if moments is None:
        month = DateMonth(day)
    else:
        month = LocalMonth(
            day, tzinfo=timezone.get_current_timezone(), start=moments[0], end=moments[1]
        )
    return (
        queryset.annotate(month=month)
        .values("month", *fields)
        .annotate(n=total or Count("pk"))
        .order_by()
    )


def _counted(team: Team, period: rules.Period) -> Monthly:
    """Every KPI but the follow-ups, per month: one GROUP BY query per source."""
    span = (period.start, period.end)
    monthly: Monthly = defaultdict(lambda: defaultdict(int))
    activities = m.Activity.objects.filter(_file_scope(team, "file__"), on__range=span)
    _add(monthly, _grouped(activities, "on", "kind"), lambda r: rules.kpi_of_kind(r["kind"]))
    contacts = m.EmployerContact.objects.filter(
        employer__organisation=team.organisation, on__range=span
    )
    if team.coach is not None:
        contacts = contacts.filter(by=team.coach)
    _add(monthly, _grouped(contacts, "on", "kind"), lambda r: rules.kpi_of_kind(r["kind"]))
    sources = (
        (rules.Kpi.ASSESSMENTS, m.SessionCandidate.objects, "file__", "reported_on", None),
        (rules.Kpi.TRANSITIONS, m.Placement.objects, "file__", "first_day", None),
        (rules.Kpi.TO_TRAINING, m.TransitionFile.objects, "", "left_for_training_on", None),
        (
            rules.Kpi.INTERNSHIPS,
            m.Measure.objects.filter(kind__in=sorted(INTERNSHIPS)),
            "file__",
            "started_on",
            None,
        ),
        (
            rules.Kpi.PDPS,
            PlanVersion.objects.filter(number=1, plan__kind=PlanKind.TRANSITION),
            "plan__",
            "created_at",
            None,
        ),
        (
            rules.Kpi.COACHING_HOURS,
            Contact.objects.filter(
                outcome=ContactOutcome.HELD, trajectory__programme=Programme.TRANSITION
            ),
            "",
            "starts_at",
            Sum("duration_minutes"),
        ),
    )
    moments = _moments(period)
    for kpi, queryset, path, day, total in sources:
        if day in ("created_at", "starts_at"):  # a moment: its day in local time
            within = {f"{day}__gte": moments[0], f"{day}__lt": moments[1]}
            at = moments
        else:
            within, at = {f"{day}__range": span}, None
        rows = _grouped(
            queryset.filter(_file_scope(team, path), **within), day, total=total, moments=at
        )
        _add(monthly, rows, lambda _row, kpi=kpi: kpi)
    return monthly


def _rules_on(day: date) -> MeasureRules:
    """The parameters in force on `day`; before the first rule set, the seed's defaults."""
    try:
        return ruleset_for(day)
    except LookupError:
        return DEFAULT_RULES


def _facts(placement: m.Placement) -> fu.TransitionFacts:
    records = tuple(
        fu.FollowupRecord(
            day=r.day,
            status=fu.FollowupStatus(r.status),
            employer=r.employer_name or None,
            checkpoint=fu.Checkpoint(r.checkpoint) if r.checkpoint else None,
        )
        for r in placement.records.all()
    )
    return fu.TransitionFacts(
        placement.first_day, fu.Destination(placement.destination), None, records
    )


def _in_place(team: Team, period: rules.Period) -> Monthly:
    """KPIs 7 and 8: a checkpoint counts in the month of its due day (TRN-13/17). The placements
    whose due day can fall in the period: first day from the second checkpoint's distance (plus
    the days a short month cuts off) before the start, to the first checkpoint's before the end."""
    now = _rules_on(period.end)
    earliest = min(
        add_months(period.start, -now.followup_second_months) - timedelta(days=3),
        period.start - timedelta(weeks=now.followup_first_weeks),
    )
    placements = (
        m.Placement.objects.filter(_file_scope(team, "file__"))
        .filter(first_day__range=(earliest, period.end))
        .prefetch_related("records")
    )
    events = []
    for placement in placements:
        facts = _facts(placement)
        rule_set = _rules_on(placement.first_day)
        events += [
            e
            for e in rules.transition_events(facts, rules=rule_set)
            if e.kind == rules.EventKind.FOLLOWUP
        ]
    monthly: Monthly = defaultdict(lambda: defaultdict(int))
    for month, counts in rules.monthly_series(events, period):
        for kpi in (rules.Kpi.IN_PLACE_FIRST, rules.Kpi.IN_PLACE_SECOND):
            monthly[month][kpi] += counts[kpi]
    return monthly


def kpi_figures(team: Team, period: rules.Period) -> KpiFigures:
    monthly = _counted(team, period)
    for month, values in _in_place(team, period).items():
        for kpi, value in values.items():
            monthly[month][kpi] += value
    series = tuple(
        (month, rules.counts_from(monthly.get(month, {})))
        for month in rules.months_between(period.start, period.end)
    )
    counts = sum((c for _, c in series), rules.KpiCounts())
    return KpiFigures(period, counts, series)
