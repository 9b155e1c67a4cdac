"""BIL-05 and BIL-06 API: same permissions as the pages (a coach sees and reports only their
own; centre staff their centre's; another coach's data answers 404)."""

from datetime import date

import pytest

from koers.billing.models import DevelopmentPlan
from koers.billing.services import coaches as services
from tests.api.conftest import Api

pytestmark = pytest.mark.django_db


def test_bil_05_a_coach_reports_and_lists_own_locations(coach, other_coach, gent, started):
    api = Api(coach)
    created = api.post(
        "/billing/coach-locations", {"location_id": gent.pk, "started_on": "2026-06-01"}
    )
    assert created.status_code == 201, created.content
    assert created.json()["name"] == "Gent"
    assert created.json()["changes"][0]["message"].startswith("Nieuwe locatie Gent vanaf")
    listed = api.get("/billing/coach-locations").json()
    assert listed["count"] == 2
    assert Api(other_coach).get("/billing/coach-locations").json()["count"] == 0


def test_bil_05_a_location_twice_is_a_422_naming_the_field(coach, deurne, started):
    response = Api(coach).post(
        "/billing/coach-locations", {"location_id": deurne.pk, "started_on": "2026-04-01"}
    )
    assert response.status_code == 422
    assert "BIL-05" in str(response.json())


def test_bil_05_a_coach_cannot_report_for_another_coach(coach, other_coach, deurne):
    response = Api(other_coach).post(
        "/billing/coach-locations",
        {"coach_id": coach.pk, "location_id": deurne.pk, "started_on": "2026-04-01"},
    )
    assert response.status_code == 404


def test_bil_05_staff_report_for_their_coach_and_pass_the_change_on(coach, centre_staff, deurne):
    api = Api(centre_staff)
    created = api.post(
        "/billing/coach-locations",
        {"coach_id": coach.pk, "location_name": "Bib Lier", "started_on": "2026-04-01"},
    )
    assert created.status_code == 201, created.content
    change_id = created.json()["changes"][0]["id"]
    assert api.get("/billing/coach-locations", {"to_pass_on": True}).json()["count"] == 1
    done = api.post(f"/billing/location-changes/{change_id}/passed-on")
    assert done.status_code == 200
    assert done.json()["changes"][0]["passed_on_by_id"] == centre_staff.pk
    assert api.get("/billing/coach-locations", {"to_pass_on": True}).json()["count"] == 0
    assert api.post(f"/billing/location-changes/{change_id}/passed-on").status_code == 422


def test_bil_05_a_coach_cannot_pass_a_change_on_and_others_get_404(
    coach, other_coach, elsewhere_staff, started
):
    change_id = started.changes.get().pk
    assert Api(coach).post(f"/billing/location-changes/{change_id}/passed-on").status_code == 422
    for outsider in (other_coach, elsewhere_staff):
        path = f"/billing/location-changes/{change_id}/passed-on"
        assert Api(outsider).post(path).status_code == 404


def test_bil_05_ending_through_the_api(coach, other_coach, started):
    path = f"/billing/coach-locations/{started.pk}/end"
    assert Api(other_coach).post(path, {"ended_on": "2026-06-30"}).status_code == 404
    assert Api(coach).post(path, {"ended_on": "2026-01-01"}).status_code == 422
    ended = Api(coach).post(path, {"ended_on": "2026-06-30"})
    assert ended.status_code == 200 and ended.json()["ended_on"] == "2026-06-30"
    assert [c["kind"] for c in ended.json()["changes"]] == ["started", "ended"]


def test_bil_06_staff_receive_a_plan_and_everyone_sees_only_theirs(
    coach, other_coach, centre_staff, elsewhere_staff
):
    payload = {"coach_id": coach.pk, "year": 2026, "received_on": "2026-06-01"}
    assert Api(coach).post("/billing/development-plans", payload).status_code == 404
    assert Api(elsewhere_staff).post("/billing/development-plans", payload).status_code == 404
    created = Api(centre_staff).post("/billing/development-plans", payload)
    assert created.status_code == 201 and created.json()["template"] == "first_time"
    assert Api(centre_staff).post("/billing/development-plans", payload).status_code == 422
    assert Api(coach).get("/billing/development-plans").json()["count"] == 1
    assert Api(other_coach).get("/billing/development-plans").json()["count"] == 0
    assert Api(elsewhere_staff).get("/billing/development-plans").json()["count"] == 0


def test_bil_06_plan_status_says_template_reminder_and_received(coach, other_coach, centre_staff):
    services.development_plan_receive(
        coach=coach, year=2025, received_on=date(2025, 12, 1), acting_user=centre_staff
    )
    status = Api(coach).get("/billing/development-plans/status").json()
    assert status["template"] == "returning" and not status["received"]
    assert status["due_on"] == "2026-12-31" and status["reasons"][0]["rule"] == "BIL-06"
    staff_view = Api(centre_staff).get("/billing/development-plans/status", {"coach": coach.pk})
    assert staff_view.json()["template"] == "returning"
    other = Api(other_coach).get("/billing/development-plans/status", {"coach": coach.pk})
    assert other.status_code == 404
    assert DevelopmentPlan.objects.count() == 1


def test_bil_05_list_reads_constant_queries(
    coach, centre_staff, deurne, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    api = Api(centre_staff)
    services.coach_location_start(
        coach=coach, location=deurne, started_on=date(2026, 3, 1), acting_user=coach
    )
    with CaptureQueriesContext(connection) as small:
        api.get("/billing/coach-locations")
    for i in range(5):
        services.coach_location_start(
            coach=coach, location_name=f"Plek {i}", started_on=date(2026, 4, 1), acting_user=coach
        )
    with django_assert_max_num_queries(len(small)):
        assert api.get("/billing/coach-locations").json()["count"] == 6
