"""MED-02 / MED-03 / MED-04: the first appointment, the absence ladder and the red bar."""

from dataclasses import dataclass
from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from koers.core.history import save_with_user
from koers.core.models import User
from koers.lib.refusals import refusal
from koers.lib.rules import Reason
from koers.mediation import models as m
from koers.mediation.rules import closing as closing_rules
from koers.mediation.rules import ladder
from koers.mediation.selectors.facts import (
    absent_on,
    covering_text_default,
    last_absence,
    pending_appointment,
    registered_letter_sent,
    ruleset_of,
)
from koers.mediation.services.common import (
    end_service,
    lock_service,
    require_open,
    set_phase,
)
from koers.mediation.services.states import ladder_set_state, service_set_state
from koers.outbox.services import mail_queue
from koers.trajectories.models import (
    ContactForm,
    ContactOutcome,
    TrajectoryStatus,
)
from koers.trajectories.services import (
    ContactData,
    contact_log,
    contact_validate,
)

ABSENCE_SIGNAL = "service geweigerd wegens afwezigheid"


@dataclass
class AppointmentData:
    starts_at: datetime
    duration_minutes: int = 60
    place: str = ""
    send_by: str = m.SendBy.LETTER
    covering_text: str = ""
    comment: str = ""


def _contact_data(data: AppointmentData) -> ContactData:
    return ContactData(
        starts_at=data.starts_at,
        duration_minutes=data.duration_minutes,
        form=ContactForm.INDIVIDUAL,
        place=data.place.strip(),
        notes=_("Eerste afspraak voor bemiddeling bij partner"),
    )


@transaction.atomic
def first_appointment_plan(
    *, service: m.MediationService, data: AppointmentData, acting_user: User, now: datetime
) -> m.FirstAppointment:
    """Plan the (next) referral appointment: its number and type follow from the ladder (MED-03)."""
    service = lock_service(service)
    require_open(service, "starts_at")
    if service.ladder_done:
        raise refusal(
            "__all__",
            Reason("MED-03", _("De eerste afspraak is al afgewerkt; plan een gewoon contact.")),
        )
    if pending_appointment(service):
        raise refusal(
            "__all__",
            Reason(
                "MED-02",
                _("Er staat al een eerste afspraak gepland: werk die eerst af of plan ze in."),
            ),
        )
    if service.is_incomplete:
        raise refusal(
            "__all__",
            Reason(
                "MED-01",
                _("Vul eerst de toeleiding aan: %(missing)s.")
                % {"missing": ", ".join(service.referral_missing)},
            ),
        )
    number, kind = ladder.APPOINTMENT[ladder.LadderState(service.ladder_state)]
    if data.send_by not in m.SendBy.values:
        raise ValidationError({"send_by": [_("Kies brief of e-mail.")]})
    refused = ladder.send_by_refusal(kind=kind, send_by=data.send_by)
    if refused:
        raise refusal("send_by", refused)
    contact = contact_log(
        trajectory=service.trajectory,
        data=_contact_data(data),
        acting_user=acting_user,
        programme_checked=True,
    )
    last_absent = last_absence(service)
    warning = None
    if last_absent is not None:
        warning = ladder.replan_on_time(
            absent_on=absent_on(last_absent),
            fixed_on=timezone.localdate(now),
            ruleset=ruleset_of(service),
        )
    appointment = m.FirstAppointment(
        service=service,
        number=number,
        kind=kind.value,
        contact=contact,
        send_by=data.send_by,
        covering_text=data.covering_text.strip()
        or covering_text_default(service.trajectory.organisation),
        comment=data.comment.strip(),
        replan_warning=str(warning) if warning else "",
    )
    save_with_user(appointment, acting_user)
    return appointment


def _lock_appointment(appointment: m.FirstAppointment) -> m.FirstAppointment:
    # Two outcomes (or an outcome and a reschedule) posted for one appointment at once: the
    # second waits and then finds it finished, so the ladder never moves twice for one visit.
    return (
        m.FirstAppointment.objects.select_for_update()
        .select_related("contact", "service")
        .get(pk=appointment.pk)
    )


@transaction.atomic
def first_appointment_reschedule(
    *,
    appointment: m.FirstAppointment,
    data: AppointmentData,
    mediator_unavailable: bool,
    acting_user: User,
    now: datetime,
    kind: str | None = None,
) -> m.FirstAppointment:
    """MED-02 "contact herinplannen": only when the mediator cannot be there; never the type."""
    appointment = _lock_appointment(appointment)
    service = lock_service(appointment.service)
    require_open(service)
    refused = ladder.reschedule_refusal(
        appointment_outcome=appointment.outcome or None,
        mediator_unavailable=mediator_unavailable,
        kind_before=appointment.kind,
        kind_after=kind or appointment.kind,
        registered_invitation_missing=appointment.kind == m.AppointmentKind.REGISTERED
        and appointment.contact.starts_at <= now
        and not registered_letter_sent(appointment),
    )
    if refused:
        raise refusal("__all__", refused)
    contact = appointment.contact
    contact_data = _contact_data(data)
    contact_validate(
        trajectory=service.trajectory,
        staff=contact.staff,
        data=contact_data,
        now=now,
        exclude_pk=contact.pk,
        programme_checked=True,
    )
    contact.starts_at = contact_data.starts_at
    contact.duration_minutes = contact_data.duration_minutes
    contact.place = contact_data.place
    save_with_user(contact, acting_user)
    appointment.rescheduled += 1
    # The invitation named the old date: a new one must go out (for a registered appointment it
    # is what a stop for absence rests on, MED-03). The old letter stays in the history.
    appointment.letter_document = None
    appointment.letter_pages = 0
    if appointment.kind == m.AppointmentKind.REGISTERED:
        appointment.send_by = m.SendBy.LETTER  # MED-03: never by e-mail
    if data.comment.strip():
        appointment.comment = data.comment.strip()
    save_with_user(appointment, acting_user)
    return appointment


