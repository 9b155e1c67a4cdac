"""Page actions that had no API operation: the combined POP (LBC-13), the evaluation received
(LBC-15) and a matched lead becoming a client (INT-08) — same services, same access."""

from datetime import date, timedelta

import pytest
import time_machine
from django.utils import timezone

from koers.intake.models import CallKind, LeadState
from koers.intake.services import IntroductionData, lead_record_call
from tests.api.conftest import Api
from tests.api.test_vouchers import _open
from tests.intake.conftest import NOW
from tests.intake.conftest import submit as submit  # noqa: PLC0414 - the fixture, re-exported

pytestmark = pytest.mark.django_db


@pytest.fixture
def voucher(client_record, coach):
    return _open(client_record, coach)


def test_lbc_15_evaluation_received_via_api(voucher, coach, other_coach):
    url = f"/vouchers/{voucher.pk}/evaluation-received"
    assert Api(other_coach).post(url).status_code == 404
    response = Api(coach).post(url)
    assert response.status_code == 200
    assert response.json()["evaluation_received_on"] == str(timezone.localdate())
    voucher.refresh_from_db()
    assert voucher.evaluation_received_on == timezone.localdate()


def test_lbc_13_combined_pop_via_api_needs_a_second_voucher(voucher, coach, client_record):
    api = Api(coach)
    alone = api.post(f"/vouchers/{voucher.pk}/combined-pop", {"combined": True})
    assert alone.status_code == 422
    assert alone.json()["errors"][0]["field"] == "combined_pop"
    voucher.refresh_from_db()
    assert voucher.combined_pop is False
    second = _open(client_record, coach, start=date(2024, 9, 1))
    response = api.post(f"/vouchers/{second.pk}/combined-pop", {"combined": True})
    assert response.status_code == 200, response.json()
    assert response.json()["combined_pop"] is True
    voucher.refresh_from_db()
    assert voucher.combined_pop is True


def test_int_08_matched_lead_becomes_client_via_api(coach, other_coach, submit):
    lead = submit()
    lead_record_call(
        lead=lead,
        kind=CallKind.MATCH,
        now=NOW + timedelta(hours=4),
        acting_user=coach,
        introduction=IntroductionData(starts_at=NOW + timedelta(days=2), place="Gent"),
    )
    with time_machine.travel(NOW + timedelta(hours=5), tick=False):
        assert (
            Api(other_coach).post(f"/leads/{lead.pk}/client", {"open_voucher": True}).status_code
            == 404
        )
        response = Api(coach).post(f"/leads/{lead.pk}/client", {"open_voucher": True})
    assert response.status_code == 200, response.json()
    body = response.json()
    assert body["state"] == LeadState.CLIENT
    assert body["client_id"] and body["trajectory_id"]
