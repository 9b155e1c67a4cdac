"""TRN-13/14 API: the KPIs of a period with baseline and coach filter, the month series, the
export start/status/download; checklist fillings list/create/get/compare — same access as the
pages, refusals 422 with the rule ID and nothing saved."""

from datetime import date

import pytest

from koers.transition import models as m
from tests.factories import ClientFactory
from tests.transition.conftest import open_file
from tests.transition.kpi_history import year_of_events

API = "/api/v1/transition"


@pytest.fixture
def events(company, job_coach):
    employer = m.Employer.objects.create(organisation=company, name="Werkgever")
    file = open_file(ClientFactory(organisation=company), job_coach, company, proposed_by="coach")
    year_of_events(file, job_coach, employer, 2026)


@pytest.mark.django_db
def test_trn_13_api_kpis_with_baseline_and_coach(events, company, job_coach, logged_in):
    api = logged_in(job_coach)
    body = api.get(f"{API}/kpis?start=2026-01-01&end=2026-10-05&coach_id={job_coach.pk}").json()
    assert [r["number"] for r in body["kpis"]] == list(range(1, 17))
    by_kpi = {r["kpi"]: r for r in body["kpis"]}
    assert by_kpi["trainings"]["value"] == 2 and by_kpi["trainings"]["baseline"] == 0
    assert by_kpi["coaching_hours"]["shown_value"] == "1,5"
    months = api.get(f"{API}/kpis/months?start=2026-01-01&end=2026-03-31").json()["months"]
    assert [x["values"]["trainings"] for x in months] == [0, 0, 2]


@pytest.mark.django_db
def test_trn_13_api_refuses_a_backward_period_and_another_company(
    job_coach, other_company, logged_in
):
    api = logged_in(job_coach)
    response = api.get(f"{API}/kpis?start=2026-05-01&end=2026-04-01")
    assert response.status_code == 422 and "TRN-13" in response.content.decode()
    assert api.get(f"{API}/kpis?organisation_id={other_company.pk}").status_code == 404


@pytest.mark.django_db
def test_trn_13_api_export_start_status_download(
    events, job_coach, outside_job_coach, logged_in, client
):
    api = logged_in(job_coach)
    started = api.post(
        f"{API}/kpis/exports", {"start": "2026-01-01"}, content_type="application/json"
    )
    assert started.status_code == 201
    export_id = started.json()["id"]
    status = api.get(f"{API}/kpis/exports/{export_id}").json()
    assert status["status"] == "done" and status["progress"] == 100
    assert api.get(f"{API}/kpis/exports/{export_id}/file").content[:2] == b"PK"
    client.logout()
    assert logged_in(outside_job_coach).get(f"{API}/kpis/exports/{export_id}").status_code == 404


@pytest.mark.django_db
def test_trn_14_api_checklist_create_refuses_a_7_and_compares(
    company, job_coach, outside_job_coach, logged_in, client
):
    api = logged_in(job_coach)
    bad = {"filled_on": "2026-03-01", "scores": [3] * 12 + [7]}
    response = api.post(f"{API}/checklists", bad, content_type="application/json")
    assert response.status_code == 422 and "TRN-14" in response.content.decode()
    assert not m.ChecklistFilling.objects.exists()
    first = api.post(
        f"{API}/checklists",
        {"filled_on": "2026-03-01", "scores": [2] * 13},
        content_type="application/json",
    ).json()
    second = api.post(
        f"{API}/checklists",
        {
            "filled_on": "2026-09-01",
            "scores": [4] * 13,
            "answers": ["a", "b", "c"],
            "actions": [{"action": "Netwerkmoment", "statements": [13], "done": "+"}],
        },
        content_type="application/json",
    ).json()
    assert second["total"] == 52 and second["actions"][0]["statements"] == [13]
    listed = api.get(f"{API}/checklists").json()
    assert listed["count"] == 2
    compared = api.get(
        f"{API}/checklist-comparison?first={second['id']}&second={first['id']}"
    ).json()
    assert compared["first"]["filled_on"] == str(date(2026, 3, 1))
    assert compared["total_difference"] == 26
    client.logout()
    other = logged_in(outside_job_coach)
    assert other.get(f"{API}/checklists/{first['id']}").status_code == 404
    assert other.get(f"{API}/checklists").json()["count"] == 0


@pytest.mark.django_db
def test_trn_14_api_checklist_completed_later_and_a_7_changes_nothing(
    company, job_coach, logged_in
):
    filling = m.ChecklistFilling.objects.create(
        organisation=company, filled_on=date(2026, 9, 1), scores=[None] * 13, filled_by=job_coach
    )
    api = logged_in(job_coach)
    url = f"{API}/checklists/{filling.pk}"
    bad = api.put(url, {"filled_on": "2026-09-01", "scores": [7] * 13}, "application/json")
    assert bad.status_code == 422
    filling.refresh_from_db()
    assert filling.scores == [None] * 13
    good = api.put(url, {"filled_on": "2026-09-02", "scores": [5] * 13}, "application/json")
    assert good.status_code == 200 and good.json()["total"] == 65
