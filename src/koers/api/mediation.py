"""/mediation: intensive mediation (MED) — referrals, first appointments and outcomes, agreement
sheets, month-end categories, closing and final advice.

Every service is looked up through `MediationService.objects.visible_to(user)` (404 otherwise, also
from the moment the partner loses access: MED-03, MED-15, MED-16); every write goes through
`koers.mediation.services`, whose refusals name the rule (e.g. "(MED-02)") and change nothing.
"""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import File, Router, UploadedFile

from koers.api import mediation_settings
from koers.api.documents import document_out
from koers.api.errors import ERRORS, FieldNotFound
from koers.api.lookups import PageQuery, acting_organisation, auth_user, page
from koers.api.mediation_schemas import (
    AdviceIn,
    AppointmentIn,
    AppointmentsOut,
    ClosingOut,
    FirstAppointmentOut,
    FollowUpIn,
    MediationContactIn,
    MediationContactOut,
    MonthEndIn,
    MonthEndOut,
    OutcomeIn,
    OutcomeOut,
    ReferralIn,
    ReferralPatch,
    RescheduleIn,
    ServiceOut,
    ServicePage,
    SheetIn,
    SheetOut,
    SheetsOut,
    SignIn,
)
from koers.api.schemas import DocumentOut, Id
from koers.core.models import Client, User
from koers.core.selectors import client_get
from koers.core.services import ClientData, client_create
from koers.lib.rules import shown
from koers.mediation import models as m
from koers.mediation import pdfs, selectors, services
from koers.mediation.rules.closing import advice_options
from koers.mediation.views.common import can_close_by_vdab
from koers.trajectories.services import ContactData

router = Router(tags=["mediation"])
router.add_router("/", mediation_settings.router)  # MED-12 settings per tender


def _reasons(reasons) -> list[dict]:
    return [{"rule": r.rule, "message": r.message} for r in reasons]


def _closing_due(service: m.MediationService):
    """MED-12/13 as the closing rule sees it today (None before the start, MED-06)."""
    if not service.mediation_started_on:
        return None
    return services.closing_facts(service, timezone.localdate())


def service_out(service: m.MediationService) -> dict:
    trajectory = service.trajectory
    due = _closing_due(service)
    return {
        "id": service.pk,
        "trajectory_id": service.trajectory_id,
        "client_id": service.client_id,
        "client_name": service.client.full_name,
        "responsible_id": trajectory.responsible_id,
        "tender": service.tender,
        "lot": service.lot,
        "vdab_mediator_name": service.vdab_mediator_name,
        "vdab_mediator_email": service.vdab_mediator_email,
        "work_points": service.work_points,
        "thresholds": service.thresholds,
        "referral_date": service.referral_date,
        "state": service.state,
        "state_label": str(m.ServiceState(service.state).label),
        "ladder_state": service.ladder_state,
        "present_on": service.present_on,
        "mediation_started_on": service.mediation_started_on,
        "closing_reason": service.closing_reason,
        "closing_due_on": service.closing_due_on,
        "closable_on": due.closable_on if due else None,
        "max_duration_on": due.max_duration_on if due else None,
        "advice_deadline": service.advice_deadline,
        "closing_way": service.closing_way,
        "closed_at": service.closed_at,
        "advice": service.advice,
        "advice_remark": service.advice_remark,
        "returned_to": service.returned_to,
        "returned_reasons": shown(service.returned_reasons),
        "vdab_signal": service.vdab_signal,
        "access_until": trajectory.access_until,
        "red_bar": services.red_bar(service, timezone.now()),
    }


def _service(user: User, pk: int) -> m.MediationService:
    return selectors.service_get(user=user, pk=pk)


def _appointment_out(a: m.FirstAppointment) -> dict:
    return {
        "id": a.pk,
        "number": a.number,
        "kind": a.kind,
        "contact_id": a.contact_id,
        "starts_at": a.contact.starts_at,
        "duration_minutes": a.contact.duration_minutes,
        "place": a.contact.place,
        "outcome": a.outcome,
        "absence_reason": a.absence_reason,
        "comment": a.comment,
        "rescheduled": a.rescheduled,
        "send_by": a.send_by,
        "covering_text": a.covering_text,
        "replan_warning": a.replan_warning,
    }


def _sheet_out(s: m.AgreementSheet) -> dict:
    return {
        "id": s.pk,
        "number": s.number,
        "made_on": s.made_on,
        "content": s.content,
        "signed_by_partner_on": s.signed_by_partner_on,
        "signed_by_participant_on": s.signed_by_participant_on,
        "document_id": s.document_id,
    }