@transaction.atomic
def first_appointment_record(
    *,
    appointment: m.FirstAppointment,
    present: bool,
    acting_user: User,
    now: datetime,
    reason: str = "",
    comment: str = "",
) -> ladder.Step:
    """Finish a referral appointment as present or absent (none/valid/invalid) — MED-02..04."""
    appointment = _lock_appointment(appointment)
    service = lock_service(appointment.service)
    require_open(service)
    if appointment.outcome:
        raise refusal("__all__", Reason("MED-02", _("Deze afspraak is al afgewerkt.")))
    refused = ladder.outcome_refusal(planned_on_or_before_now=appointment.contact.starts_at <= now)
    if refused:
        raise refusal("__all__", refused)
    if not present and reason not in m.AbsenceReason.values:
        raise ValidationError(
            {
                "absence_reason": [
                    _("Kies de reden van afwezigheid: geen, geldig of ongeldig. (MED-02)")
                ]
            }
        )
    try:
        step = ladder.ladder_step(
            ladder.LadderState(service.ladder_state), ladder.outcome_of(present, reason)
        )
    except ladder.LadderError as exc:
        raise refusal("__all__", exc.reason) from exc
    if step.stops:
        refused = ladder.stop_refusal(
            kind=appointment.kind, registered_letter_sent=registered_letter_sent(appointment)
        )
        if refused:
            raise refusal("__all__", refused)
    appointment.outcome = m.AppointmentOutcome.PRESENT if present else m.AppointmentOutcome.ABSENT
    appointment.absence_reason = step.recorded_reason.value if step.recorded_reason else ""
    appointment.comment = comment.strip() or appointment.comment
    appointment.recorded_at = now
    save_with_user(appointment, acting_user)
    contact = appointment.contact
    contact.outcome = ContactOutcome.HELD if present else ContactOutcome.ABSENT
    contact.absence_reason = (
        "" if present else str(m.AbsenceReason(appointment.absence_reason).label)
    )
    save_with_user(contact, acting_user)
    why = "; ".join(str(r) for r in step.reasons)
    if step.after == ladder.LadderState.PRESENT:
        # MED-04: mediatorship passes to the partner at once (banner and red bar).
        service.present_on = timezone.localdate(contact.starts_at)
        ladder_set_state(service, step.after, acting_user=acting_user, why=why, at=now)
        service_set_state(
            service,
            m.ServiceState.FIRST_PRESENT,
            acting_user=acting_user,
            why=why,
            at=now,
            also_save=("present_on",),
        )
        set_phase(service, acting_user)
    else:
        ladder_set_state(service, step.after, acting_user=acting_user, why=why, at=now)
        if step.stops:
            _stop_for_absence(service, acting_user=acting_user, now=now)
    return step


def _send_signal(service: m.MediationService, subject: str, body: str) -> None:
    """Queued in the outbox with the stop itself: VDAB hears of it even if the mail server is
    down right now."""
    if not service.vdab_mediator_email:
        return  # MED-01: an incomplete referral has no VDAB mediator to signal
    organisation = service.trajectory.organisation
    mail_queue(
        kind="mediation.absence_signal",
        organisation=organisation,
        sender=organisation.email,
        to=[service.vdab_mediator_email],
        subject=subject,
        body=body,
    )


def _stop_for_absence(service: m.MediationService, *, acting_user, now: datetime) -> None:
    """MED-03: the service ends, the partner loses access at once, VDAB gets the signal."""
    service.closing_reason = m.ClosingReason.ABSENCE
    service.vdab_signal = ABSENCE_SIGNAL
    decision = closing_rules.return_to_vdab(
        tender=service.tender, reason="absence", way="absence_stop", advice=None, open_items=False
    )
    end_service(
        service,
        m.ServiceState.STOPPED,
        way=m.ClosingWay.ABSENCE_STOP,
        decision=decision,
        now=now,
        acting_user=acting_user,
        trajectory_status=TrajectoryStatus.CANCELLED,
        access_until=now,
    )
    _send_signal(
        service,
        f"Koers: {ABSENCE_SIGNAL}",
        f"Service intensieve bemiddeling voor {service.client.full_name}: {ABSENCE_SIGNAL} "
        "(MED-03).",
    )


@transaction.atomic
def absence_stop_sweep_one(service_pk: int, now: datetime) -> bool:
    """Catch-up for the sweep: a ladder that reached STOP while the service is still open."""
    service = lock_service(m.MediationService(pk=service_pk))
    if service.ladder_state != ladder.LadderState.STOPPED or not service.is_open:
        return False
    _stop_for_absence(service, acting_user=None, now=now)
    return True
