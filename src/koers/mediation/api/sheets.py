"""/mediation/.../sheets, start and contacts: agreement sheets (MED-05, MED-07), the start of the
mediation process (MED-06) and contacts with the residence and work-permit check (MED-09)."""

from django.http import HttpRequest
from django.utils import timezone
from ninja import Router

from koers.api.errors import ERRORS
from koers.api.lookups import auth_user
from koers.api.schemas import Id
from koers.mediation import selectors, services
from koers.mediation.api.outputs import service_out, sheet_out
from koers.mediation.schemas import (
    MediationContactIn,
    MediationContactOut,
    ServiceOut,
    SheetIn,
    SheetOut,
    SheetsOut,
    SignIn,
)
from koers.trajectories.services import ContactData

OPERATION_ID_PREFIX = "koers_api_mediation"

router = Router(tags=["mediation"])


@router.get(
    "/mediation/services/{service_id}/sheets",
    response={200: SheetsOut, **ERRORS},
    summary="Afsprakenbladen",
)
def list_sheets(request: HttpRequest, service_id: Id):
    service = selectors.service_get(user=auth_user(request), pk=service_id)
    sheets = list(service.sheets.order_by("number"))
    countdown = (
        selectors.first_sheet_status(service, timezone.localdate())
        if not any(s.number == 1 for s in sheets)
        else None
    )
    return {
        "items": [sheet_out(s) for s in sheets],
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
        service=selectors.service_get(user=user, pk=service_id),
        made_on=payload.made_on,
        work_points=payload.work_points,
        assignments=[services.SheetAssignment(**a.model_dump()) for a in payload.assignments],
        services_remark=payload.services_remark,
        acting_user=user,
        now=timezone.now(),
    )
    return 201, sheet_out(sheet)


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
    return sheet_out(sheet)


@router.post(
    "/mediation/services/{service_id}/start",
    response={200: ServiceOut, **ERRORS},
    summary="Start bemiddelingsproces (MED-06)",
)
def start(request: HttpRequest, service_id: Id):
    user = auth_user(request)
    services.mediation_start(
        service=selectors.service_get(user=user, pk=service_id),
        acting_user=user,
        now=timezone.now(),
    )
    return service_out(selectors.service_get(user=user, pk=service_id))


@router.post(
    "/mediation/services/{service_id}/contacts",
    response={201: MediationContactOut, **ERRORS},
    summary="Contact met controle verblijfsstatuut en arbeidskaart (MED-09)",
)
def create_contact(request: HttpRequest, service_id: Id, payload: MediationContactIn):
    user = auth_user(request)
    data = ContactData(
        starts_at=payload.starts_at,
        duration_minutes=payload.duration_minutes,
        place=payload.place,
        outcome=payload.outcome,
        absence_reason=payload.absence_reason,
        notes=payload.notes,
    )
    contact = services.mediation_contact_log(
        service=selectors.service_get(user=user, pk=service_id),
        data=data,
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