def _appointment_data(payload: AppointmentIn) -> services.AppointmentData:
    return services.AppointmentData(
        starts_at=payload.starts_at,
        duration_minutes=payload.duration_minutes,
        place=payload.place,
        send_by=payload.send_by,
        covering_text=payload.covering_text,
        comment=payload.comment,
    )


# ---- services and referrals ----------------------------------------------------------------------


@router.get("/mediation/services", response={200: ServicePage, **ERRORS}, summary="Services")
def list_services(request: HttpRequest, params: PageQuery, state: m.ServiceState | None = None):
    """Services you may see, oldest referral first; filter by state (e.g. `to_close`)."""
    qs = (
        selectors.services_for_user(user=auth_user(request))
        .prefetch_related("month_ends")  # for the closing rule of each (closable_on)
        .order_by("referral_date", "pk")
    )
    if state is not None:
        qs = qs.filter(state=state)
    result = page(qs, params)
    result["items"] = [service_out(s) for s in result["items"]]
    return result


@router.get(
    "/mediation/services/{service_id}", response={200: ServiceOut, **ERRORS}, summary="Eén service"
)
def get_service(request: HttpRequest, service_id: Id):
    return service_out(_service(auth_user(request), service_id))


@router.patch(
    "/mediation/services/{service_id}",
    response={200: ServiceOut, **ERRORS},
    summary="Toeleiding wijzigen",
)
def update_referral(request: HttpRequest, service_id: Id, payload: ReferralPatch):
    """MED-01: complete or correct the referral (tender, lot, VDAB mediator, work points,
    thresholds); only the fields you send change. A closed service refuses (MED-15)."""
    user = auth_user(request)
    service = _service(user, service_id)
    changes = {k: v for k, v in payload.dict(exclude_unset=True).items() if v is not None}
    data = services.ReferralData(
        tender=changes.get("tender", service.tender),
        lot=changes.get("lot", service.lot),
        vdab_mediator_name=changes.get("vdab_mediator_name", service.vdab_mediator_name),
        vdab_mediator_email=changes.get("vdab_mediator_email", service.vdab_mediator_email),
        referral_date=service.referral_date,
        work_points=changes.get("work_points", service.work_points),
        thresholds=changes.get("thresholds", service.thresholds),
    )
    services.referral_update(service=service, data=data, acting_user=user)
    return service_out(_service(user, service.pk))


@router.post(
    "/mediation/referrals", response={201: ServiceOut, **ERRORS}, summary="Toeleiding registreren"
)
def create_referral(request: HttpRequest, payload: ReferralIn):
    """MED-01: a VDAB referral with the planned first appointment; for a client you may see
    (`client_id`) or a new one (`client`). The acting user becomes the partner mediator."""
    user = auth_user(request)
    organisation = acting_organisation(user, payload.organisation_id)
    with transaction.atomic():
        if payload.client_id is not None:
            try:
                client = client_get(user=user, pk=payload.client_id)
            except Client.DoesNotExist:
                raise FieldNotFound("client_id") from None
        elif payload.client is not None:
            client = client_create(
                organisation=organisation,
                data=ClientData(**payload.client.dict()),
                acting_user=user,
            )
        else:
            from django.core.exceptions import ValidationError

            raise ValidationError({"client_id": ["Geef client_id of client."]})
        service = services.mediation_refer(
            client=client,
            responsible=user,
            organisation=organisation,
            data=services.ReferralData(
                tender=payload.tender,
                lot=payload.lot,
                vdab_mediator_name=payload.vdab_mediator_name,
                vdab_mediator_email=payload.vdab_mediator_email,
                referral_date=payload.referral_date,
                work_points=payload.work_points,
                thresholds=payload.thresholds,
            ),
            first_appointment=_appointment_data(payload.first_appointment),
            acting_user=user,
        )
    return 201, service_out(_service(user, service.pk))


# ---- first appointments ----------------------------------------------------------------------


def _appointments(service: m.MediationService) -> dict:
    items = service.first_appointments.select_related("contact").order_by("number")
    nxt = services.replan_deadline(service, timezone.localdate())
    return {
        "items": [_appointment_out(a) for a in items],
        "next_step": {
            "state": nxt.state,
            "kind": nxt.kind,
            "attempt": nxt.attempt,
            "plan_by": nxt.plan_by,
            "late": nxt.late,
            "stops_on_next_absence": nxt.stops_on_next_absence,
            "stops_on_next_invalid_absence": nxt.stops_on_next_invalid_absence,
            "reasons": _reasons(nxt.reasons),
        },
    }


@router.get(
    "/mediation/services/{service_id}/appointments",
    response={200: AppointmentsOut, **ERRORS},
    summary="Eerste afspraken en wat volgt (MED-03)",
)
def list_appointments(request: HttpRequest, service_id: Id):
    return _appointments(_service(auth_user(request), service_id))


