"""Issue 15: interim evaluations (LBC-16) and the client's evaluation (LBC-15) keep a history, shown
on the client file's "Geschiedenis"."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from koers.vouchers.models import EvaluationResponse, InterimEvaluation
from koers.vouchers.services import evaluation_submit, interim_evaluation_add

pytestmark = pytest.mark.django_db


def test_lbc_16_an_interim_evaluation_is_in_the_history_of_the_client_file(
    voucher, coach, centre_staff, logged_in
):
    interim_evaluation_add(
        voucher=voucher,
        held_on=timezone.localdate() - timedelta(days=1),
        going_as_wished="Ja, goed.",
        would_change="",
        acting_user=coach,
    )
    assert InterimEvaluation.history.get().history_user == coach
    client_file = reverse("client_history", args=[voucher.trajectory.client_id])
    assert "Tussentijdse evaluatie" in logged_in(centre_staff).get(client_file).content.decode()


def test_lbc_15_the_clients_evaluation_is_recorded_without_a_staff_author(voucher):
    evaluation_submit(voucher=voucher, response=EvaluationResponse(satisfaction=4, helped=5))
    record = EvaluationResponse.history.get()
    assert (record.history_type, record.history_user, record.satisfaction) == ("+", None, 4)
