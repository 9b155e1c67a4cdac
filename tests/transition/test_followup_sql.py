"""TRN-17 "Opvolging" chosen in the database (issue 14): the SQL filter picks exactly the
transitions the former Python filter kept (a checkpoint in reminder, due or overdue by
`rules.followup.checkpoint_views`), also under a second rule-set version with other numbers; the
sweep's reminders are the same; the page and the API read a fixed number of queries and are
paginated, 10 files or 60."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from koers.trajectories.models import Programme
from koers.trajectories.rulesets import registry
from koers.transition import models as m
from koers.transition.rules.ruleset import RULESETS
from koers.transition.selectors import followup as sel
from tests.transition.kpi_varied import varied_history

OTHER = "test-andere-opvolging"
TODAYS = (
    date(2024, 3, 1),
    date(2025, 2, 10),
    date(2025, 9, 14),
    date(2026, 3, 3),
    date(2027, 1, 2),
)


@pytest.fixture
def employer(company):
    return m.Employer.objects.create(organisation=company, name="Logistiek Noord")


@pytest.fixture
def other_version(monkeypatch):
    """A second version of the transition rule set with other follow-up numbers."""
    from dataclasses import replace

    version = replace(
        RULESETS[0],
        version=OTHER,
        followup_first_weeks=3,
        followup_second_months=12,
        followup_reminder_days=10,
        followup_grace_days=2,
    )
    monkeypatch.setitem(registry._BY_VERSION, (Programme.TRANSITION, OTHER), version)
    return version


def _former_due(user, today):
    """The Python filter Koers used before issue 14."""
    found = sel.placements_visible_to(user).order_by("first_day", "pk")
    return [p.pk for p in found if sel.placement_view(p, today).open_checkpoints]


def _former_reminders(today):
    placements = m.Placement.objects.exclude(records__status=m.FollowupStatus.STOPPED)
    placements = placements.prefetch_related("records")
    sent = set(m.FollowupReminder.objects.values_list("placement_id", "checkpoint"))
    return sorted(
        (p.pk, row.checkpoint)
        for p in placements
        for row in sel.placement_view(p, today).open_checkpoints
        if (p.pk, row.checkpoint) not in sent
    )


@pytest.mark.django_db
@pytest.mark.parametrize("seed", [4, 5])
def test_trn_17_the_sql_filter_keeps_what_the_python_filter_kept(
    seed, company, job_coach, second_job_coach, employer, other_version
):
    varied_history(seed, 16, company, [job_coach, second_job_coach], employer)
    files = m.TransitionFile.objects.order_by("pk").values_list("pk", flat=True)
    m.TransitionFile.objects.filter(pk__in=list(files)[::3]).update(ruleset_version=OTHER)
    placements = list(m.Placement.objects.order_by("pk"))
    m.FollowupReminder.objects.create(
        placement=placements[0], checkpoint="first", sent_at=timezone.now()
    )
    days = TODAYS + tuple(p.first_day + timedelta(days=n) for p in placements[:6] for n in (4, 11))
    kept = 0
    for today in days:
        for user in (job_coach, second_job_coach):
            former = _former_due(user, today)
            assert list(sel.followups_due(user=user, today=today).values_list("pk", flat=True)) == (
                former
            )
            kept += len(former)
        reminders = sorted((p.pk, row.checkpoint) for p, row in sel.reminders_to_send(today))
        assert reminders == _former_reminders(today)
    assert kept > 0


def _queries(client, url: str) -> tuple[int, object]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured), response


def _due_placements(company, coach, employer, count: int, seed: int) -> None:
    """`count` files, and as many transitions whose first checkpoint is due today."""
    varied_history(seed, count, company, [coach], employer)
    for file in m.TransitionFile.objects.filter(placements__isnull=True)[:count]:
        m.Placement.objects.create(file=file, destination="work", first_day=date(2026, 9, 21))


@pytest.mark.django_db
def test_trn_17_the_followup_list_is_paginated_and_constant_from_10_to_60_files(
    company, job_coach, employer, logged_in
):
    client = logged_in(job_coach)
    _due_placements(company, job_coach, employer, 10, seed=7)
    page, _ = _queries(client, "/doorstroom/opvolging/")
    api, first = _queries(client, "/api/v1/transition/placements/due?limit=5")
    _due_placements(company, job_coach, employer, 50, seed=8)
    more_page, response = _queries(client, "/doorstroom/opvolging/")
    more_api, second = _queries(client, "/api/v1/transition/placements/due?limit=5")
    assert (more_page, more_api) == (page, api)
    assert len(first.json()["items"]) == len(second.json()["items"]) == 5
    assert second.json()["count"] > 25
    assert response.context["page"].paginator.num_pages > 1
    assert len(response.context["page"].object_list) == sel.PER_PAGE