@router.post(
    "/mediation/services/{service_id}/appointments",
    response={201: FirstAppointmentOut, **ERRORS},
    summary="Nieuwe eerste afspraak maken",
)
def create_appointment(request: HttpRequest, service_id: Id, payload: AppointmentIn):
    """The number and type (ordinary / registered) follow from the ladder (MED-03)."""
    user = auth_user(request)
    appointment = services.first_appointment_plan(
        service=_service(user, service_id),
        data=_appointment_data(payload),
        acting_user=user,
        now=timezone.now(),
    )
    return 201, _appointment_out(appointment)


def _appointment(user: User, pk: int) -> m.FirstAppointment:
    return selectors.appointment_get(user=user, pk=pk)


@router.post(
    "/mediation/appointments/{appointment_id}/outcome",
    response={200: OutcomeOut, **ERRORS},
    summary="Eerste afspraak afwerken: aanwezig of afwezig",
)
def record_outcome(request: HttpRequest, appointment_id: Id, payload: OutcomeIn):
    """MED-02/03/04. Refused for an appointment still in the future or already finished."""
    user = auth_user(request)
    appointment = _appointment(user, appointment_id)
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
        "appointment": _appointment_out(appointment),
        "ladder_state": step.after,
        "service_state": appointment.service.state,
        "reasons": _reasons(step.reasons),
    }


@router.post(
    "/mediation/appointments/{appointment_id}/reschedule",
    response={200: FirstAppointmentOut, **ERRORS},
    summary="Contact herinplannen (MED-02)",
)
def reschedule(request: HttpRequest, appointment_id: Id, payload: RescheduleIn):
    user = auth_user(request)
    appointment = services.first_appointment_reschedule(
        appointment=_appointment(user, appointment_id),
        data=_appointment_data(payload),
        mediator_unavailable=payload.mediator_unavailable,
        kind=payload.kind,
        acting_user=user,
        now=timezone.now(),
    )
    appointment.contact.refresh_from_db()
    return _appointment_out(appointment)


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
        appointment=_appointment(user, appointment_id),
        attachments=list(attachments or []),
        acting_user=user,
    )
    return 201, document_out(document)


# ---- sheets, start, contacts -----------------------------------------------------------------


@router.get(
    "/mediation/services/{service_id}/sheets",
    response={200: SheetsOut, **ERRORS},
    summary="Afsprakenbladen",
)
def list_sheets(request: HttpRequest, service_id: Id):
    service = _service(auth_user(request), service_id)
    sheets = list(service.sheets.order_by("number"))
    countdown = (
        services.first_sheet_status(service, timezone.localdate())
        if not any(s.number == 1 for s in sheets)
        else None
    )
    return {
        "items": [_sheet_out(s) for s in sheets],
        "first_sheet_due_on": countdown.due_on if countdown else None,
        "first_sheet_days_left": countdown.days_left if countdown else None,
    }


@router.post(
    "/mediation/services/{service_id}/sheets",
    response={201: SheetOut, **ERRORS},
    summary="Afsprakenblad opmaken (MED-05, MED-07)",
)
def create_sheet(request: HttpRequest, service_id: Id, payload: SheetIn):
    user = auth_user(request)
    sheet = services.sheet_create(
        service=_service(user, service_id),
        made_on=payload.made_on,
        work_points=payload.work_points,
        assignments=[services.SheetAssignment(**a.dict()) for a in payload.assignments],
        services_remark=payload.services_remark,
        acting_user=user,
        now=timezone.now(),
    )
    return 201, _sheet_out(sheet)


@router.post(
    "/mediation/sheets/{sheet_id}/signatures",
    response={200: SheetOut, **ERRORS},
    summary="Handtekeningen van partner en deelnemer",
)
def sign_sheet(request: HttpRequest, sheet_id: Id, payload: SignIn):
    user = auth_user(request)
    sheet = services.sheet_sign(
        sheet=selectors.sheet_get(user=user, pk=sheet_id),
        partner_on=payload.partner_on,
        participant_on=payload.participant_on,
        acting_user=user,
    )
    return _sheet_out(sheet)


@router.post(
    "/mediation/services/{service_id}/start",
    response={200: ServiceOut, **ERRORS},
    summary="Start bemiddelingsproces (MED-06)",
)
def start(request: HttpRequest, service_id: Id):
    user = auth_user(request)
    services.mediation_start(
        service=_service(user, service_id), acting_user=user, now=timezone.now()
    )
    return service_out(_service(user, service_id))


