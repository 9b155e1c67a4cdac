"""/vouchers: career vouchers (LBC), with what counts, what is left and what still blocks delivery.

Every voucher is looked up through `Voucher.objects.visible_to(user)` (404 otherwise); every
write goes through `koers.vouchers.services`, whose refusals name the rule (e.g. "(LBC-02)").
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Router

from koers.api.errors import ERRORS, FieldNotFound, renamed_fields
from koers.api.lookups import PageQuery, acting_organisation, auth_user, staff_member
from koers.api.schemas import Id
from koers.core.models import Client
from koers.core.selectors import client_get
from koers.trajectories.models import TrajectoryStatus
from koers.vouchers import services
from koers.vouchers.api.shapes import (
    changed,
    detail_out,
    paged,
    voucher_out,
)
from koers.vouchers.models import Voucher
from koers.vouchers.schemas import (
    ChecklistOut,
    IntakeIn,
    PhaseIn,
    ScopeResolutionIn,
    VoucherDetailOut,
    VoucherIn,
    VoucherPage,
)
from koers.vouchers.selectors import (
    voucher_get,
    voucher_summary,
    vouchers_for_user,
)

# The operation ids are public: they stay those of the module this came from (koers.api.vouchers).
OPERATION_ID_PREFIX = "koers_api_vouchers"

router = Router(tags=["vouchers"])

# The voucher's own unique trajectory index walked backwards (a voucher opens with its trajectory,
# so the newest trajectory is the newest voucher): no sort over every voucher the user may see,
# which ordering by the trajectory's start date across the join needed (issue 14).
VOUCHER_LIST_ORDER = ("-trajectory_id",)

# ---- vouchers ----------------------------------------------------------------------------------


@router.get("/vouchers", response={200: VoucherPage, **ERRORS}, summary="Loopbaancheques")
def list_vouchers(
    request: HttpRequest,
    params: PageQuery,
    client: Id | None = None,
    status: TrajectoryStatus | None = None,
):
    """Vouchers you may see, the most recently opened first; filter by client id or trajectory
    status. The hours are on the voucher itself (`GET /vouchers/{id}`)."""
    vouchers = vouchers_for_user(user=auth_user(request)).order_by(*VOUCHER_LIST_ORDER)
    if client is not None:
        vouchers = vouchers.filter(client_id=client)
    if status is not None:
        vouchers = vouchers.filter(trajectory__status=status)
    return paged(vouchers, params, lambda rows: [voucher_out(v) for v in rows])


@router.get(
    "/vouchers/{voucher_id}",
    response={200: VoucherDetailOut, **ERRORS},
    summary="Eén loopbaancheque met uren",
)
def get_voucher(request: HttpRequest, voucher_id: Id):
    return detail_out(auth_user(request), voucher_id)


def _client(user, client_id: int) -> Client:
    try:
        return client_get(user=user, pk=client_id)
    except Client.DoesNotExist:
        raise FieldNotFound("client_id") from None


@router.post(
    "/vouchers", response={201: VoucherDetailOut, **ERRORS}, summary="Loopbaancheque openen"
)
def create_voucher(request: HttpRequest, payload: VoucherIn):
    """Open voucher 1 or 2 for a client you may see (LBC-01): refused with a 422 on `client_id`
    when the client has used every voucher the rule set allows."""
    user = auth_user(request)
    client = _client(user, payload.client_id)
    organisation = acting_organisation(user, payload.organisation_id)
    responsible_id = payload.responsible_id if payload.responsible_id is not None else user.pk
    responsible = staff_member(organisation, responsible_id)
    with (
        transaction.atomic(),
        renamed_fields(__all__="client_id", responsible="responsible_id"),
    ):
        voucher = services.voucher_open(
            client=client,
            responsible=responsible,
            organisation=organisation,
            start_date=payload.start_date or timezone.localdate(),
            career_question=payload.career_question,
            acting_user=user,
        )
        try:
            detail = detail_out(user, voucher.pk)
        except Voucher.DoesNotExist:
            # A coach opening it for a colleague would lose sight of it: refuse (and roll back).
            raise ValidationError(
                {"responsible_id": [_("Met deze verantwoordelijke zou u de cheque niet zien.")]}
            ) from None
    return 201, detail


# ---- checklist, intake, scope, phase -----------------------------------------------------------


@router.get(
    "/vouchers/{voucher_id}/checklist",
    response={200: ChecklistOut, **ERRORS},
    summary="Wat het dossier nog nodig heeft (LBC-11)",
)
def get_voucher_checklist(request: HttpRequest, voucher_id: Id):
    summary = voucher_summary(voucher_get(user=auth_user(request), pk=voucher_id))
    return {
        "complete": summary.complete,
        "items": [
            {"key": item.key, "label": str(item.label), "ok": item.ok, **item.reason.as_dict()}
            for item in summary.checklist
        ],
    }


@router.put(
    "/vouchers/{voucher_id}/intake",
    response={200: VoucherDetailOut, **ERRORS},
    summary="Intake: loopbaanvraag en toegelichte onderwerpen",
)
def update_voucher_intake(request: HttpRequest, voucher_id: Id, payload: IntakeIn):
    """LBC-10 topics and the career question; a changed question is checked again for LBC-19."""
    return changed(request, voucher_id, services.voucher_intake_update, **payload.model_dump())


@router.post(
    "/vouchers/{voucher_id}/scope-resolution",
    response={200: VoucherDetailOut, **ERRORS},
    summary="Bevestigen dat de vraag loopbaanbegeleiding is (LBC-19)",
)
def resolve_voucher_scope(request: HttpRequest, voucher_id: Id, payload: ScopeResolutionIn):
    return changed(request, voucher_id, services.voucher_scope_resolve, **payload.model_dump())


@router.post(
    "/vouchers/{voucher_id}/phase",
    response={200: VoucherDetailOut, **ERRORS},
    summary="Fase van de cheque wijzigen (LBC-21)",
)
def set_voucher_phase(request: HttpRequest, voucher_id: Id, payload: PhaseIn):
    return changed(request, voucher_id, services.voucher_set_phase, **payload.model_dump())
