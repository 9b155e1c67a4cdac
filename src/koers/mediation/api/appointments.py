"""/mediation/.../appointments: the first appointments, their outcome, rescheduling and the
invitation (MED-02, MED-03, MED-04)."""

from django.http import HttpRequest
from django.utils import timezone
from ninja import File, Router, UploadedFile

from koers.api.errors import ERRORS
from koers.api.lookups import auth_user
from koers.api.schemas import Id
from koers.mediation import models as m
from koers.mediation import pdfs, selectors, services
from koers.mediation.api.outputs import appointment_data, appointment_out
from koers.mediation.schemas import (
    AppointmentIn,
    AppointmentsOut,
    FirstAppointmentOut,
    OutcomeIn,
    OutcomeOut,
    RescheduleIn,
)
from koers.trajectories.api.documents import document_out
from koers.trajectories.schemas import DocumentOut

OPERATION_ID_PREFIX = "koers_api_mediation"

router = Router(tags=["mediation"])


def _next_step_out(service: m.MediationService) -> dict:
    nxt = selectors.replan_deadline(service, timezone.localdate())
    return {
        "state": nxt.state,
        "kind": nxt.kind,
        "attempt": nxt.attempt,
        "plan_by": nxt.plan_by,
        "late": nxt.late,
        "stops_on_next_absence": nxt.stops_on_next_absence,
        "stops_on_next_invalid_absence": nxt.stops_on_next_invalid_absence,
        "reasons": [r.as_dict() for r in nxt.reasons],
    }


@router.get(
    "/mediation/services/{service_id}/appointments",
    response={200: AppointmentsOut, **ERRORS},
    summary="Eerste afspraken en wat volgt (MED-03)",
)
def list_appointments(request: HttpRequest, service_id: Id):
    service = selectors.service_get(user=auth_user(request), pk=service_id)
    items = service.first_appointments.select_related("contact").order_by("number")
    return {"items": [appointment_out(a) for a in items], "next_step": _next_step_out(service)}


@router.post(
    "/mediation/services/{service_id}/appointments",
    response={201: FirstAppointmentOut, **ERRORS},
    summary="Nieuwe eerste afspraak maken",
)
def create_appointment(request: HttpRequest, service_id: Id, payload: AppointmentIn):
    """The number and type (ordinary / registered) follow from the ladder (MED-03)."""
    user = auth_user(request)
    appointment = services.first_appointment_plan(
        service=selectors.service_get(user=user, pk=service_id),
        data=appointment_data(payload),
        acting_user=user,
        now=timezone.now(),
    )
    return 201, appointment_out(appointment)


@router.post(
    "/mediation/appointments/{appointment_id}/outcome",
    response={200: OutcomeOut, **ERRORS},
    summary="Eerste afspraak afwerken: aanwezig of afwezig",
)
def record_outcome(request: HttpRequest, appointment_id: Id, payload: OutcomeIn):
    """MED-02/03/04. Refused for an appointment still in the future or already finished."""
    user = auth_user(request)
    appointment = selectors.appointment_get(user=user, pk=appointment_id)
    step = services.first_appointment_record(
        appointment=appointment,
        present=payload.present,
        reason=payload.absence_reason or "",
        comment=payload.comment,
        acting_user=user,
        now=timezone.now(),
    )
    appointment = m.FirstAppointment.objects.select_related("contact", "service").get(
        pk=appointment.pk
    )
    return {
        "appointment": appointment_out(appointment),
        "ladder_state": step.after,
        "service_state": appointment.service.state,
        "reasons": [r.as_dict() for r in step.reasons],
    }


@router.post(
    "/mediation/appointments/{appointment_id}/reschedule",
    response={200: FirstAppointmentOut, **ERRORS},
    summary="Contact herinplannen (MED-02)",
)
def reschedule(request: HttpRequest, appointment_id: Id, payload: RescheduleIn):
    user = auth_user(request)
    appointment = services.first_appointment_reschedule(
        appointment=selectors.appointment_get(user=user, pk=appointment_id),
        data=appointment_data(payload),
        mediator_unavailable=payload.mediator_unavailable,
        kind=payload.kind,
        acting_user=user,
        now=timezone.now(),
    )
    appointment.contact.refresh_from_db()
    return appointment_out(appointment)


@router.post(
    "/mediation/appointments/{appointment_id}/invitation",
    response={201: DocumentOut, **ERRORS},
    summary="Uitnodiging voor de eerste afspraak maken, met bijlagen (MED-02)",
)
def send_invitation(
    request: HttpRequest,
    appointment_id: Id,
    attachments: list[UploadedFile] | None = File(None),  # noqa: B008 - how ninja declares it
):
    """Multipart form with zero or more `attachments` (PDF or image). By letter: an attachment
    with an odd page count gets a blank page and the whole letter is at most 12 pages (422
    otherwise, naming MED-02); by e-mail the letter and the attachments go to the client. The
    answer is the generated letter, kept as a document of the trajectory."""
    user = auth_user(request)
    document = pdfs.invitation_send(
        appointment=selectors.appointment_get(user=user, pk=appointment_id),
        attachments=list(attachments or []),
        acting_user=user,
    )
    return 201, document_out(document)
