"""TRN-13: the 16 KPIs of a team (the organisation, or one job coach's trajectories) for a
period, counted from the recorded rows — never from a counter kept by hand.

Every figure is counted IN THE DATABASE: each source (activities, employer contacts, assessments,
placements, …) grouped by month and kind, its rows of the period and of the baseline counted
side by side (`COUNT(…) FILTER (WHERE …)`), all sources as one `UNION ALL`: one query for the
page, whatever the number of rows or months. The "still in place" KPIs (7, 8) are counted there
too: a checkpoint's due day is a database expression (`due_days`, the same calendar as
`rules.followup.due_day`), and `rules.followup.still_in_place` is read as "no stop recorded on
or before the due day, and a record on or after it still in place".

Access: the organisation is one the user is a member of (an administrator: any); the figures
are counts over the organisation's transition trajectories, never a row of a file.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

from django.db import connection
from django.db.models import CharField, Count, F, OuterRef, Q, QuerySet, Subquery, Sum, Value
from django.http import Http404
from django.utils import timezone

from koers.core.models import Membership, Organisation, OrganisationKind, Role, User
from koers.lib.dbtime import DateMonth, LocalMonth
from koers.trajectories.models import (
    Contact,
    ContactOutcome,
    PlanKind,
    PlanVersion,
    Programme,
    Trajectory,
)
from koers.transition import models as m
from koers.transition.rules import followup as fu
from koers.transition.rules import kpis as rules
from koers.transition.rules.measure_kinds import (
    DEFAULT_RULES,
    INTERNSHIPS,
    MeasureRules,
    add_months,
)
from koers.transition.rules.ruleset import RULESETS, ruleset_for
from koers.transition.selectors.due_days import (
    by_first_day,
    due_expression,
    per_rule_set,
    rule_set_starts,
)
from koers.transition.selectors.kpi_memo import kpi_rows

Monthly = dict[date, dict[str, int]]  # first day of a month -> {kpi: value}


@dataclass(frozen=True)
class Team:
    organisation: Organisation
    coach: User | None = None

    @property
    def label(self) -> str:
        name = self.organisation.working_name or self.organisation.name
        return f"{name} — {self.coach.get_full_name()}" if self.coach else name


def kpi_organisations(user: User) -> QuerySet[Organisation]:
    """The social-economy companies whose KPIs the user may see: those they are a member of."""
    orgs = Organisation.objects.filter(kind=OrganisationKind.SOCIAL_ECONOMY)
    if not user.is_authenticated or not user.is_active:
        return orgs.none()
    if user.is_administrator:
        return orgs.order_by("name", "pk")
    return orgs.filter(pk__in=user.organisation_ids()).order_by("name", "pk")


def team_coaches(organisation: Organisation) -> QuerySet[User]:
    """The job coaches of the organisation (the choice "one job coach")."""
    ids = Membership.objects.filter(
        organisation=organisation, role=Role.JOB_COACH, is_active=True
    ).values("user_id")
    return User.objects.filter(pk__in=ids).order_by("last_name", "first_name", "pk")


def team_get(user: User, organisation_id: int | None = None, coach_id: int | None = None) -> Team:
    """The team for the user: the chosen organisation (default their first), 404 when it is not
    theirs or the coach is not a job coach of it."""
    orgs = kpi_organisations(user)
    organisation = (orgs.filter(pk=organisation_id) if organisation_id else orgs).first()
    if organisation is None:
        raise Http404
    coach = None
    if coach_id:
        coach = team_coaches(organisation).filter(pk=coach_id).first()
        if coach is None:
            raise Http404
    return Team(organisation, coach)


def _month(value: str) -> date:
    """ "YYYY-MM", as the database gives it (`DateMonth`, `LocalMonth`)."""
    return date(int(value[:4]), int(value[5:7]), 1)


def _file_scope(team: Team, path: str) -> Q:
    """Rows of the team's transition trajectories, as an IN list of their ids: the database
    then starts from the team's few trajectories, not from every row of the period (issue 14:
    every centre's contacts of two years, joined to their trajectory one by one)."""
    trajectories = Trajectory.objects.filter(
        organisation=team.organisation, programme=Programme.TRANSITION
    )
    if team.coach is not None:
        trajectories = trajectories.filter(responsible=team.coach)
    return Q(**{f"{path}trajectory_id__in": trajectories.values("pk")})


