"""The measures and follow-up API (TRN-09..12, TRN-17): the same access and services as the pages;
refusals come back 422 with the rule ID and change nothing."""

from datetime import date

import pytest

from koers.transition import models as m
from tests.transition.conftest import TRN_TODAY

pytestmark = pytest.mark.django_db

BVS_DOCS = [
    "bvs_agreement",
    "social_inspection_permission",
    "task_description",
    "insurance_broker_check",
    "mentor_named",
]


def _post(client, url, data):
    return client.post(url, data, content_type="application/json")


def test_trn_11_an_ibo_of_3_weeks_is_refused_with_the_rule(transition_file, job_coach, logged_in):
    api = logged_in(job_coach)
    url = f"/api/v1/transition/files/{transition_file.pk}/measures"
    response = _post(
        api, url, {"kind": "ibo", "planned_start": "2026-10-05", "planned_end": "2026-10-25"}
    )
    assert response.status_code == 422 and "TRN-11" in response.content.decode()
    assert not m.Measure.objects.exists()


def test_trn_09_a_bvs_through_the_api_from_plan_to_evaluation(
    transition_file, job_coach, outside_job_coach, logged_in
):
    api = logged_in(job_coach)
    created = _post(
        api,
        f"/api/v1/transition/files/{transition_file.pk}/measures",
        {"kind": "bvs", "planned_start": "2026-10-05", "new_employer_name": "Logistiek Noord"},
    )
    assert created.status_code == 201, created.content
    body = created.json()
    assert body["planned_end"] == "2026-10-18" and "bvs_agreement" in body["missing_for_start"]
    mid = body["id"]
    refused = _post(api, f"/api/v1/transition/measures/{mid}/start", {})
    assert refused.status_code == 422 and "TRN-09" in refused.content.decode()
    docs = api.put(
        f"/api/v1/transition/measures/{mid}/documents",
        {"present": BVS_DOCS},
        content_type="application/json",
    )
    assert docs.status_code == 200 and docs.json()["missing_for_start"] == []
    assert _post(api, f"/api/v1/transition/measures/{mid}/start", {}).json()["state"] == "running"
    bad = _post(
        api,
        f"/api/v1/transition/measures/{mid}/evaluations",
        {"kind": "interim", "on": "2026-10-05", "levels": {"initiatief": 9}},
    )
    assert bad.status_code == 422 and "TRN-05" in bad.content.decode()
    ok = _post(
        api,
        f"/api/v1/transition/measures/{mid}/evaluations",
        {"kind": "interim", "on": "2026-10-05", "levels": {"initiatief": 3}, "by_phone": True},
    )
    assert ok.status_code == 201
    pdf = _post(api, f"/api/v1/transition/measures/{mid}/checklist-pdf", {})
    assert pdf.status_code == 201
    assert api.get(f"/api/v1/transition/measures?file_id={transition_file.pk}").json()["count"] == 1
    other = logged_in(outside_job_coach)
    assert other.get(f"/api/v1/transition/measures/{mid}").status_code == 404
    assert _post(other, f"/api/v1/transition/measures/{mid}/cancel", {}).status_code == 404
    assert other.get("/api/v1/transition/measures").json()["count"] == 0


def test_trn_17_placements_checkpoints_and_records_through_the_api(
    transition_file, job_coach, outside_job_coach, logged_in
):
    api = logged_in(job_coach)
    created = _post(
        api,
        "/api/v1/transition/placements",
        {
            "file_id": transition_file.pk,
            "destination": "work",
            "first_day": "2026-09-01",
            "new_employer_name": "Logistiek Noord",
        },
    )
    assert created.status_code == 201, created.content
    pid = created.json()["id"]
    points = api.get(f"/api/v1/transition/placements/{pid}/checkpoints").json()
    assert [p["state"] for p in points] == ["overdue", "upcoming"]
    due = api.get("/api/v1/transition/placements/due").json()
    assert due["count"] == 1
    early = _post(
        api,
        f"/api/v1/transition/placements/{pid}/records",
        {"day": "2026-10-01", "status": "in_work", "checkpoint": "second"},
    )
    assert early.status_code == 422 and "TRN-17" in early.content.decode()
    added = _post(
        api,
        f"/api/v1/transition/placements/{pid}/records",
        {"day": str(TRN_TODAY), "status": "in_work", "checkpoint": "first"},
    )
    assert added.status_code == 201
    assert api.get(f"/api/v1/transition/placements/{pid}").json()["checkpoints"][0]["state"] == (
        "recorded"
    )
    other = logged_in(outside_job_coach)
    assert other.get(f"/api/v1/transition/placements/{pid}").status_code == 404
    assert other.get("/api/v1/transition/placements").json()["count"] == 0
    stranger = _post(
        other,
        "/api/v1/transition/placements",
        {"file_id": transition_file.pk, "destination": "work", "first_day": str(date(2026, 9, 1))},
    )
    assert stranger.status_code == 404


def test_trn_13_left_for_training_through_the_api(
    transition_file, job_coach, outside_job_coach, logged_in
):
    url = f"/api/v1/transition/files/{transition_file.pk}/left-for-training"
    api = logged_in(job_coach)
    future = api.put(url, {"left_for_training_on": "2026-10-06"}, content_type="application/json")
    assert future.status_code == 422 and "TRN-13" in future.content.decode()
    done = api.put(url, {"left_for_training_on": "2026-10-05"}, content_type="application/json")
    assert done.json()["left_for_training_on"] == "2026-10-05"
    other = logged_in(outside_job_coach).put(
        url, {"left_for_training_on": None}, content_type="application/json"
    )
    assert other.status_code == 404
    transition_file.refresh_from_db()
    assert str(transition_file.left_for_training_on) == "2026-10-05"
