"""Issue 10, intensive mediation: registered letters (MED-02/03), the 7-day target (MED-03),
incomplete referrals (MED-01), the start without signatures (MED-06) and open items (MED-17)."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from koers.core.models import Role
from koers.mediation import models as m
from koers.mediation import selectors, services
from koers.trajectories.models import (
    Assignment,
    AssignmentStatus,
    Contact,
    ContactOutcome,
    TrajectoryStatus,
)
from koers.trajectories.services import programme_open
from tests.factories import ClientFactory, staff_user

from .conftest import at, plan, record, send_registered_letter
from .steps import _passive_three, _present_with_sheet, _snapshot, _started

pytestmark = pytest.mark.django_db


# ---- MED-02 / MED-03: the registered appointment goes by registered letter -----------------------


def test_med_03_registered_appointment_by_email_refused_nothing_saved(service, mediator):
    record(service, mediator, present=False, reason="invalid")
    before = _snapshot(service)
    with pytest.raises(ValidationError, match="aangetekende brief") as exc:
        plan(service, mediator, 100, send_by=m.SendBy.EMAIL)
    assert "send_by" in exc.value.message_dict
    assert _snapshot(service) == before
    assert plan(service, mediator, 100).send_by == m.SendBy.LETTER


def test_med_03_stop_refused_when_the_registered_letter_never_left(service, mediator, mailoutbox):
    record(service, mediator, present=False, reason="none")
    plan(service, mediator, 100)
    before = _snapshot(service)
    with pytest.raises(ValidationError, match="MED-03"):
        record(service, mediator, present=False, reason="invalid")
    assert _snapshot(service) == before
    service.refresh_from_db()
    assert service.state == m.ServiceState.REFERRED and service.trajectory.access_until is None
    assert mailoutbox == []


def test_med_03_letter_made_after_the_appointment_does_not_count(service, mediator):
    record(service, mediator, present=False, reason="none")
    second = send_registered_letter(plan(service, mediator, 100), days_before=-2)
    assert not selectors.registered_letter_sent(second)
    with pytest.raises(ValidationError, match="nooit"):
        record(service, mediator, present=False, reason="none")


def test_med_03_unsent_registered_appointment_may_be_moved_then_stops(
    service, mediator, django_capture_on_commit_callbacks, mailoutbox
):
    record(service, mediator, present=False, reason="none")
    second = plan(service, mediator, 100)
    moved = services.first_appointment_reschedule(
        appointment=second,
        data=services.AppointmentData(starts_at=at(90), place="Kantoor"),
        mediator_unavailable=False,
        acting_user=mediator,
        now=timezone.now(),
    )
    assert moved.kind == "registered" and moved.rescheduled == 1
    send_registered_letter(moved)
    # once the letter was sent before the date, moving it needs the mediator's own absence again
    with pytest.raises(ValidationError, match="MED-02"):
        services.first_appointment_reschedule(
            appointment=moved,
            data=services.AppointmentData(starts_at=at(80), place="Kantoor"),
            mediator_unavailable=False,
            acting_user=mediator,
            now=timezone.now(),
        )
    with django_capture_on_commit_callbacks(execute=True):
        step = record(service, mediator, present=False, reason="invalid")
    assert step.stops
    assert m.MediationService.objects.get(pk=service.pk).state == m.ServiceState.STOPPED
    assert [mail.to for mail in mailoutbox] == [["vera@vdab.example"]]


def test_med_03_rescheduling_drops_the_old_invitation(service, mediator):
    appointment = send_registered_letter(service.first_appointments.get())
    moved = services.first_appointment_reschedule(
        appointment=appointment,
        data=services.AppointmentData(starts_at=at(-3), place="Kantoor"),
        mediator_unavailable=True,
        acting_user=mediator,
        now=timezone.now(),
    )
    moved.refresh_from_db()
    assert moved.letter_document is None  # the old letter named the old date


def test_med_03_service_page_warns_that_the_registered_letter_is_missing(
    service, mediator, logged_in
):
    record(service, mediator, present=False, reason="none")
    plan(service, mediator, 100)
    page = logged_in(mediator).get(reverse("mediation_detail", kwargs={"pk": service.pk}))
    assert 'data-testid="registered-letter-missing"' in page.content.decode()


# ---- MED-03: the 7-day target counts from the missed appointment ------------------------------


def test_med_03_seven_days_count_from_the_missed_appointment_not_the_recording(service, mediator):
    missed_on = at(110).date()
    record(service, mediator, present=False, reason="valid")  # recorded today, 110 days later
    service.refresh_from_db()
    nxt = selectors.replan_deadline(service, timezone.localdate())
    assert nxt.plan_by == missed_on + timedelta(days=7) and nxt.late
    board = selectors.dashboard(user=mediator)
    replan = [d for d in board.deadlines if d.kind == "replan"]
    assert [d.due_on for d in replan] == [missed_on + timedelta(days=7)]
    second = services.first_appointment_plan(
        service=service,
        data=services.AppointmentData(starts_at=at(-3), place="Kantoor"),
        acting_user=mediator,
        now=timezone.now(),
    )
    assert "110 dagen" in second.replan_warning  # a warning, never a refusal


# ---- MED-01: an incomplete referral is no "Nieuwe service" ------------------------------------


def _opened_elsewhere(partner, mediator):
    trajectory = programme_open(
        client=ClientFactory(organisation=partner),
        programme="mediation",
        responsible=mediator,
        organisation=partner,
        start_date=timezone.localdate() - timedelta(days=3),
        acting_user=mediator,
    )
    return trajectory.mediation


def test_med_01_opened_elsewhere_is_incomplete_says_what_is_missing_and_plans_nothing(
    partner, mediator, logged_in, mailoutbox
):
    service = _opened_elsewhere(partner, mediator)
    assert service.vdab_mediator_email == "" and "onbekend" not in str(
        m.MediationService.objects.values().get(pk=service.pk)
    )
    board = selectors.dashboard(user=mediator)
    assert board.new == [] and board.incomplete == [service]
    assert ("incomplete", "Toeleiding onvolledig", 1) in board.counts
    page = logged_in(mediator).get(reverse("mediation_dashboard")).content.decode()
    section = page.split('data-testid="incomplete-referrals"')[1].split("</section>")[0]
    assert "tender, perceel, naam VDAB-bemiddelaar, e-mail VDAB-bemiddelaar" in section
    with pytest.raises(ValidationError, match="MED-01"):
        plan(service, mediator, -2)
    assert service.first_appointments.count() == 0
    detail = logged_in(mediator).get(reverse("mediation_detail", kwargs={"pk": service.pk}))
    assert 'data-testid="referral-incomplete"' in detail.content.decode()
    assert 'data-testid="new-first"' not in detail.content.decode()
    assert mailoutbox == []


def test_med_01_completing_the_referral_makes_it_a_new_service(partner, mediator, referral):
    service = _opened_elsewhere(partner, mediator)
    services.referral_update(service=service, data=referral(), acting_user=mediator)
    service.refresh_from_db()
    assert service.state == m.ServiceState.REFERRED and service.referral_missing == []
    assert service.trajectory.phase == m.ServiceState.REFERRED
    assert selectors.dashboard(user=mediator).new == [service]
    assert plan(service, mediator, -2).number == 1


def test_med_01_incomplete_referral_via_the_api_generic_trajectory(
    partner, mediator, partner_staff
):
    from tests.api.conftest import Api

    client = ClientFactory(organisation=partner)
    api = Api(partner_staff)
    response = api.post(
        "/trajectories",
        {
            "client_id": client.pk,
            "programme": "mediation",
            "responsible_id": mediator.pk,
            "start_date": str(timezone.localdate()),
        },
    )
    assert response.status_code == 201, response.json()
    service = m.MediationService.objects.get(trajectory_id=response.json()["id"])
    assert service.state == m.ServiceState.INCOMPLETE
    body = api.get(f"/mediation/services/{service.pk}").json()
    assert body["state"] == "incomplete" and body["vdab_mediator_email"] == ""


# ---- MED-06: the start does not wait for the signatures ---------------------------------------


def test_med_06_page_offers_the_start_and_shows_missing_signatures(service, mediator, logged_in):
    _present_with_sheet(service, mediator, signed=False)
    page = logged_in(mediator).get(reverse("mediation_detail", kwargs={"pk": service.pk}))
    html = page.content.decode()
    assert 'data-testid="signatures-missing"' in html
    assert (
        "Start bemiddelingsproces</button>" in html
        and "disabled"
        not in html.split("Start bemiddelingsproces</button>")[0].rsplit("<button", 1)[1]
    )
    logged_in(mediator).post(
        reverse("mediation_start", kwargs={"pk": service.pk}), {"confirmed": "1"}
    )
    service.refresh_from_db()
    assert service.mediation_started_on == timezone.localdate()


# ---- MED-17: open contacts and trainings keep the file with VDAB ------------------------------


def _passive_to_close_without_open_items(service, mediator):
    _started(service, mediator)
    _passive_three(service, mediator)
    assert service.state == m.ServiceState.TO_CLOSE
    Assignment.objects.filter(trajectory=service.trajectory).update(status=AssignmentStatus.DONE)
    Contact.objects.filter(trajectory=service.trajectory, outcome=ContactOutcome.PLANNED).update(
        outcome=ContactOutcome.HELD
    )


def _advice(service, mediator):
    return services.advice_give(
        service=service,
        option="no_need",
        remark="",
        mail=False,
        printed=True,
        acting_user=mediator,
        now=timezone.now(),
    )


def test_med_17_nothing_open_passive_advice_does_not_return(service, mediator):
    _passive_to_close_without_open_items(service, mediator)
    assert _advice(service, mediator).returned_to == m.ReturnTo.NONE


def test_med_17_past_contact_never_recorded_keeps_the_file_with_vdab(service, mediator):
    _passive_to_close_without_open_items(service, mediator)
    Contact.objects.create(
        trajectory=service.trajectory,
        staff=mediator,
        starts_at=at(20),
        duration_minutes=60,
        outcome=ContactOutcome.PLANNED,
    )
    closed = _advice(service, mediator)
    assert closed.returned_to == m.ReturnTo.VDAB_MEDIATOR
    assert "MED-17" in {r["rule"] for r in closed.returned_reasons}


def test_med_17_open_training_keeps_the_file_with_vdab(service, mediator):
    _passive_to_close_without_open_items(service, mediator)
    services.training_register(
        service=service,
        data=services.TrainingData(
            kind="requested",
            title="Heftruckchauffeur",
            code="123456",
            organiser="Opleidingscentrum",
            organiser_email="opleiding@example.be",
        ),
        acting_user=mediator,
    )
    assert _advice(service, mediator).returned_to == m.ReturnTo.VDAB_MEDIATOR


def test_med_17_finished_or_cancelled_training_is_not_open(service, mediator):
    _passive_to_close_without_open_items(service, mediator)
    training = services.training_register(
        service=service,
        data=services.TrainingData(kind="own", title="BVS", code="953030", is_bvs=True),
        acting_user=mediator,
    )
    services.training_progress(
        training=training, acting_user=mediator, competences_updated_on=timezone.localdate()
    )
    assert _advice(service, mediator).returned_to == m.ReturnTo.NONE


def test_med_17_close_by_vdab_page_and_behaviour_agree_access_ends_at_once(
    service, mediator, partner, logged_in
):
    _started(service, mediator)
    _passive_three(service, mediator)
    staff = staff_user(partner, Role.CENTRE_STAFF, username="partner-staff-2")
    client = logged_in(staff)
    url = reverse("mediation_vdab_close", kwargs={"pk": service.pk})
    page = client.get(url).content.decode()
    assert "meteen de inzage" in page and "tot morgen" not in page
    response = client.post(url, {"confirm": "on"})
    service.refresh_from_db()
    assert service.trajectory.access_until == service.closed_at
    assert response.status_code == 302 and response.url == reverse("mediation_dashboard")
    assert client.get(reverse("mediation_detail", kwargs={"pk": service.pk})).status_code == 404
    assert service.trajectory.status == TrajectoryStatus.CLOSED


def test_med_03_rescheduling_a_registered_appointment_sent_by_email_switches_to_letter(
    service, mediator
):
    record(service, mediator, present=False, reason="none")
    second = plan(service, mediator, 100)
    m.FirstAppointment.objects.filter(pk=second.pk).update(send_by=m.SendBy.EMAIL)  # older data
    second.refresh_from_db()
    with pytest.raises(ValidationError, match="MED-03"):
        record(service, mediator, present=False, reason="invalid")
    moved = services.first_appointment_reschedule(
        appointment=second,
        data=services.AppointmentData(starts_at=at(-5), place="Kantoor"),
        mediator_unavailable=False,
        acting_user=mediator,
        now=timezone.now(),
    )
    moved.refresh_from_db()
    assert moved.send_by == m.SendBy.LETTER


def test_med_03_page_offers_a_registered_appointment_by_letter_only(service, mediator, logged_in):
    record(service, mediator, present=False, reason="invalid")
    html = logged_in(mediator).get(reverse("mediation_detail", kwargs={"pk": service.pk}))
    form = html.content.decode().split('data-testid="new-first"')[1].split("</form>")[0]
    assert '<input type="hidden" name="send_by" value="letter">' in form
    assert '<select name="send_by"' not in form