def _moments(period: rules.Period) -> tuple[datetime, datetime]:
    """The period as aware instants: its first day's local midnight up to the day after it."""
    tz = timezone.get_current_timezone()
    start = datetime.combine(period.start, datetime.min.time(), tzinfo=tz)
    end = datetime.combine(period.end + timedelta(days=1), datetime.min.time(), tzinfo=tz)
    return start, end


Periods = tuple[rules.Period, rules.Period]  # the period and the baseline


def _within(day: str, period: rules.Period, moment: bool) -> Q:
    """A date in the period; a moment whose local day is in it."""
    if moment:
        start, end = _moments(period)
        return Q(**{f"{day}__gte": start, f"{day}__lt": end})
    return Q(**{f"{day}__range": (period.start, period.end)})


def _month_of(day: str, periods: Periods, moment: bool):
    """A date's month by its text; a moment's in local time (`koers.lib.dbtime`)."""
    if not moment:
        return DateMonth(day)
    moments = [_moments(p) for p in periods]
    return LocalMonth(
        day,
        tzinfo=timezone.get_current_timezone(),
        start=min(a for a, _ in moments),
        end=max(b for _, b in moments),
    )


def _tally(queryset, day: str, periods: Periods, key, *, moment=False, minutes=False):
    """One source per month and key: the rows of the period (`p`) and of the baseline (`b`)
    counted together, each by its own condition (coaching: its minutes summed)."""
    now, before = (_within(day, p, moment) for p in periods)
    # One range over both periods (and the months between them) in the WHERE, not the OR of
    # the two: an index on (trajectory, day) is then searched once per trajectory.
    hull = rules.Period(min(p.start for p in periods), max(p.end for p in periods))
    total = (
        (lambda q: Sum("duration_minutes", filter=q))
        if minutes
        else (lambda q: Count("pk", filter=q))
    )
    return (
        queryset.filter(_within(day, hull, moment))
        .annotate(month=_month_of(day, periods, moment), key=key)
        .values("month", "key")
        .annotate(p=total(now), b=total(before))
        .order_by()
    )


def _kpi(kpi: rules.Kpi) -> Value:
    """The key of a source that counts for one KPI ("=" never starts an activity's kind)."""
    return Value(f"={kpi}", output_field=CharField())


def _kpi_of_key(key: str) -> rules.Kpi | None:
    return rules.Kpi(key[1:]) if key.startswith("=") else rules.kpi_of_kind(key)


def _counted(team: Team, periods: Periods) -> list:
    """Every KPI but the follow-ups: one grouped SELECT per source."""
    kind = F("kind")
    contacts = m.EmployerContact.objects.filter(employer__organisation=team.organisation)
    if team.coach is not None:
        contacts = contacts.filter(by=team.coach)
    activities = m.Activity.objects.filter(_file_scope(team, "file__"))
    assessed = m.SessionCandidate.objects.filter(_file_scope(team, "file__"))
    placements = m.Placement.objects.filter(_file_scope(team, "file__"))
    to_training = m.TransitionFile.objects.filter(_file_scope(team, ""))
    internships = m.Measure.objects.filter(
        _file_scope(team, "file__"), kind__in=sorted(INTERNSHIPS)
    )
    pdps = PlanVersion.objects.filter(
        _file_scope(team, "plan__"), number=1, plan__kind=PlanKind.TRANSITION
    )
    coaching = Contact.objects.filter(_file_scope(team, ""), outcome=ContactOutcome.HELD)
    return [
        _tally(activities, "on", periods, kind),
        _tally(contacts, "on", periods, kind),
        _tally(assessed, "reported_on", periods, _kpi(rules.Kpi.ASSESSMENTS)),
        _tally(placements, "first_day", periods, _kpi(rules.Kpi.TRANSITIONS)),
        _tally(to_training, "left_for_training_on", periods, _kpi(rules.Kpi.TO_TRAINING)),
        _tally(internships, "started_on", periods, _kpi(rules.Kpi.INTERNSHIPS)),
        _tally(pdps, "created_at", periods, _kpi(rules.Kpi.PDPS), moment=True),
        _tally(
            coaching,
            "starts_at",
            periods,
            _kpi(rules.Kpi.COACHING_HOURS),
            moment=True,
            minutes=True,
        ),
    ]


def _rules_on(day: date) -> MeasureRules:
    """The parameters in force on `day`; before the first rule set, the seed's defaults."""
    try:
        return ruleset_for(day)
    except LookupError:
        return DEFAULT_RULES


def _earliest(period: rules.Period) -> date:
    """The first day of the first placement whose checkpoint can fall in the period: the second
    checkpoint's distance (plus the days a short month cuts off) before its start, or the first
    checkpoint's if that is further."""
    now = _rules_on(period.end)
    return min(
        add_months(period.start, -now.followup_second_months) - timedelta(days=3),
        period.start - timedelta(weeks=now.followup_first_weeks),
    )


