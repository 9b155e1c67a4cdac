"""TRN-02, TRN-15 through the API: the same services and access as the pages."""

import pytest

from koers.transition import models as m
from tests.transition.steps_intake import ANSWERS

pytestmark = pytest.mark.django_db


def test_trn_02_api_propose_dialogue_invite_and_call_off(logged_in, job_coach, company):
    api = logged_in(job_coach)
    created = api.post(
        "/api/v1/transition/referrals",
        {
            "worker": {"first_name": "Els", "last_name": "Peeters"},
            "referred_on": "2026-10-05",
            "proposed_by": "supervisor",
            "proposer_name": "An",
            "why": "Klaar",
            "supervisors": ["An"],
        },
        content_type="application/json",
    )
    assert created.status_code == 201, created.content
    file_id = created.json()["file_id"]
    base = f"/api/v1/transition/files/{file_id}/referral"
    refused = api.post(
        f"{base}/invitation", {"invited_on": "2026-10-05"}, content_type="application/json"
    )
    assert refused.status_code == 422 and "TRN-02" in refused.content.decode()
    api.post(
        f"{base}/dialogue",
        {"held_on": "2026-10-05", "answers": ANSWERS},
        content_type="application/json",
    )
    invited = api.post(
        f"{base}/invitation",
        {"invited_on": "2026-10-05", "basic_dutch_confirmed": True, "no_pretext_confirmed": True},
        content_type="application/json",
    )
    assert invited.json()["referral_state"] == "invited"
    off = api.post(
        f"{base}/call-off",
        {"ground": "other", "reason": "", "called_off_on": "2026-10-05"},
        content_type="application/json",
    )
    assert off.status_code == 422
    assert m.TransitionFile.objects.get(pk=file_id).referral_state == "invited"


def test_trn_15_api_update_and_access(logged_in, transition_file, job_coach, outside_job_coach):
    url = f"/api/v1/transition/files/{transition_file.pk}/referral"
    body = {"proposed_by": "worker", "why": "Wil vooruit", "supervisors": ["Patrick"]}
    changed = logged_in(job_coach).put(url, body, content_type="application/json")
    assert changed.json()["supervisors"] == ["Patrick"]
    assert logged_in(outside_job_coach).get(url).status_code == 404
    assert (
        logged_in(outside_job_coach).put(url, body, content_type="application/json").status_code
        == 404
    )


def test_trn_15_api_propose_without_why_refused(logged_in, job_coach, company):
    response = logged_in(job_coach).post(
        "/api/v1/transition/referrals",
        {
            "worker": {"first_name": "A", "last_name": "B"},
            "referred_on": "2026-10-05",
            "proposed_by": "coach",
        },
        content_type="application/json",
    )
    assert response.status_code == 422 and "TRN-15" in response.content.decode()
    assert not m.TransitionFile.objects.exists()
