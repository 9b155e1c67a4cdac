"""Plans (services/plans.py): versions kept, a finalised plan read-only."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from koers.trajectories.models import PlanKind
from koers.trajectories.services import (
    plan_create,
    plan_save_version,
)


@pytest.mark.django_db
def test_plan_versions_are_kept(trajectory, coach):
    plan = plan_create(
        trajectory=trajectory,
        kind=PlanKind.DEVELOPMENT,
        title="POP",
        content={"text": "v1"},
        acting_user=coach,
    )
    plan_save_version(plan=plan, content={"text": "v2"}, acting_user=None, by_client=True)
    same = plan_save_version(plan=plan, content={"text": "v2"}, acting_user=coach)
    versions = list(plan.versions.order_by("number"))
    assert [v.content["text"] for v in versions] == ["v1", "v2"]
    assert same == versions[-1]
    assert versions[-1].author_is_client


@pytest.mark.django_db
def test_finalised_plan_is_read_only(trajectory, coach):
    plan = plan_create(
        trajectory=trajectory, kind=PlanKind.DEVELOPMENT, title="POP", content={}, acting_user=coach
    )
    plan.finalised_at = timezone.now()
    plan.save()
    with pytest.raises(ValidationError, match="gefinaliseerd"):
        plan_save_version(plan=plan, content={"text": "late"}, acting_user=coach)