def _in_place(team: Team, periods: Periods) -> list:
    """KPIs 7 and 8 (TRN-13/17, `rules.followup.still_in_place`): a checkpoint counts in the
    month of its due day (by the rule set in force on the first day) when no stop was recorded
    on or before that day and a record on or after it still finds the worker in place."""
    records = m.FollowupRecord.objects.filter(placement=OuterRef("pk")).order_by()
    stopped = records.filter(status=m.FollowupStatus.STOPPED).order_by("day")
    in_place = records.filter(status__in=sorted(fu.IN_PLACE)).order_by("-day")
    placements = m.Placement.objects.filter(_file_scope(team, "file__")).annotate(
        stop=Subquery(stopped.values("day")[:1]), seen=Subquery(in_place.values("day")[:1])
    )
    by_day = by_first_day("first_day", rule_set_starts(RULESETS), _rules_on)
    out = []
    for checkpoint in fu.Checkpoint:
        due = per_rule_set(by_day, lambda r, c=checkpoint: due_expression("first_day", c, r))
        now, before = (
            Q(first_day__range=(_earliest(p), p.end), due__range=(p.start, p.end)) for p in periods
        )
        found = (
            placements.annotate(due=due)
            .filter(Q(stop__isnull=True) | Q(stop__gt=F("due")), seen__gte=F("due"))
            .filter(now | before)
            .annotate(month=DateMonth("due"), key=_kpi(rules.CHECKPOINT_KPI[checkpoint]))
            .values("month", "key")
            .annotate(p=Count("pk", filter=now), b=Count("pk", filter=before))
            .order_by()
        )
        out.append(found)
    return out


@dataclass(frozen=True)
class KpiFigures:
    period: rules.Period
    counts: rules.KpiCounts
    series: tuple[tuple[date, rules.KpiCounts], ...]


def _figures(period: rules.Period, monthly: Monthly) -> KpiFigures:
    series = tuple(
        (month, rules.counts_from(monthly.get(month, {})))
        for month in rules.months_between(period.start, period.end)
    )
    counts = sum((c for _, c in series), rules.KpiCounts())
    return KpiFigures(period, counts, series)


@lru_cache(maxsize=256)
def kpi_statement(
    vendor: str, zone: str, organisation_id: int, coach_id: int | None, periods: Periods
) -> tuple[str, tuple]:
    """The one SELECT of the figures, as SQL and parameters. It depends on its arguments only
    (never on the rows), so it is built once per team, periods, time zone and database: building
    it through the ORM costs more than running it (ten sources, CASE trees for the months)."""
    team = Team(Organisation(pk=organisation_id), coach_id and User(pk=coach_id))
    first, *rest = _counted(team, periods) + _in_place(team, periods)
    return first.union(*rest, all=True).query.sql_with_params()


def kpi_figures_with_baseline(
    team: Team, period: rules.Period, baseline: rules.Period
) -> tuple[KpiFigures, KpiFigures]:
    """The KPIs of the period and of the baseline with their month series (each cut to its
    period at both ends), in ONE query: every source grouped by month in the database, its rows
    of the period and of the baseline counted side by side, the sources as one UNION ALL."""
    sql, params = kpi_statement(
        connection.vendor,
        timezone.get_current_timezone_name(),
        team.organisation.pk,
        team.coach and team.coach.pk,
        (period, baseline),
    )
    now: Monthly = defaultdict(lambda: defaultdict(int))
    before: Monthly = defaultdict(lambda: defaultdict(int))
    for month, key, p, b in kpi_rows(team.organisation.pk, sql, params):  # `_tally`'s values()
        kpi = _kpi_of_key(key)
        if kpi is not None:
            now[_month(month)][kpi] += p
            before[_month(month)][kpi] += b
    return _figures(period, now), _figures(baseline, before)


def kpi_figures(team: Team, period: rules.Period) -> KpiFigures:
    """The KPIs of the period and their month series (cut to the period at both ends)."""
    return kpi_figures_with_baseline(team, period, period)[0]


def default_periods(today: date) -> tuple[rules.Period, rules.Period]:
    """This year so far, against the same days of last year as the baseline ("nulmeting")."""
    start = today.replace(month=1, day=1)
    baseline_end = add_months(today, -12)
    return rules.Period(start, today), rules.Period(
        start.replace(year=start.year - 1), baseline_end
    )
