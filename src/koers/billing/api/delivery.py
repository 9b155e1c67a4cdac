"""/billing: dossiers to deliver, delivery batches and audits (BIL-01), as on the pages."""

from django.http import HttpRequest
from ninja import Router

from koers.api.errors import ERRORS, FieldNotFound
from koers.api.lookups import PageQuery, auth_user
from koers.api.schemas import Id
from koers.billing.schemas.delivery import (
    BillingAuditIn,
    BillingAuditOut,
    BillingAuditPage,
    DeliveryBatchIn,
    DeliveryBatchOut,
    DeliveryBatchPage,
    DeliveryBatchStateIn,
    DeliveryDossierPage,
)
from koers.billing.selectors import delivery as selectors
from koers.billing.services import delivery as services
from koers.core.models import Organisation

router = Router(tags=["billing"])


def _dossier(state) -> dict:
    return {
        "trajectory_id": state.trajectory_id,
        "voucher": state.voucher,
        "client_name": state.client_name,
        "coach_id": state.coach_id,
        "closed_on": state.closed_on,
        "complete": state.complete,
        "missing": [str(m) for m in state.missing],
        "pieces": [str(p) for p in state.pieces],
    }


def _batch(batch, dossiers) -> dict:
    return {
        "id": batch.pk,
        "coach_id": batch.coach_id,
        "organisation_id": batch.organisation_id,
        "created_at": batch.created_at,
        "state": batch.state,
        "state_label": batch.get_state_display(),
        "dossiers": [_dossier(d) for d in dossiers.get(batch.pk, [])],
    }


@router.get(
    "/billing/dossiers",
    response={200: DeliveryDossierPage, **ERRORS},
    summary="Te bezorgen dossiers (BIL-01)",
)
def list_delivery_dossiers(request: HttpRequest, params: PageQuery):
    """The completed dossiers not yet delivered (yours; centre staff: their centres' coaches')."""
    ready = selectors.dossiers_to_deliver(auth_user(request))
    items = ready[params.offset : params.offset + params.limit]
    return {"count": len(ready), "items": [_dossier(s) for s in items]}


@router.get(
    "/billing/batches", response={200: DeliveryBatchPage, **ERRORS}, summary="Zendingen (BIL-01)"
)
def list_delivery_batches(request: HttpRequest, params: PageQuery):
    batches = selectors.batches_for_user(auth_user(request)).order_by("-created_at", "-id")
    count = batches.count()
    items = list(batches[params.offset : params.offset + params.limit])
    dossiers = selectors.batch_dossiers(items)
    return {"count": count, "items": [_batch(b, dossiers) for b in items]}


@router.get(
    "/billing/batches/{batch_id}",
    response={200: DeliveryBatchOut, **ERRORS},
    summary="Eén zending (BIL-01)",
)
def get_delivery_batch(request: HttpRequest, batch_id: Id):
    batch = selectors.batch_get(user=auth_user(request), pk=batch_id)
    return _batch(batch, selectors.batch_dossiers([batch]))


@router.post(
    "/billing/batches", response={201: DeliveryBatchOut, **ERRORS}, summary="Zending maken (BIL-01)"
)
def create_delivery_batch(request: HttpRequest, payload: DeliveryBatchIn):
    """Your complete, undelivered dossiers in a new batch; an incomplete dossier is refused
    (422 on `dossiers`, naming what is missing)."""
    batch = services.batch_create(trajectory_ids=payload.dossiers, acting_user=auth_user(request))
    return 201, _batch(batch, selectors.batch_dossiers([batch]))


@router.post(
    "/billing/batches/{batch_id}/state",
    response={200: DeliveryBatchOut, **ERRORS},
    summary="Status van een zending (BIL-01)",
)
def set_delivery_batch_state(request: HttpRequest, batch_id: Id, payload: DeliveryBatchStateIn):
    """The coach: handed_in or posted ("verstuurd per post"); centre staff: received."""
    user = auth_user(request)
    batch = selectors.batch_get(user=user, pk=batch_id)
    batch = services.batch_set_state(
        batch=batch, state=payload.state, why=payload.why, acting_user=user
    )
    return _batch(batch, selectors.batch_dossiers([batch]))


@router.get(
    "/billing/audits", response={200: BillingAuditPage, **ERRORS}, summary="Audits (BIL-01)"
)
def list_billing_audits(request: HttpRequest, params: PageQuery):
    audits = selectors.audits_for_user(auth_user(request)).order_by("-created_at", "-id")
    return {
        "count": audits.count(),
        "items": list(audits[params.offset : params.offset + params.limit]),
    }


@router.post(
    "/billing/audits", response={201: BillingAuditOut, **ERRORS}, summary="Audit zetten (BIL-01)"
)
def set_billing_audit(request: HttpRequest, payload: BillingAuditIn):
    """Centre staff: every coach's completed dossiers must be in by the deadline."""
    user = auth_user(request)
    organisation = Organisation.objects.filter(
        pk=payload.organisation,
        pk__in=selectors.staff_organisations(user)
        if not user.is_administrator
        else [payload.organisation],
    ).first()
    if organisation is None:
        raise FieldNotFound("organisation")
    audit = services.audit_set(
        organisation=organisation, deadline=payload.deadline, note=payload.note, acting_user=user
    )
    return 201, audit
