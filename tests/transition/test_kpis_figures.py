"""TRN-13: the 16 KPIs from a known history of recorded events, for two periods (the issue's
"Quality" test), per organisation and per job coach; the follow-ups count on their due day."""

from datetime import date

import pytest

from koers.transition import models as m
from koers.transition.rules.kpis import KPIS, Period, shown_value
from koers.transition.selectors import kpis as sel
from tests.factories import ClientFactory
from tests.transition.conftest import open_file
from tests.transition.kpi_history import PER_YEAR, follow_up, year_of_events

P2025 = Period(date(2025, 1, 1), date(2025, 12, 31))
P2026 = Period(date(2026, 1, 1), date(2026, 10, 5))


@pytest.fixture
def history(company, other_company, job_coach, second_job_coach, outside_job_coach):
    employer = m.Employer.objects.create(organisation=company, name="Logistiek Noord")
    a = open_file(ClientFactory(organisation=company), job_coach, company, proposed_by="coach")
    b = open_file(
        ClientFactory(organisation=company), second_job_coach, company, proposed_by="worker"
    )
    c = open_file(ClientFactory(organisation=company), job_coach, company, proposed_by="coach")
    placed_a = year_of_events(a, job_coach, employer, 2025)
    follow_up(placed_a, job_coach, date(2025, 9, 16), checkpoint="first")
    follow_up(placed_a, job_coach, date(2026, 3, 3), checkpoint="second")  # due 1 March 2026
    # An older placement that stopped before its second checkpoint: never "still in place".
    old = m.Placement.objects.create(file=a, destination="ibo", first_day=date(2024, 11, 15))
    follow_up(old, job_coach, date(2025, 2, 1), status="stopped")
    placed_b = year_of_events(b, second_job_coach, employer, 2026)
    follow_up(placed_b, second_job_coach, date(2026, 9, 18), checkpoint="first")  # due 15/9
    m.TransitionFile.objects.filter(pk=a.pk).update(left_for_training_on=date(2025, 6, 30))
    m.TransitionFile.objects.filter(pk=c.pk).update(left_for_training_on=date(2026, 4, 1))
    # Another company's events never count for this one.
    elsewhere = m.Employer.objects.create(organisation=other_company, name="Elders")
    outside = open_file(
        ClientFactory(organisation=other_company),
        outside_job_coach,
        other_company,
        proposed_by="coach",
    )
    placed = year_of_events(outside, outside_job_coach, elsewhere, 2026)
    follow_up(placed, outside_job_coach, date(2026, 9, 16), checkpoint="first")


def _expected(**extra) -> dict[str, int]:
    values = dict.fromkeys(KPIS, 0) | PER_YEAR
    return values | extra


@pytest.mark.django_db
def test_trn_13_all_16_kpis_for_two_periods(history, job_coach):
    team = sel.team_get(job_coach)
    first = sel.kpi_figures(team, P2025).counts.as_dict()
    second = sel.kpi_figures(team, P2026).counts.as_dict()
    assert first == _expected(in_place_first=1, in_place_second=0, to_training=1)
    assert second == _expected(in_place_first=1, in_place_second=1, to_training=1)
    assert shown_value("coaching_hours", second["coaching_hours"]) == "1,5"


@pytest.mark.django_db
def test_trn_13_one_job_coach_counts_only_their_trajectories(history, job_coach):
    coach = sel.team_get(job_coach, coach_id=job_coach.pk)
    counts = sel.kpi_figures(coach, P2026).counts.as_dict()
    # The 2026 events are the second coach's; of job_coach's files: the six-month checkpoint of
    # last year's placement (due this year) and the worker who left for a training.
    assert counts == dict.fromkeys(KPIS, 0) | {"in_place_second": 1, "to_training": 1}


@pytest.mark.django_db
def test_trn_13_the_month_series_adds_up_to_the_period(history, job_coach):
    figures = sel.kpi_figures(sel.team_get(job_coach), P2026)
    assert [month for month, _ in figures.series] == [date(2026, n, 1) for n in range(1, 11)]
    by_month = {month.month: counts for month, counts in figures.series}
    assert by_month[2]["vacancies_discussed"] == 1 and by_month[3]["vacancies_discussed"] == 1
    assert by_month[3]["in_place_second"] == 1  # due 1 March, recorded 3 March
    assert by_month[9]["in_place_first"] == 1 and by_month[9]["transitions"] == 1
    assert by_month[4]["coaching_hours"] == 60 and by_month[5]["coaching_hours"] == 30
    assert sum(c["trainings"] for _, c in figures.series) == figures.counts["trainings"] == 2


@pytest.mark.django_db
def test_trn_13_a_checkpoint_not_yet_recorded_counts_nothing(job_coach, company):
    file = open_file(ClientFactory(organisation=company), job_coach, company, proposed_by="coach")
    m.Placement.objects.create(file=file, destination="work", first_day=date(2026, 9, 1))
    counts = sel.kpi_figures(sel.team_get(job_coach), P2026).counts
    assert counts["transitions"] == 1
    assert counts["in_place_first"] == 0


@pytest.mark.django_db
def test_trn_13_an_organisation_that_is_not_yours_is_404(job_coach, other_company):
    from django.http import Http404

    with pytest.raises(Http404):
        sel.team_get(job_coach, organisation_id=other_company.pk)
