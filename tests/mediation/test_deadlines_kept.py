"""Issue 14: "klanten opvolgen" reads the deadlines (MED-02/03/05/14) from kept rows
(`ServiceDeadline`), rewritten at every change of what they are computed from. After every step
of a service's life the kept rows equal what the former computation (the UNION of four reads,
`deadline_oracle.py`) says, in the same order."""

from datetime import timedelta

import pytest
from django.apps import apps
from django.utils import timezone

from koers.mediation import jobs, selectors, services, signals
from koers.mediation import models as m
from koers.mediation.selectors.dashboard import OPEN_STATES
from koers.mediation.selectors.deadlines import deadline_rows
from koers.mediation.services import AppointmentData
from koers.mediation.services import deadlines as kept
from tests.mediation import deadline_oracle as oracle
from tests.mediation.conftest import at, plan, record, send_registered_letter
from tests.mediation.steps import _started

pytestmark = pytest.mark.django_db


def _open():
    return m.MediationService.objects.filter(state__in=OPEN_STATES)


def _rows():
    """The kept rows of every open service, and the former computation's: they must agree."""
    rows = list(deadline_rows(_open()))
    assert rows == list(oracle.deadline_rows(_open()))
    return rows


def _day(moment):
    return timezone.localtime(moment).date()


def test_med_02_a_planned_first_appointment_is_kept_due_on_its_day(service):
    assert _rows() == [(_day(at(110)), service.pk, 0, 1, m.AppointmentKind.ORDINARY)]


def test_med_02_rescheduling_moves_the_kept_deadline_to_the_new_day(service, mediator):
    appointment = selectors.pending_appointment(service)
    services.first_appointment_reschedule(
        appointment=appointment,
        data=AppointmentData(starts_at=at(-5, 23), place="Kantoor"),
        mediator_unavailable=True,
        acting_user=mediator,
        now=timezone.now(),
    )
    assert _rows() == [(_day(at(-5, 23)), service.pk, 0, 1, m.AppointmentKind.ORDINARY)]


def test_med_03_an_absence_keeps_the_replan_target_until_the_next_appointment(service, mediator):
    record(service, mediator, present=False, reason=m.AbsenceReason.VALID)
    assert _rows() == [(_day(at(110)) + timedelta(days=7), service.pk, 1, None, "")]
    plan(service, mediator, -3)
    assert _rows() == [(_day(at(-3)), service.pk, 0, 2, m.AppointmentKind.ORDINARY)]


def test_med_05_present_keeps_the_first_sheet_until_the_sheet_is_made(service, mediator):
    record(service, mediator, present=True)
    service.refresh_from_db()
    assert _rows() == [(service.present_on + timedelta(days=15), service.pk, 2, None, "")]
    _present_with_sheet_only(service, mediator)
    assert _rows() == []


def _present_with_sheet_only(service, mediator):
    """The next contact and the first sheet of `_present_with_sheet`, for a service present."""
    from datetime import date

    from koers.mediation.services import SheetAssignment
    from koers.trajectories.services import ContactData, contact_log

    contact_log(
        trajectory=service.trajectory,
        data=ContactData(starts_at=at(-7), duration_minutes=60, place="Kantoor"),
        acting_user=mediator,
        programme_checked=True,
    )
    services.sheet_create(
        service=service,
        made_on=timezone.localdate(),
        work_points=["Zoektocht naar werk"],
        assignments=[SheetAssignment("Zoek vacatures", "4 per week", date(2030, 3, 28))],
        services_remark="",
        acting_user=mediator,
        now=timezone.now(),
    )


def test_med_14_ter_afsluiting_keeps_the_advice_deadline_and_closing_drops_it(service, mediator):
    _started(service, mediator, months_ago_days=370)  # MED-12: past the maximum duration
    assert jobs.mediation_closing_signal(timezone.now()) == 1
    service.refresh_from_db()
    assert service.state == m.ServiceState.TO_CLOSE
    assert _rows() == [(service.advice_deadline, service.pk, 3, None, "")]
    services.advice_give(
        service=service,
        option=service.advice_options[0].value,
        remark="",
        mail=True,
        printed=False,
        acting_user=mediator,
        now=timezone.now(),
    )
    assert _rows() == []
    assert not m.ServiceDeadline.objects.filter(service_id=service.pk).exists()


def test_med_03_a_stop_for_absence_drops_the_services_rows(service, mediator):
    record(service, mediator, present=False, reason="none")
    send_registered_letter(plan(service, mediator, 100))
    assert [row[2] for row in _rows()] == [0]
    record(service, mediator, present=False, reason="invalid")
    service.refresh_from_db()
    assert service.state == m.ServiceState.STOPPED
    assert _rows() == []
    assert not m.ServiceDeadline.objects.filter(service_id=service.pk).exists()


def test_a_deleted_service_leaves_no_rows(service):
    assert m.ServiceDeadline.objects.exists()
    service.delete()
    assert not m.ServiceDeadline.objects.exists()


def test_rebuild_all_writes_what_the_refreshes_kept(service, mediator, partner, referral):
    from tests.factories import ClientFactory

    record(service, mediator, present=False, reason=m.AbsenceReason.VALID)
    other = services.mediation_refer(
        client=ClientFactory(organisation=partner),
        responsible=mediator,
        organisation=partner,
        data=referral(),
        first_appointment=AppointmentData(starts_at=at(3), place="Kantoor"),
        acting_user=mediator,
    )
    record(other, mediator, present=True)
    before = _rows()
    assert len(before) == 2
    assert kept.rebuild_all() == 2
    assert _rows() == before


def test_the_first_migrate_with_the_table_fills_it(service):
    before = _rows()
    m.ServiceDeadline.objects.all().delete()
    signals._fill_after_migrate(apps.get_app_config("mediation"))
    assert _rows() == before != []


def test_the_rebuild_command_writes_the_rows_again(service):
    from io import StringIO

    from django.core.management import call_command

    before = _rows()
    m.ServiceDeadline.objects.all().delete()
    out = StringIO()
    call_command("rebuild_mediation_deadlines", stdout=out)
    assert out.getvalue().strip() == "1 deadlines"
    assert _rows() == before
