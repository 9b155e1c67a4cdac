"""services/sheets_and_contacts.py: agreement sheets, the start and contacts with the residence
check (MED-05, MED-06, MED-07, MED-09)."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from koers.mediation import models as m
from koers.mediation import selectors, services
from koers.trajectories.models import ContactOutcome
from koers.trajectories.services import ContactData, contact_log

from .conftest import at, record
from .steps import _present_with_sheet

pytestmark = pytest.mark.django_db


def test_med_05_first_sheet_needs_next_contact_and_has_countdown(service, mediator):
    record(service, mediator, present=True)
    service.refresh_from_db()
    with pytest.raises(ValidationError, match="MED-05"):
        services.sheet_create(
            service=service,
            made_on=timezone.localdate(),
            work_points=["Zoektocht naar werk"],
            assignments=[],
            services_remark="",
            acting_user=mediator,
            now=timezone.now(),
        )
    countdown = selectors.first_sheet_status(service, service.present_on + timedelta(days=3))
    assert countdown.days_left == 12 and countdown.reason.rule == "MED-05"


def test_med_06_start_does_not_wait_for_signatures_which_show_as_missing(service, mediator):
    with pytest.raises(ValidationError, match="MED-06"):
        services.mediation_start(service=service, acting_user=mediator, now=timezone.now())
    sheet = _present_with_sheet(service, mediator, signed=False)
    assert [r.rule for r in selectors.first_sheet_signatures(service)] == ["MED-05"]
    started = services.mediation_start(service=service, acting_user=mediator, now=timezone.now())
    assert started.state == m.ServiceState.MEDIATING
    assert started.mediation_started_on == timezone.localdate()
    assert "de partner en de deelnemer" in selectors.first_sheet_signatures(service)[0].message
    services.sheet_sign(
        sheet=sheet, partner_on=sheet.made_on, participant_on=None, acting_user=mediator
    )
    assert "de deelnemer" in selectors.first_sheet_signatures(service)[0].message
    services.sheet_sign(
        sheet=sheet, partner_on=None, participant_on=sheet.made_on, acting_user=mediator
    )
    assert selectors.first_sheet_signatures(service) == []


def test_med_07_sheet_snapshot_has_next_contacts_and_assignments(service, mediator):
    sheet = _present_with_sheet(service, mediator)
    assert sheet.content["next_contacts"][0]["mediator"] == "Edu Vlbr06"
    assert sheet.content["assignments"][0]["deadline"] == "2030-03-28"
    assert sheet.assignments.count() == 1


def test_med_09_held_contact_needs_residence_and_work_permit_check(service, mediator):
    _present_with_sheet(service, mediator)
    data = ContactData(starts_at=at(50), duration_minutes=60, outcome=ContactOutcome.HELD)
    with pytest.raises(ValidationError, match="MED-09"):
        services.mediation_contact_log(
            service=service,
            data=data,
            residence_status_checked=True,
            work_permit_checked=False,
            acting_user=mediator,
        )
    with pytest.raises(ValidationError, match="MED-09"):
        contact_log(trajectory=service.trajectory, data=data, acting_user=mediator)
    contact = services.mediation_contact_log(
        service=service,
        data=data,
        residence_status_checked=True,
        work_permit_checked=True,
        acting_user=mediator,
    )
    assert contact.mediation_check.work_permit_checked
