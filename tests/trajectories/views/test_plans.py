"""Plan pages (views/plans.py): versions stay readable."""

import pytest
from django.urls import reverse

from koers.trajectories.models import (
    Plan,
    PlanVersion,
)

pytestmark = pytest.mark.django_db


def test_plan_versions_stay_readable(logged_in, coach, trajectory):
    web = logged_in(coach)
    web.post(
        reverse("plan_create", args=[trajectory.pk]),
        {"kind": "development", "title": "POP (loopbaancheque 1)", "content": "Eerste versie"},
    )
    plan = Plan.objects.get()
    web.post(reverse("plan_edit", args=[plan.pk]), {"content": "Tweede versie"})
    assert PlanVersion.objects.filter(plan=plan).count() == 2
    body = web.get(reverse("plan_detail", args=[plan.pk])).content.decode()
    assert "Eerste versie" in body and "Tweede versie" in body
    assert PlanVersion.objects.get(plan=plan, number=2).content == {"text": "Tweede versie"}


def test_plan_needs_a_title(logged_in, coach, trajectory):
    response = logged_in(coach).post(
        reverse("plan_create", args=[trajectory.pk]), {"kind": "development", "title": ""}
    )
    assert "Geef het plan een titel" in response.content.decode()
    assert not Plan.objects.exists()
