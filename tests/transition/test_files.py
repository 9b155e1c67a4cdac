"""TRN-01: a transition trajectory always has its file; the job coach's list and the file page
show the phase; the API answers with the same access rules."""

import pytest
from django.urls import reverse

from koers.core.models import StateChange
from koers.trajectories.models import Programme
from koers.trajectories.services import programme_open
from tests.transition.conftest import TRN_TODAY

pytestmark = pytest.mark.django_db


def test_trn_01_opening_a_transition_trajectory_anywhere_creates_its_file(
    worker, job_coach, company
):
    trajectory = programme_open(
        client=worker,
        programme=Programme.TRANSITION,
        responsible=job_coach,
        organisation=company,
        start_date=TRN_TODAY,
        acting_user=job_coach,
    )
    file = trajectory.transition
    assert file.referral_state == "proposed"
    assert file.referred_on == TRN_TODAY
    assert file.ruleset_version == "2026-seeds"
    assert trajectory.phase == "1.1"
    assert StateChange.objects.filter(
        object_id=file.pk, field="referral_state", to_state="proposed"
    ).exists()


def test_trn_01_file_page_marks_the_current_phase(logged_in, transition_file, job_coach):
    response = logged_in(job_coach).get(reverse("transition_file", args=[transition_file.pk]))
    assert response.status_code == 200
    body = response.content.decode()
    assert 'aria-current="step"' in body
    assert "Doorstroomklaar" in body or "1.1" in body


def test_trn_01_home_lists_only_the_job_coachs_own_workers(
    logged_in, transition_file, outside_job_coach, job_coach
):
    own = logged_in(job_coach).get(reverse("transition_home"))
    assert str(transition_file.client) in own.content.decode()
    other = logged_in(outside_job_coach).get(reverse("transition_home"))
    assert str(transition_file.client) not in other.content.decode()


def test_trn_01_file_page_of_another_company_is_not_found(
    logged_in, transition_file, outside_job_coach
):
    response = logged_in(outside_job_coach).get(
        reverse("transition_file", args=[transition_file.pk])
    )
    assert response.status_code == 404


def test_trn_01_api_lists_and_shows_files_with_the_same_access(
    logged_in, transition_file, outside_job_coach, job_coach
):
    api = logged_in(job_coach)
    listed = api.get("/api/v1/transition/files").json()
    assert listed["count"] == 1
    assert listed["items"][0]["phase"] == "1.1"
    assert api.get(f"/api/v1/transition/files/{transition_file.pk}").json()["job_target"] == (
        "Magazijnmedewerker"
    )
    other = logged_in(outside_job_coach)
    assert other.get("/api/v1/transition/files").json()["count"] == 0
    assert other.get(f"/api/v1/transition/files/{transition_file.pk}").status_code == 404
