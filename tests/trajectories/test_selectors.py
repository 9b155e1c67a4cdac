"""The client timeline merges contacts, assignments, plan versions and documents."""

from datetime import timedelta

import pytest
from django.utils import timezone

from koers.trajectories.selectors import client_timeline
from tests.factories import (
    AssignmentFactory,
    ContactFactory,
    DocumentFactory,
    PlanVersionFactory,
    TrajectoryFactory,
)


@pytest.mark.django_db
def test_timeline_merges_all_kinds_newest_first(trajectory, coach):
    ContactFactory(trajectory=trajectory, starts_at=timezone.now() - timedelta(days=3))
    AssignmentFactory(trajectory=trajectory)
    PlanVersionFactory(plan__trajectory=trajectory)
    DocumentFactory(trajectory=trajectory)
    entries = client_timeline(user=coach, client=trajectory.client)
    assert {e.kind for e in entries} == {"contact", "assignment", "plan", "document"}
    assert [e.at for e in entries] == sorted((e.at for e in entries), reverse=True)


@pytest.mark.django_db
def test_timeline_hides_trajectories_of_other_coaches(trajectory, coach, other_coach):
    theirs = TrajectoryFactory(
        client=trajectory.client, responsible=other_coach, organisation=trajectory.organisation
    )
    ContactFactory(trajectory=theirs)
    ContactFactory(trajectory=trajectory, starts_at=timezone.now() - timedelta(days=2))
    assert {e.trajectory_id for e in client_timeline(user=coach, client=trajectory.client)} == {
        trajectory.pk
    }


@pytest.mark.django_db
def test_timeline_query_count_is_constant(trajectory, coach, django_assert_max_num_queries):
    for day in range(30):
        ContactFactory(trajectory=trajectory, starts_at=timezone.now() - timedelta(days=day + 1))
        AssignmentFactory(trajectory=trajectory)
    with django_assert_max_num_queries(6):
        entries = client_timeline(user=coach, client=trajectory.client, limit=20)
    assert len(entries) == 20
