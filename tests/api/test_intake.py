"""/leads, /coach-unavailability, /lead-marketing: lead intake through the API (INT)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from koers.intake.models import Lead, LeadState
from tests.api.conftest import Api, fields

pytestmark = pytest.mark.django_db


def _soon(hours):
    return (timezone.localtime() + timedelta(hours=hours)).replace(tzinfo=None, microsecond=0)


def _lead_body(**overrides):
    body = {
        "first_name": "Lotte",
        "last_name": "Janssens",
        "email": "lotte@example.org",
        "phone": "0470 12 34 56",
        "career_question": "Wat wil ik na twaalf jaar in de zorg?",
        "channel": "social",
        "consent": True,
        "windows": [{"starts_at": _soon(30).isoformat(), "ends_at": _soon(32).isoformat()}],
    }
    body.update(overrides)
    return body


def test_int_01_import_creates_a_routed_lead_with_its_clock(centre_staff, coach):
    api = Api(centre_staff)
    response = api.post("/leads", _lead_body())
    assert response.status_code == 201, response.json()
    lead = response.json()
    assert lead["coach_id"] == coach.pk and lead["phone"] == "+32470123456"
    assert lead["clock"]["acknowledgement_due"] is True  # INT-03: first window after 24 h
    assert {r["rule"] for r in lead["routing_reasons"]} == {"INT-01", "INT-05"}
    again = api.post("/leads", _lead_body())
    assert again.status_code == 200 and again.json()["id"] == lead["id"]


def test_int_01_bad_lead_is_refused_per_field(centre_staff, coach):
    body = _lead_body(
        email="nope",
        phone="1",
        consent=False,
        windows=[{"starts_at": _soon(5).isoformat(), "ends_at": _soon(3).isoformat()}],
    )
    response = Api(centre_staff).post("/leads", body)
    assert response.status_code == 422
    assert {"email", "phone", "consent", "windows"} <= fields(response)
    assert not Lead.objects.exists()


def test_int_07_self_brought_lead_goes_to_the_coach(coach, other_coach):
    response = Api(coach).post("/leads", _lead_body(self_brought=True, channel="coach"))
    assert response.status_code == 201
    assert response.json()["coach_id"] == coach.pk


def test_int_03_acknowledge_call_handover_and_feedback(centre_staff, coach, other_coach):
    lead_id = Api(centre_staff).post("/leads", _lead_body()).json()["id"]
    api = Api(coach)
    ack = api.post(f"/leads/{lead_id}/acknowledgements", {"channel": "email"})
    assert ack.status_code == 201, ack.json()
    assert "Ik bel je op" in ack.json()["text"]
    assert api.get(f"/leads/{lead_id}").json()["state"] == LeadState.ACKNOWLEDGED
    refused = api.post(
        f"/leads/{lead_id}/calls", {"kind": "handover", "to_coach_id": other_coach.pk}
    )
    assert refused.status_code == 422 and "note" in fields(refused)
    handed = api.post(
        f"/leads/{lead_id}/calls",
        {"kind": "handover", "to_coach_id": other_coach.pk, "note": "Past beter bij Eva."},
    )
    assert handed.status_code == 201
    assert (
        api.get(f"/leads/{lead_id}").status_code == 200
    )  # INT-06: still visible to the first coach
    other = Api(other_coach)
    match = other.post(
        f"/leads/{lead_id}/calls",
        {"kind": "match", "introduction": {"starts_at": _soon(48).isoformat(), "form": "video"}},
    )
    assert match.status_code == 201
    feedback = other.post(
        f"/leads/{lead_id}/feedback",
        {"answers": {"channel": "Sociale media", "reached": True, "outcome": "Match"}},
    )
    assert feedback.status_code == 201


def test_int_06_match_needs_the_introduction(centre_staff, coach):
    lead_id = Api(centre_staff).post("/leads", _lead_body()).json()["id"]
    response = Api(coach).post(f"/leads/{lead_id}/calls", {"kind": "match"})
    assert response.status_code == 422 and "introduction" in fields(response)


def test_int_05_route_refuses_an_absent_coach_unless_allowed(centre_staff, coach, other_coach):
    api = Api(coach)
    absent = api.post(
        "/coach-unavailability",
        {
            "starts_at": _soon(-1).isoformat(),
            "ends_at": _soon(72).isoformat(),
            "reason": "Vakantie",
        },
    )
    assert absent.status_code == 201
    staff = Api(centre_staff)
    lead = staff.post("/leads", _lead_body()).json()
    assert lead["coach_id"] == other_coach.pk
    refused = staff.post(f"/leads/{lead['id']}/route", {"coach_id": coach.pk})
    assert refused.status_code == 422 and "coach_id" in fields(refused)
    allowed = staff.post(
        f"/leads/{lead['id']}/route", {"coach_id": coach.pk, "allow_unavailable": True}
    )
    assert allowed.status_code == 200 and allowed.json()["coach_id"] == coach.pk
    assert api.get("/coach-unavailability").json()["count"] == 1
    item = absent.json()["id"]
    assert (
        Api(other_coach)
        .http.delete(f"/api/v1/coach-unavailability/{item}", headers=Api(other_coach).headers)
        .status_code
        == 404
    )
    assert (
        api.http.delete(f"/api/v1/coach-unavailability/{item}", headers=api.headers).status_code
        == 204
    )


def test_leads_are_404_for_another_coach_and_another_centre(
    centre_staff, coach, other_coach, outsider
):
    lead_id = Api(centre_staff).post("/leads", _lead_body()).json()["id"]
    for user in (other_coach, outsider):
        api = Api(user)
        assert api.get(f"/leads/{lead_id}").status_code == 404
        assert api.post(f"/leads/{lead_id}/calls", {"kind": "no_match"}).status_code == 404
        assert api.post(f"/leads/{lead_id}/feedback", {"answers": {}}).status_code == 404
    assert Api(other_coach).get("/leads").json()["count"] == 0
    assert Api(coach).get("/leads").json()["count"] == 1


def test_marketing_figures_for_centre_staff_only(centre_staff, coach):
    staff = Api(centre_staff)
    lead_id = staff.post("/leads", _lead_body()).json()["id"]
    Api(coach).post(f"/leads/{lead_id}/calls", {"kind": "no_match"})
    figures = staff.get("/lead-marketing").json()
    assert figures["total"] == 1
    assert figures["per_channel"][0]["channel"] == "social"
    assert figures["contacted_within_24h_percent"] == 100.0
    assert Api(coach).get("/lead-marketing").status_code == 404


def test_lead_list_query_count_is_constant(centre_staff, coach, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    api = Api(centre_staff)
    api.post("/leads", _lead_body(email="a@example.org"))
    with CaptureQueriesContext(connection) as few:
        api.get("/leads")
    for i in range(6):
        api.post("/leads", _lead_body(email=f"b{i}@example.org"))
    with CaptureQueriesContext(connection) as many:
        assert api.get("/leads").json()["count"] == 7
    assert len(many) == len(few)
