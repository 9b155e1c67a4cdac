"""services/referral.py: the VDAB referral opens the service (MED-01)."""

from datetime import date

import pytest

from koers.mediation import models as m
from koers.trajectories.services import programme_open
from tests.factories import ClientFactory

pytestmark = pytest.mark.django_db


def test_med_01_referral_opens_service_with_reason_on_dashboard(service, mediator):
    from koers.mediation.selectors import dashboard

    assert service.trajectory.programme == "mediation"
    assert service.state == m.ServiceState.REFERRED
    assert service.state.label == "Nieuwe service - Intensieve bemiddeling"
    board = dashboard(user=mediator)
    assert board.new == [service]
    assert service.first_appointments.get().kind == "ordinary"


def test_med_01_programme_opener_creates_an_incomplete_service_without_placeholders(
    partner, mediator
):
    client = ClientFactory(organisation=partner)
    trajectory = programme_open(
        client=client,
        programme="mediation",
        responsible=mediator,
        organisation=partner,
        start_date=date(2025, 1, 6),
        acting_user=mediator,
    )
    service = trajectory.mediation
    assert service.state == m.ServiceState.INCOMPLETE
    assert (service.tender, service.lot, service.vdab_mediator_email) == ("", "", "")
    assert "tender" in service.referral_missing
