"""Assignment pages (views/assignments.py)."""

from datetime import timedelta

import pytest
from django.urls import reverse

from koers.trajectories.models import Assignment

pytestmark = pytest.mark.django_db


def test_assignment_create_and_update(logged_in, coach, trajectory):
    web = logged_in(coach)
    web.post(
        reverse("assignment_create", args=[trajectory.pk]),
        {"title": "CV herschrijven", "status": "open", "deadline": ""},
    )
    assignment = Assignment.objects.get()
    response = web.post(
        reverse("assignment_update", args=[assignment.pk]),
        {"title": "CV herschrijven", "status": "done", "evaluation": "Mooi gedaan."},
    )
    assert response.status_code == 302
    assignment.refresh_from_db()
    assert assignment.status == "done" and assignment.evaluation == "Mooi gedaan."


def test_assignment_deadline_before_start_is_refused(logged_in, coach, trajectory):
    before = trajectory.start_date - timedelta(days=3)
    response = logged_in(coach).post(
        reverse("assignment_create", args=[trajectory.pk]),
        {"title": "Te vroeg", "status": "open", "deadline": before.strftime("%d/%m/%Y")},
    )
    assert "vóór de start van het traject" in response.content.decode()
    assert not Assignment.objects.exists()