@router.post(
    "/mediation/services/{service_id}/contacts",
    response={201: MediationContactOut, **ERRORS},
    summary="Contact met controle verblijfsstatuut en arbeidskaart (MED-09)",
)
def create_contact(request: HttpRequest, service_id: Id, payload: MediationContactIn):
    user = auth_user(request)
    contact = services.mediation_contact_log(
        service=_service(user, service_id),
        data=ContactData(
            starts_at=payload.starts_at,
            duration_minutes=payload.duration_minutes,
            place=payload.place,
            outcome=payload.outcome,
            absence_reason=payload.absence_reason,
            notes=payload.notes,
        ),
        residence_status_checked=payload.residence_status_checked,
        work_permit_checked=payload.work_permit_checked,
        note=payload.check_note,
        acting_user=user,
    )
    check = getattr(contact, "mediation_check", None)
    return 201, {
        "id": contact.pk,
        "starts_at": contact.starts_at,
        "duration_minutes": contact.duration_minutes,
        "outcome": contact.outcome,
        "residence_status_checked": bool(check and check.residence_status_checked),
        "work_permit_checked": bool(check and check.work_permit_checked),
    }


# ---- categories, closing, advice ---------------------------------------------------------------


@router.get(
    "/mediation/services/{service_id}/month-ends",
    response={200: list[MonthEndOut], **ERRORS},
    summary="Categoriehistoriek op het einde van de maand",
)
def list_month_ends(request: HttpRequest, service_id: Id):
    return list(_service(auth_user(request), service_id).month_ends.order_by("month_end"))


@router.post(
    "/mediation/services/{service_id}/month-ends",
    response={200: list[MonthEndOut], **ERRORS},
    summary="Categorieën op het einde van de maand invoeren of importeren (MED-12)",
)
def record_month_ends(request: HttpRequest, service_id: Id, payload: list[MonthEndIn]):
    user = auth_user(request)
    service = _service(user, service_id)
    services.month_ends_record(
        service=service,
        items=[services.MonthEndData(i.month_end, i.category, i.passive) for i in payload],
        acting_user=user,
    )
    return list(service.month_ends.order_by("month_end"))


@router.get(
    "/mediation/services/{service_id}/closing",
    response={200: ClosingOut, **ERRORS},
    summary="Wanneer de service mag afsluiten en welke adviezen kunnen",
)
def closing(request: HttpRequest, service_id: Id):
    service = _service(auth_user(request), service_id)
    due = _closing_due(service)
    return {
        "state": service.state,
        "closing_reason": service.closing_reason or None,
        "closing_due_on": service.closing_due_on,
        "closable_on": due.closable_on if due else None,
        "max_duration_on": due.max_duration_on if due else None,
        "advice_deadline": service.advice_deadline,
        "advice_options": [
            o.value
            for o in (advice_options(service.closing_reason) if service.state == "to_close" else ())
        ],
        "reasons": _reasons(due.reasons) if due else [],
    }


@router.post(
    "/mediation/services/{service_id}/advice",
    response={200: ServiceOut, **ERRORS},
    summary="Geef eindadvies (MED-14): sluit de service af",
)
def give_advice(request: HttpRequest, service_id: Id, payload: AdviceIn):
    """Only the options allowed for the closing reason; at least one of mail / print. The partner
    keeps access until the next day (MED-15); the answer is the closed service."""
    user = auth_user(request)
    service = services.advice_give(
        service=_service(user, service_id),
        option=payload.advice,
        remark=payload.remark,
        mail=payload.mail,
        printed=payload.printed,
        acting_user=user,
        now=timezone.now(),
    )
    pdfs.advice_pdf(service=service, acting_user=user)
    return service_out(_service(user, service_id))


@router.post(
    "/mediation/services/{service_id}/close-by-vdab",
    response={200: ServiceOut, **ERRORS},
    summary="Afgesloten door VDAB (MED-17)",
)
def close_by_vdab(request: HttpRequest, service_id: Id):
    """Record that VDAB closed a service "ter afsluiting" (annex 3/4): only centre staff and
    administrators (403 otherwise). Mediation goes back to the VDAB mediator and the partner loses
    access at once; the answer is the closed service."""
    user = auth_user(request)
    service = _service(user, service_id)
    if not can_close_by_vdab(user):
        raise PermissionDenied(
            _("Alleen centrummedewerkers en beheerders registreren dat VDAB afsloot. (MED-17)")
        )
    service = services.close_by_vdab(service=service, acting_user=user, now=timezone.now())
    # Not through `_service`: the partner's access ended with the closing.
    return service_out(service)


@router.post(
    "/mediation/services/{service_id}/projectopvolger",
    response={201: dict, **ERRORS},
    summary="Contact met de projectopvolger (onttering, vervroegde stopzetting)",
)
def followup(request: HttpRequest, service_id: Id, payload: FollowUpIn):
    user = auth_user(request)
    contact = services.followup_contact_record(
        service=_service(user, service_id), acting_user=user, **payload.dict()
    )
    return 201, {"id": contact.pk}
