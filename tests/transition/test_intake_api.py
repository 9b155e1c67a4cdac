"""TRN-03 through the API: intake, page 1, STARR notes, decision, feedback, engagement, kick-offs."""

import pytest

from koers.transition import models as m
from tests.transition.steps_intake import FULL_STARR, invited, signed

pytestmark = pytest.mark.django_db

JSON = {"content_type": "application/json"}


def test_trn_03_api_the_intake_from_hold_to_engagement(logged_in, transition_file, job_coach):
    invited(transition_file, job_coach)
    api = logged_in(job_coach)
    base = f"/api/v1/transition/files/{transition_file.pk}/intake"
    assert api.get(base).status_code == 404
    held = api.put(base, {"held_on": "2026-10-05"}, **JSON).json()
    assert held["warnings"][0]["rule"] == "TRN-03"
    api.put(f"{base}/administrative", {"answers": {"name": "Karim"}, "completed": True}, **JSON)
    bad = api.post(f"{base}/starr-notes", {"competence": "vliegen"}, **JSON)
    assert bad.status_code == 422
    notes = api.post(f"{base}/starr-notes", FULL_STARR.__dict__, **JSON).json()
    assert notes[0]["missing"] == []
    assert len(api.get(f"{base}/starr-notes").json()) == 1
    decided = api.post(
        f"{base}/decision", {"decision": "start", "decided_on": "2026-10-05"}, **JSON
    )
    assert decided.json()["decision"] == "start"
    assert len(decided.json()["feedback_missing"]) == 2
    api.post(
        f"{base}/feedback", {"worker_on": "2026-10-05", "supervisors_on": "2026-10-05"}, **JSON
    )
    refused = api.post(f"{base}/engagement", {"worker_on": "2026-10-05"}, **JSON)
    assert refused.status_code == 422
    signed_out = api.post(
        f"{base}/engagement", {"worker_on": "2026-10-05", "coach_on": "2026-10-05"}, **JSON
    ).json()
    assert signed_out["engagement_signed_on"] == "2026-10-05"
    pdf = api.post(f"{base}/engagement/pdf")
    assert pdf.status_code == 201


def test_trn_03_api_kick_offs(logged_in, transition_file, job_coach, outside_job_coach):
    signed(transition_file, job_coach)
    api = logged_in(job_coach)
    created = api.post(
        "/api/v1/transition/kick-offs",
        {"held_on": "2026-10-12", "invitees": [{"file_id": transition_file.pk}]},
        **JSON,
    )
    assert created.status_code == 201, created.content
    assert api.get("/api/v1/transition/kick-offs").json()["count"] == 1
    other = logged_in(outside_job_coach)
    assert other.get("/api/v1/transition/kick-offs").json()["count"] == 0
    assert other.get(f"/api/v1/transition/kick-offs/{created.json()['id']}").status_code == 404
    hidden = other.post(
        "/api/v1/transition/kick-offs",
        {"held_on": "2026-10-12", "invitees": [{"file_id": transition_file.pk}]},
        **JSON,
    )
    assert hidden.status_code == 404
    assert m.KickOff.objects.count() == 1


def test_trn_03_api_intake_of_another_company_is_404(
    logged_in, transition_file, job_coach, outside_job_coach
):
    invited(transition_file, job_coach)
    response = logged_in(outside_job_coach).put(
        f"/api/v1/transition/files/{transition_file.pk}/intake", {"held_on": "2026-10-05"}, **JSON
    )
    assert response.status_code == 404 and not m.Intake.objects.exists()
