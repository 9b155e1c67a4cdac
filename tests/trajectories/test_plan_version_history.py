"""Issue 15: every plan version keeps a history row naming its author, shown on the client file."""

import pytest
from django.urls import reverse

from koers.trajectories.models import PlanVersion
from koers.trajectories.services import plan_create, plan_save_version

pytestmark = pytest.mark.django_db


def test_plan_versions_are_in_the_history_with_their_author(
    trajectory, coach, centre_staff, logged_in
):
    plan = plan_create(
        trajectory=trajectory,
        kind="development",
        title="Plan",
        content={"goal": "a"},
        acting_user=coach,
    )
    plan_save_version(plan=plan, content={"goal": "b"}, acting_user=coach)
    assert [r.history_user for r in PlanVersion.history.order_by("history_id")] == [coach, coach]
    page = logged_in(centre_staff).get(reverse("client_history", args=[trajectory.client_id]))
    assert "Planversie" in page.content.decode()
