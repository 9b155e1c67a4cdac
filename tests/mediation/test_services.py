"""MED use cases against the database: referral, the absence flow, sheets, start, closing."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.forms.models import model_to_dict
from django.utils import timezone

from koers.mediation import jobs, selectors, services
from koers.mediation import models as m
from koers.mediation.services import AppointmentData, SheetAssignment
from koers.trajectories.models import Contact, ContactOutcome, Trajectory, TrajectoryStatus
from koers.trajectories.services import ContactData, contact_log, programme_open
from tests.factories import ClientFactory

from .conftest import at, plan, record, send_registered_letter

pytestmark = pytest.mark.django_db


def _present_with_sheet(service, mediator, signed=True):
    record(service, mediator, present=True)
    contact_log(
        trajectory=service.trajectory,
        data=ContactData(starts_at=at(-7), duration_minutes=60, place="Kantoor"),
        acting_user=mediator,
        programme_checked=True,
    )
    sheet = services.sheet_create(
        service=service,
        made_on=timezone.localdate() - timedelta(days=105),
        work_points=["Zoektocht naar werk"],
        assignments=[SheetAssignment("Zoek passende vacatures", "4 per week", date(2030, 3, 28))],
        services_remark="",
        acting_user=mediator,
        now=timezone.now(),
    )
    if signed:
        services.sheet_sign(
            sheet=sheet,
            partner_on=sheet.made_on,
            participant_on=sheet.made_on,
            acting_user=mediator,
        )
    return sheet


def _snapshot(service):
    service.refresh_from_db()
    return model_to_dict(service), m.FirstAppointment.objects.count(), Contact.objects.count()


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


def _started(service, mediator, months_ago_days=200):
    _present_with_sheet(service, mediator)
    services.mediation_start(service=service, acting_user=mediator, now=timezone.now())
    m.MediationService.objects.filter(pk=service.pk).update(
        mediation_started_on=timezone.localdate() - timedelta(days=months_ago_days)
    )
    service.refresh_from_db()
    return service


def _passive_three(service, mediator):
    from koers.mediation.rules.closing import previous_month_ends

    for end in previous_month_ends(timezone.localdate(), 3):
        services.month_end_record(
            service=service, month_end=end, category="52", acting_user=mediator
        )
    service.refresh_from_db()


def test_med_12_three_passive_month_ends_after_six_months_raise_ter_afsluiting(service, mediator):
    _started(service, mediator)
    _passive_three(service, mediator)
    assert service.state == m.ServiceState.TO_CLOSE
    assert service.closing_reason == "passive"
    assert service.advice_deadline > timezone.localdate()


def test_med_12_max_duration_via_sweep_is_idempotent(service, mediator):
    _started(service, mediator, months_ago_days=370)
    assert jobs.mediation_closing_signal(timezone.now()) == 1
    assert jobs.mediation_closing_signal(timezone.now()) == 0
    service.refresh_from_db()
    assert service.closing_reason == "max_duration"


def test_med_13_wij3_never_closes_on_passive(partner, mediator, referral):
    client = ClientFactory(organisation=partner, street="x", city="y")
    wij3 = services.mediation_refer(
        client=client,
        responsible=mediator,
        organisation=partner,
        data=referral(tender="WIJ3"),
        first_appointment=AppointmentData(starts_at=at(110)),
        acting_user=mediator,
    )
    _started(wij3, mediator, months_ago_days=300)
    _passive_three(wij3, mediator)
    assert wij3.state == m.ServiceState.MEDIATING
    m.MediationService.objects.filter(pk=wij3.pk).update(
        mediation_started_on=timezone.localdate() - timedelta(days=600)
    )
    assert jobs.mediation_closing_signal(timezone.now()) == 1
    wij3.refresh_from_db()
    assert wij3.closing_reason == "max_duration"


def test_med_14_fourth_option_refused_after_max_duration_nothing_changed(service, mediator):
    _started(service, mediator, months_ago_days=370)
    jobs.mediation_closing_signal(timezone.now())
    before = _snapshot(service)
    with pytest.raises(ValidationError, match="MED-14"):
        services.advice_give(
            service=service,
            option="reassess",
            remark="",
            mail=True,
            printed=False,
            acting_user=mediator,
            now=timezone.now(),
        )
    with pytest.raises(ValidationError, match="Mail eindadvies"):
        services.advice_give(
            service=service,
            option="need",
            remark="",
            mail=False,
            printed=False,
            acting_user=mediator,
            now=timezone.now(),
        )
    assert _snapshot(service) == before


def test_med_15_advice_closes_and_access_ends_next_day_med_17_chef_oe(service, mediator):
    _started(service, mediator, months_ago_days=370)
    jobs.mediation_closing_signal(timezone.now())
    now = timezone.now()
    services.advice_give(
        service=service,
        option="need",
        remark="Graag opvolgen.",
        mail=False,
        printed=True,
        acting_user=mediator,
        now=now,
    )
    service.refresh_from_db()
    assert service.state == m.ServiceState.CLOSED and service.closing_way == "partner_advice"
    assert service.returned_to == m.ReturnTo.CHEF_OE
    until = service.trajectory.access_until
    assert timezone.localtime(until).date() == timezone.localdate(now) + timedelta(days=1)
    assert Trajectory.objects.visible_to(mediator).filter(pk=service.trajectory_id).exists()
    import time_machine

    with time_machine.travel(until + timedelta(seconds=1)):
        assert not Trajectory.objects.visible_to(mediator).filter(pk=service.trajectory_id).exists()


def test_med_14_sheet_after_closing_refused(service, mediator):
    _started(service, mediator, months_ago_days=370)
    jobs.mediation_closing_signal(timezone.now())
    services.advice_give(
        service=service,
        option="no_need",
        remark="",
        mail=True,
        printed=False,
        acting_user=mediator,
        now=timezone.now(),
    )
    count = m.AgreementSheet.objects.count()
    with pytest.raises(ValidationError, match="afgesloten"):
        services.sheet_create(
            service=service,
            made_on=timezone.localdate(),
            work_points=["x"],
            assignments=[],
            services_remark="",
            acting_user=mediator,
            now=timezone.now(),
        )
    assert m.AgreementSheet.objects.count() == count


def test_med_16_auto_close_after_a_month_max_duration_access_at_once(service, mediator):
    _started(service, mediator, months_ago_days=370)
    jobs.mediation_closing_signal(timezone.now())
    service.refresh_from_db()
    later = timezone.now() + timedelta(days=40)
    assert jobs.mediation_auto_close(later) == 1
    assert jobs.mediation_auto_close(later) == 0
    service.refresh_from_db()
    assert service.closing_way == "automatic" and service.trajectory.access_until == later
    # open assignments of the sheet remain: always back to VDAB (MED-17); annex says Chef OE here
    assert service.returned_to == m.ReturnTo.CHEF_OE


def test_med_16_auto_close_after_passive_next_day_and_open_actions_return(service, mediator):
    _started(service, mediator)
    _passive_three(service, mediator)
    later = timezone.now() + timedelta(days=40)
    jobs.mediation_auto_close(later)
    service.refresh_from_db()
    assert service.trajectory.access_until > later
    assert service.returned_to == m.ReturnTo.VDAB_MEDIATOR  # open assignment overrides "Nee"
    assert any("open trajectacties" in r["message"] for r in service.returned_reasons)


def test_med_08_checklist_and_med_10_ibo(service, mediator):
    service = services.checklist_update(
        service=service, ticked={"cv": True}, extra={"Rijbewijs": False}, acting_user=mediator
    )
    items = selectors.file_checklist(service)
    assert {i.key: i.ok for i in items}["cv"] is True
    assert {i.key: i.ok for i in items}["contact"] is True
    assignment = services.ibo_note(
        service=service, employer="Bakkerij Peeters", acting_user=mediator
    )
    assert "eigen VDAB-account" in assignment.description


def test_med_11_trainings(service, mediator, mailoutbox, django_capture_on_commit_callbacks):
    _started(service, mediator)
    with pytest.raises(ValidationError, match="953030"):
        services.training_register(
            service=service,
            data=services.TrainingData(kind="own", title="BVS", code="1", is_bvs=True),
            acting_user=mediator,
        )
    services.training_register(
        service=service,
        data=services.TrainingData(kind="own", title="BVS magazijn", code="953030", is_bvs=True),
        acting_user=mediator,
    )
    with django_capture_on_commit_callbacks(execute=True):
        external = services.training_register(
            service=service,
            data=services.TrainingData(
                kind="requested",
                title="Heftruck",
                code="H123",
                organiser="Syntra",
                organiser_email="opleiding@syntra.example",
            ),
            acting_user=mediator,
        )
    assert mailoutbox[-1].to == ["opleiding@syntra.example"]
    vdab = services.training_register(
        service=service,
        data=services.TrainingData(
            kind="requested",
            title="Lassen",
            code="L1",
            organiser="VDAB",
            organiser_email="lassen@vdab.example",
            organiser_is_vdab=True,
        ),
        acting_user=mediator,
    )
    with pytest.raises(ValidationError, match="seintje"):
        services.training_cancel(training=vdab, acting_user=mediator, now=timezone.now())
    services.training_cancel(training=external, acting_user=mediator, now=timezone.now())
    external.refresh_from_db()
    assert external.cancelled_at is not None


def test_med_12_projectopvolger_contact(service, mediator):
    contact = services.followup_contact_record(
        service=service,
        on=timezone.localdate(),
        reason="lost_status",
        projectopvolger="Pieter",
        note="Onttering gemeld",
        acting_user=mediator,
    )
    assert contact.get_reason_display() == "Onttering"
