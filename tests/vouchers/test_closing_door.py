"""A voucher closes only through "Cheque afronden": the generic trajectory status change (page and
API) may not close it past the open dossier points and the reason for an early end."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from koers.trajectories.models import Trajectory, TrajectoryStatus
from koers.trajectories.services import trajectory_set_status
from koers.vouchers.services import voucher_close, voucher_open
from tests.api.conftest import Api


@pytest.fixture
def voucher(client_record, coach):
    return voucher_open(
        client=client_record,
        responsible=coach,
        organisation=client_record.organisation,
        start_date=client_record.created_at.date(),
        career_question="Welke job past nog bij mij?",
        acting_user=coach,
    )


@pytest.mark.django_db
def test_generic_status_change_refuses_to_close_a_voucher(voucher, coach):
    with pytest.raises(ValidationError) as exc:
        trajectory_set_status(
            trajectory=voucher.trajectory, status=TrajectoryStatus.CLOSED, acting_user=coach
        )
    assert "Cheque afronden" in " ".join(exc.value.message_dict["status"])
    assert Trajectory.objects.get(pk=voucher.trajectory_id).status == TrajectoryStatus.ACTIVE


@pytest.mark.django_db
def test_generic_status_page_and_api_refuse_to_close_a_voucher(voucher, coach, logged_in):
    web = logged_in(coach)
    web.post(reverse("trajectory_status", args=[voucher.trajectory_id]), {"status": "closed"})
    response = Api(coach).post(
        f"/trajectories/{voucher.trajectory_id}/status", {"status": "closed"}
    )
    assert response.status_code == 422
    assert Trajectory.objects.get(pk=voucher.trajectory_id).status == TrajectoryStatus.ACTIVE


@pytest.mark.django_db
def test_voucher_close_is_the_door_and_records_the_early_end(voucher, coach):
    closed = voucher_close(voucher=voucher, acting_user=coach, reason="client_stopped")
    assert closed.trajectory.status == TrajectoryStatus.CLOSED
    assert closed.closed_incomplete and closed.closing_reason == "client_stopped"


@pytest.mark.django_db
def test_other_programmes_still_close_through_the_generic_status_change(trajectory, coach):
    trajectory.programme = "mediation"
    trajectory.save()
    trajectory_set_status(trajectory=trajectory, status=TrajectoryStatus.CLOSED, acting_user=coach)
    assert Trajectory.objects.get(pk=trajectory.pk).status == TrajectoryStatus.CLOSED
