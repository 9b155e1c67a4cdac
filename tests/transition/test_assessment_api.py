"""The API of the competence profile (TRN-04/05) and the assessment centre (TRN-06/16): the same
access and services as the pages; refusals 422 with the rule ID, nothing changed."""

import pytest

from koers.transition import models as m
from tests.api.conftest import Api

pytestmark = pytest.mark.django_db


def test_trn_04_the_profile_through_the_api(job_coach, outside_job_coach, company):
    api = Api(job_coach)
    response = api.get(f"/transition/organisations/{company.pk}/competences")
    assert response.status_code == 200
    items = response.json()["items"]
    assert len(items) == 18
    initiatief = next(c for c in items if c["code"] == "initiatief")
    assert len(initiatief["indicators"]) == 4
    assert (
        Api(outside_job_coach)
        .get(f"/transition/organisations/{company.pk}/competences")
        .status_code
        == 404
    )

    added = api.post(
        f"/transition/organisations/{company.pk}/competences",
        {"name": "Klantvriendelijkheid", "group": "extra"},
    )
    assert added.status_code == 201
    refused = api.post(
        f"/transition/organisations/{company.pk}/competences",
        {"name": "Motivatie", "group": "core"},
    )
    assert refused.status_code == 422 and "TRN-04" in refused.content.decode()
    off = api.patch(f"/transition/competences/{initiatief['id']}", {"active": False})
    assert off.status_code == 200 and off.json()["active"] is False

    row = api.post(
        f"/transition/competences/{added.json()['id']}/indicators",
        {"insufficient": "a", "moderate": "b", "good": "c", "very_good": ""},
    )
    assert row.status_code == 422 and "TRN-05" in row.content.decode()
    assert not m.IndicatorRow.objects.filter(competence_id=added.json()["id"]).exists()


def test_trn_06_a_session_through_the_api(job_coach, second_job_coach, company, transition_file):
    api = Api(job_coach)
    session = api.post(
        "/transition/assessment/sessions",
        {"title": "Assessment", "job_target": "Magazijn", "organisation_id": company.pk},
    )
    assert session.status_code == 201
    sid = session.json()["id"]
    assert (
        api.post(
            f"/transition/assessment/sessions/{sid}/tasks",
            {"name": "Magazijn + stock", "day": "2026-10-06", "purpose_explained": True},
        ).status_code
        == 201
    )
    assert (
        api.post(
            f"/transition/assessment/sessions/{sid}/candidates", {"file_id": transition_file.pk}
        ).status_code
        == 201
    )
    for coach in (job_coach, second_job_coach):
        api.post(f"/transition/assessment/sessions/{sid}/assessors", {"user_id": coach.pk})
    got = api.get(f"/transition/assessment/sessions/{sid}").json()
    assert [w["rule"] for w in got["warnings"]] == ["TRN-06", "TRN-06"]  # 1 task, 1 day
    cid = got["candidates"][0]["id"]

    note = api.post(
        f"/transition/assessment/sessions/{sid}/observations",
        {"candidate_id": cid, "text": "Hij is koppig", "competence": "initiatief"},
    )
    assert note.status_code == 201
    assert {w["rule"] for w in note.json()["warnings"]} == {"TRN-06"}
    stranger = api.post(
        f"/transition/assessment/sessions/{sid}/observations",
        {"candidate_id": 999999, "text": "Begint"},
    )
    assert stranger.status_code == 422
    assert m.Observation.objects.count() == 1

    for level in (0, 5):
        bad = api.post(
            f"/transition/assessment/sessions/{sid}/proposals",
            {"candidate_id": cid, "competence": "initiatief", "level": level},
        )
        assert bad.status_code == 422 and "TRN-05" in bad.content.decode()
    assert not m.LevelProposal.objects.exists()
    api.post(
        f"/transition/assessment/sessions/{sid}/proposals",
        {"candidate_id": cid, "competence": "initiatief", "level": 1},
    )
    Api(second_job_coach).post(
        f"/transition/assessment/sessions/{sid}/proposals",
        {"candidate_id": cid, "competence": "initiatief", "level": 3},
    )
    rows = api.get(f"/transition/assessment/sessions/{sid}/comparison").json()["items"]
    assert rows[0]["spread"] == 2 and rows[0]["warnings"]

    agreed = api.post(
        f"/transition/assessment/candidates/{cid}/agreed-levels",
        {"competence": "initiatief", "level": 2},
    )
    assert agreed.status_code == 200
    api.put(f"/transition/assessment/candidates/{cid}/report", {"growth_points": "Initiatief"})
    made = api.post(f"/transition/assessment/candidates/{cid}/report/pdf")
    assert made.status_code == 201
    assert made.json()["reported_on"] == "2026-10-05" and made.json()["report_document_id"]


def test_trn_06_sessions_of_another_company_are_not_found(job_coach, outside_job_coach, company):
    api = Api(job_coach)
    sid = api.post(
        "/transition/assessment/sessions",
        {"title": "A", "job_target": "B", "organisation_id": company.pk},
    ).json()["id"]
    outside = Api(outside_job_coach)
    assert outside.get(f"/transition/assessment/sessions/{sid}").status_code == 404
    assert outside.get("/transition/assessment/sessions").json()["count"] == 0
    assert (
        outside.post(
            "/transition/assessment/sessions",
            {"title": "A", "job_target": "B", "organisation_id": company.pk},
        ).status_code
        == 404
    )
