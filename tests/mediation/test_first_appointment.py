"""services/first_appointment.py: the first appointment, the absence ladder and rescheduling
(MED-02, MED-03, MED-04)."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from koers.mediation import models as m
from koers.mediation import selectors, services
from koers.mediation.services import AppointmentData
from koers.trajectories.models import Trajectory, TrajectoryStatus
from koers.trajectories.services import ContactData

from .conftest import at, plan, record, send_registered_letter
from .steps import _snapshot

pytestmark = pytest.mark.django_db


def test_med_03_absent_valid_then_present_passes_mediatorship(service, mediator):
    step = record(service, mediator, present=False, reason="valid")
    assert step.after == "ordinary_2"
    service.refresh_from_db()
    nxt = selectors.replan_deadline(service, timezone.localdate())
    # MED-03: 7 days from the missed appointment (110 days ago), not from today's recording
    assert nxt.kind == "ordinary" and nxt.plan_by == at(110).date() + timedelta(days=7)
    second = plan(service, mediator, 100)
    assert second.number == 2 and second.kind == "ordinary"
    record(service, mediator, present=True)
    service.refresh_from_db()
    assert service.state == m.ServiceState.FIRST_PRESENT
    assert selectors.red_bar(service, timezone.now())  # MED-04


def test_med_03_invalid_twice_stops_service_and_ends_access(service, mediator, mailoutbox):
    record(service, mediator, present=False, reason="none")
    second = plan(service, mediator, 100)
    assert second.kind == "registered"
    with pytest.raises(ValidationError, match="MED-02"):
        plan(service, mediator, 95)  # one planned at a time
    send_registered_letter(second)
    step = record(service, mediator, present=False, reason="invalid")
    assert step.stops
    service.refresh_from_db()
    assert service.state == m.ServiceState.STOPPED
    assert service.vdab_signal == "service geweigerd wegens afwezigheid"
    assert service.returned_to == m.ReturnTo.VDAB_MEDIATOR
    assert not Trajectory.objects.visible_to(mediator).filter(pk=service.trajectory_id).exists()
    assert service.trajectory.status == TrajectoryStatus.CANCELLED


def test_med_03_registered_third_absence_recorded_invalid(
    service, mediator, django_capture_on_commit_callbacks
):
    record(service, mediator, present=False, reason="valid")
    plan(service, mediator, 100)
    record(service, mediator, present=False, reason="valid")
    third = plan(service, mediator, 90)
    assert third.kind == "registered" and third.number == 3
    send_registered_letter(third)
    with django_capture_on_commit_callbacks(execute=True):
        record(service, mediator, present=False, reason="valid")
    third.refresh_from_db()
    assert third.absence_reason == "invalid"
    assert m.MediationService.objects.get(pk=service.pk).state == m.ServiceState.STOPPED


def test_med_03_replan_late_is_a_warning_not_a_refusal(service, mediator):
    record(service, mediator, present=False, reason="valid")
    appointment = services.first_appointment_plan(
        service=service,
        data=AppointmentData(starts_at=at(-20), place="Kantoor"),
        acting_user=mediator,
        now=timezone.now() + timedelta(days=12),
    )
    assert "MED-03" in appointment.replan_warning


def test_med_02_reschedule_after_client_absence_refused_nothing_changed(service, mediator):
    appointment = service.first_appointments.get()
    record(service, mediator, present=False, reason="valid")
    before = _snapshot(service)
    with pytest.raises(ValidationError, match="Nieuwe eerste afspraak"):
        services.first_appointment_reschedule(
            appointment=appointment,
            data=AppointmentData(starts_at=at(-3)),
            mediator_unavailable=True,
            acting_user=mediator,
            now=timezone.now(),
        )
    assert _snapshot(service) == before


def test_med_02_reschedule_only_when_mediator_unavailable_and_keeps_type(service, mediator):
    appointment = service.first_appointments.get()
    with pytest.raises(ValidationError, match="MED-02"):
        services.first_appointment_reschedule(
            appointment=appointment,
            data=AppointmentData(starts_at=at(-3)),
            mediator_unavailable=False,
            acting_user=mediator,
            now=timezone.now(),
        )
    with pytest.raises(ValidationError, match="type"):
        services.first_appointment_reschedule(
            appointment=appointment,
            data=AppointmentData(starts_at=at(-3)),
            mediator_unavailable=True,
            kind="registered",
            acting_user=mediator,
            now=timezone.now(),
        )
    moved = services.first_appointment_reschedule(
        appointment=appointment,
        data=AppointmentData(starts_at=at(-3, 14), place="Keizerslaan 11, 1000 Brussel"),
        mediator_unavailable=True,
        acting_user=mediator,
        now=timezone.now(),
    )
    moved.contact.refresh_from_db()
    assert moved.kind == "ordinary" and moved.rescheduled == 1
    assert moved.contact.place == "Keizerslaan 11, 1000 Brussel"


def test_med_02_outcome_on_future_appointment_refused(service, mediator):
    appointment = service.first_appointments.get()
    services.first_appointment_reschedule(
        appointment=appointment,
        data=AppointmentData(starts_at=at(-2)),
        mediator_unavailable=True,
        acting_user=mediator,
        now=timezone.now(),
    )
    before = _snapshot(service)
    with pytest.raises(ValidationError, match="toekomst"):
        record(service, mediator, present=True)
    assert _snapshot(service) == before


def test_med_02_generic_contact_form_cannot_finish_the_first_appointment(service, mediator):
    from koers.trajectories.services import contact_update

    contact = service.first_appointments.get().contact
    with pytest.raises(ValidationError, match="MED-02"):
        contact_update(
            contact=contact,
            data=ContactData(starts_at=contact.starts_at, duration_minutes=60, outcome="held"),
            acting_user=mediator,
        )
