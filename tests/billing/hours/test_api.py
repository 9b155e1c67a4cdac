"""BIL-02/03/04 through the API: the same services and the same access as the pages."""

from datetime import date

import pytest
import time_machine

from koers.billing.models import HourEntry, Statement
from tests.api.conftest import Api
from tests.billing.factories import held_contact, open_voucher, rate


@pytest.fixture
def voucher(coach, centre):
    return open_voucher(coach, centre)


@pytest.fixture
def june():
    with time_machine.travel("2026-06-15T10:00:00+02:00", tick=False):
        yield


def test_bil_02_api_lists_marks_and_unmarks_own_hours(voucher, coach, other_coach, june):
    contact = held_contact(voucher, date(2026, 5, 4))
    api = Api(coach)
    listed = api.get("/billing/hours").json()
    assert listed["count"] == 1 and listed["items"][0]["to_enter"] is True
    assert Api(other_coach).get("/billing/hours").json()["count"] == 0
    assert (
        Api(other_coach)
        .post(f"/billing/hours/{contact.pk}/entered", {"entered_on": "2026-05-10"})
        .status_code
        == 404
    )
    answer = api.post(f"/billing/hours/{contact.pk}/entered", {"entered_on": "2026-05-10"})
    assert answer.status_code == 200, answer.content
    assert answer.json()["paid_in"] == "06/2026"
    refused = api.post(f"/billing/hours/{contact.pk}/entered", {"entered_on": "2026-05-10"})
    assert refused.status_code == 422 and refused.json()["errors"][0]["field"] == "entered_on"
    assert (
        api.http.delete(
            api.url(f"/billing/hours/{contact.pk}/entered"), headers=api.headers
        ).status_code
        == 204
    )
    assert not HourEntry.objects.exists()


def test_bil_02_api_marks_all_of_a_month(voucher, coach, june):
    held_contact(voucher, date(2026, 5, 4))
    held_contact(voucher, date(2026, 5, 5))
    future = Api(coach).post(
        "/billing/hours/entered", {"month": "2026-05", "entered_on": "2026-07-01"}
    )
    assert future.status_code == 422 and not HourEntry.objects.exists()
    answer = Api(coach).post(
        "/billing/hours/entered", {"month": "2026-05", "entered_on": "2026-05-20"}
    )
    assert answer.status_code == 200 and answer.json()["count"] == 2


def test_bil_03_api_settle_detail_correct_and_access(
    voucher, coach, other_coach, centre, centre_staff, outsider, june
):
    rate(coach, centre)
    contact = held_contact(voucher, date(2026, 5, 4))
    Api(coach).post(f"/billing/hours/{contact.pk}/entered", {"entered_on": "2026-05-10"})
    body = {"centre_id": centre.pk, "month": "2026-05"}
    assert Api(coach).post("/billing/settlements", body).status_code == 404
    assert Api(outsider).post("/billing/settlements", body).status_code == 404
    early = Api(centre_staff).post("/billing/settlements", {**body, "month": "2026-06"})
    assert early.status_code == 422 and early.json()["errors"][0]["field"] == "month"
    settled = Api(centre_staff).post("/billing/settlements", body)
    assert settled.status_code == 200 and settled.json()["count"] == 1
    again = Api(centre_staff).post("/billing/settlements", body)
    assert again.json()["items"] == settled.json()["items"]
    statement = Statement.objects.get()
    detail = Api(coach).get(f"/billing/statements/{statement.pk}").json()
    assert detail["total"] == "90.00" and len(detail["lines"]) == 1
    assert Api(other_coach).get(f"/billing/statements/{statement.pk}").status_code == 404
    assert Api(outsider).get(f"/billing/statements/{statement.pk}").status_code == 404
    assert Api(other_coach).get("/billing/statements").json()["count"] == 0
    line = detail["lines"][0]["id"]
    path = f"/billing/statements/{statement.pk}/corrections"
    assert Api(coach).post(path, {"line_id": line, "minutes": 30, "note": "x"}).status_code == 403
    made = Api(centre_staff).post(path, {"line_id": line, "minutes": 30, "note": "Vergeten uur"})
    assert made.status_code == 201 and made.json()["amount"] == "45.00"
    detail = Api(centre_staff).get(f"/billing/statements/{statement.pk}").json()
    assert detail["corrected_total"] == "135.00" and detail["total"] == "90.00"


def test_bil_04_api_rates_for_centre_staff_only(coach, other_coach, centre, centre_staff, outsider):
    body = {
        "centre_id": centre.pk,
        "coach_id": coach.pk,
        "rate": "110.00",
        "valid_from": "2026-01-01",
    }
    assert Api(coach).post("/billing/rates", body).status_code == 404
    assert Api(outsider).post("/billing/rates", body).status_code == 404
    bad = Api(centre_staff).post("/billing/rates", {**body, "rate": "100.00"})
    assert bad.status_code == 422 and bad.json()["errors"][0]["field"] == "rate"
    assert Api(centre_staff).post("/billing/rates", body).status_code == 201
    assert Api(coach).get("/billing/rates").json()["count"] == 1
    assert Api(other_coach).get("/billing/rates").json()["count"] == 0
    assert Api(centre_staff).get("/billing/rates").json()["count"] == 1
