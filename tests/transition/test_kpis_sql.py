"""TRN-13 counted in the database (issue 14): the figures of the one UNION ALL query equal the
figures Koers counted before (a query per source and period, the follow-ups judged in Python by
`rules.kpis.transition_events`) on varied data; the follow-up calendar in SQL equals
`rules.followup.due_day` on every day of a leap year and its neighbours; the KPI page and its API
twin read a fixed number of queries, 10 files or 60 (the figures themselves one query once
they are kept: `test_kpis_memo.py`)."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from koers.transition import models as m
from koers.transition.rules.followup import Checkpoint, due_day
from koers.transition.rules.kpis import Period
from koers.transition.rules.measure_kinds import DEFAULT_RULES, MeasureRules
from koers.transition.selectors import kpis as sel
from koers.transition.selectors.due_days import due_expression
from tests.factories import ClientFactory
from tests.transition import kpi_reference
from tests.transition.conftest import open_file
from tests.transition.kpi_varied import varied_history

PAIRS = (
    (Period(date(2026, 1, 1), date(2026, 10, 5)), Period(date(2025, 1, 1), date(2025, 10, 5))),
    # overlapping, cut mid-month
    (Period(date(2025, 3, 15), date(2026, 2, 28)), Period(date(2025, 1, 1), date(2025, 12, 31))),
    # one day at a month's end against the turn of a month
    (Period(date(2025, 8, 31), date(2025, 8, 31)), Period(date(2026, 2, 28), date(2026, 3, 1))),
    # years against a year without events
    (Period(date(2024, 1, 1), date(2027, 12, 31)), Period(date(2020, 1, 1), date(2020, 12, 31))),
)


@pytest.fixture
def employer(company):
    return m.Employer.objects.create(organisation=company, name="Logistiek Noord")


@pytest.mark.django_db
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_trn_13_the_sql_figures_equal_the_former_figures_on_varied_data(
    seed, company, job_coach, second_job_coach, employer
):
    varied_history(seed, 14, company, [job_coach, second_job_coach], employer)
    teams = (sel.team_get(job_coach), sel.team_get(job_coach, coach_id=second_job_coach.pk))
    for team in teams:
        for period, baseline in PAIRS:
            now, before = sel.kpi_figures_with_baseline(team, period, baseline)
            assert now == kpi_reference.kpi_figures(team, period)
            assert before == kpi_reference.kpi_figures(team, baseline)
            assert sel.kpi_figures(team, period) == now
    wide = sel.kpi_figures(teams[0], PAIRS[3][0]).counts
    assert all(wide[k] > 0 for k in ("in_place_first", "in_place_second", "coaching_hours"))


@pytest.mark.django_db
@pytest.mark.parametrize(
    "rules", [DEFAULT_RULES, MeasureRules(followup_first_weeks=3, followup_second_months=13)]
)
def test_trn_17_the_due_day_in_sql_is_the_rules_due_day(rules, transition_file):
    first = date(2023, 12, 1)
    days = [first + timedelta(days=n) for n in range(500)]  # 2024 is a leap year
    m.Placement.objects.bulk_create(
        m.Placement(file=transition_file, destination="work", first_day=d) for d in days
    )
    rows = m.Placement.objects.annotate(
        one=due_expression("first_day", Checkpoint.FIRST, rules),
        two=due_expression("first_day", Checkpoint.SECOND, rules),
    ).values_list("first_day", "one", "two")
    for first_day, one, two in rows:
        assert one == due_day(first_day, Checkpoint.FIRST, rules)
        assert two == due_day(first_day, Checkpoint.SECOND, rules)


def _files(company, coach, employer, count: int, seed: int) -> None:
    varied_history(seed, count, company, [coach], employer)
    file = open_file(ClientFactory(organisation=company), coach, company, proposed_by="coach")
    placed = m.Placement.objects.create(file=file, destination="work", first_day=date(2026, 3, 1))
    m.FollowupRecord.objects.create(
        placement=placed, day=date(2026, 9, 2), status="in_work", by=coach
    )


def _queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.django_db
def test_trn_13_the_kpis_are_one_query_and_constant_from_10_to_60_files(
    company, job_coach, employer, logged_in
):
    client = logged_in(job_coach)
    team = sel.team_get(job_coach)
    period, baseline = PAIRS[0]
    _files(company, job_coach, employer, 10, seed=10)
    with CaptureQueriesContext(connection) as counted:
        sel.kpi_figures_with_baseline(team, period, baseline)
    with CaptureQueriesContext(connection) as remembered:
        sel.kpi_figures_with_baseline(team, period, baseline)
    # Counted: the stamp, the statement, its memo kept (in a savepoint); then the memo alone.
    assert len(counted) <= 6 and len(remembered) == 1

    def twice(url: str) -> tuple[int, int]:  # counted after a write, then kept
        return _queries(client, url), _queries(client, url)

    _files(company, job_coach, employer, 1, seed=9)
    page, api = twice("/doorstroom/kpi/"), twice("/api/v1/transition/kpis")
    _files(company, job_coach, employer, 50, seed=60)
    assert twice("/doorstroom/kpi/") == page
    assert twice("/api/v1/transition/kpis") == api
    assert page[1] <= 11 and api[1] <= 9
    assert page[0] <= page[1] + 5 and api[0] <= api[1] + 5


@pytest.mark.django_db
def test_trn_13_the_select_is_built_once_per_team_and_periods(company, job_coach, employer):
    _files(company, job_coach, employer, 3, seed=11)
    team = sel.team_get(job_coach)
    period, baseline = PAIRS[0]
    sel.kpi_statement.cache_clear()
    first = sel.kpi_figures_with_baseline(team, period, baseline)
    again = sel.kpi_figures_with_baseline(sel.team_get(job_coach), period, baseline)
    assert again == first
    assert (sel.kpi_statement.cache_info().misses, sel.kpi_statement.cache_info().hits) == (1, 1)
    sel.kpi_figures_with_baseline(team, *PAIRS[1])
    assert sel.kpi_statement.cache_info().misses == 2


def _plan(queryset) -> str:
    sql, params = queryset.query.sql_with_params()
    prefix = "EXPLAIN QUERY PLAN " if connection.vendor == "sqlite" else "EXPLAIN "
    with connection.cursor() as cursor:
        cursor.execute(prefix + sql, params)
        return "\n".join(str(row[-1]) for row in cursor.fetchall())


@pytest.mark.django_db
def test_trn_13_each_source_starts_from_the_teams_trajectories_with_one_range(
    company, job_coach, employer
):
    """Issue 14: the sources are read from the team's trajectories (an IN list of their ids)
    with one range over both periods, so the coaching hours are searched per trajectory in
    (trajectory, start) order, not in every centre's contacts of two years."""
    _files(company, job_coach, employer, 3, seed=12)
    team = sel.team_get(job_coach)
    activities, *_, coaching = sel._counted(team, PAIRS[0])
    for source in (activities, coaching):
        assert '"trajectory_id" IN (SELECT' in str(source.query)
    plan = _plan(coaching)
    if connection.vendor == "sqlite":
        assert "MULTI-INDEX OR" not in plan
        assert "contact_trajectory_start (trajectory_id=? AND starts_at>? AND starts_at<?)" in plan
