"""/transition/placements: the transitions (TRN-17) — the move to regular work or an IBO, its
checkpoints (2 weeks, 6 months by the rule set), the follow-up records, and the follow-ups due.

Every placement is looked up through `Placement.objects.visible_to(user)` (404 otherwise); every
write goes through `koers.transition.services.followup`, whose refusals (422) name the rule."""

from django.http import Http404, HttpRequest
from django.utils import timezone
from ninja import Query, Router

from koers.api.errors import ERRORS
from koers.api.lookups import PageQuery, auth_user, page
from koers.api.schemas import Id
from koers.transition import models as m
from koers.transition.schemas_followup import (
    TransitionCheckpointOut,
    TransitionFollowupIn,
    TransitionFollowupRecordOut,
    TransitionLeftForTrainingIn,
    TransitionLeftForTrainingOut,
    TransitionPlacementIn,
    TransitionPlacementListOut,
    TransitionPlacementOut,
)
from koers.transition.selectors import followup as sel
from koers.transition.selectors.files import file_get
from koers.transition.selectors.measures import employers_for, measures_visible_to
from koers.transition.services import followup as services

OPERATION_ID_PREFIX = "koers_api_transition_followup"

router = Router(tags=["transition"])


def record_out(r: m.FollowupRecord) -> dict:
    return {
        "id": r.pk,
        "day": r.day,
        "checkpoint": r.checkpoint,
        "status": r.status,
        "employer_name": r.employer_name,
        "note": r.note,
    }


def checkpoint_out(c: sel.CheckpointRow) -> dict:
    return {
        "checkpoint": c.checkpoint,
        "label": c.label,
        "due": c.due,
        "remind_from": c.remind_from,
        "state": c.state,
    }


def placement_out(v: sel.PlacementView) -> dict:
    p = v.placement
    return {
        "id": p.pk,
        "file_id": p.file_id,
        "client_name": str(p.file.client),
        "destination": p.destination,
        "first_day": p.first_day,
        "employer_id": p.employer_id,
        "employer_name": p.employer_name,
        "current_employer": v.current_employer,
        "measure_id": p.measure_id,
        "stopped_on": v.stopped_on,
        "checkpoints": [checkpoint_out(c) for c in v.checkpoints],
        "records": [record_out(r) for r in v.records],
    }


def _view(request, placement_id: int) -> sel.PlacementView:
    placement = sel.placement_get(user=auth_user(request), pk=placement_id)
    return sel.placement_view(placement, timezone.localdate())


@router.get(
    "/transition/placements",
    response={200: TransitionPlacementListOut, **ERRORS},
    summary="Doorstromen naar regulier werk of IBO (TRN-17)",
)
def list_transition_placements(
    request: HttpRequest, params: PageQuery, file_id: Query[Id | None] = None
):
    found = sel.placements_visible_to(auth_user(request)).order_by("pk")
    if file_id is not None:
        found = found.filter(file_id=file_id)
    result = page(found, params)
    today = timezone.localdate()
    items = [placement_out(sel.placement_view(p, today)) for p in result["items"]]
    return {"count": result["count"], "items": items}


@router.get(
    "/transition/placements/due",
    response={200: TransitionPlacementListOut, **ERRORS},
    summary="Opvolgingen die binnenkort, nu of te laat aan de beurt zijn (TRN-17)",
)
def list_transition_followups_due(request: HttpRequest, params: PageQuery):
    today = timezone.localdate()
    result = page(sel.followups_due(user=auth_user(request), today=today), params)
    items = [placement_out(sel.placement_view(p, today)) for p in result["items"]]
    return {"count": result["count"], "items": items}


def _related(user, file, payload: TransitionPlacementIn) -> dict:
    employer = measure = None
    if payload.employer_id is not None:
        organisation = file.trajectory.organisation
        employer = employers_for(user, organisation).filter(pk=payload.employer_id).first()
        if employer is None:
            raise Http404
    if payload.measure_id is not None:
        measure = measures_visible_to(user).filter(pk=payload.measure_id).first()
        if measure is None:
            raise Http404
    return {"employer": employer, "measure": measure}


@router.post(
    "/transition/placements",
    response={201: TransitionPlacementOut, **ERRORS},
    summary="Doorstroom registreren: eerste dag van regulier werk of IBO (TRN-17)",
)
def create_transition_placement(request: HttpRequest, payload: TransitionPlacementIn):
    user = auth_user(request)
    file = file_get(user=user, pk=payload.file_id)
    data = payload.dict(exclude={"file_id", "employer_id", "measure_id"})
    placement = services.placement_record(
        file=file,
        data=services.PlacementData(**data, **_related(user, file, payload)),
        acting_user=user,
    )
    return 201, placement_out(_view(request, placement.pk))


@router.get(
    "/transition/placements/{placement_id}",
    response={200: TransitionPlacementOut, **ERRORS},
    summary="Doorstroom met meetpunten en opvolgingen (TRN-17)",
)
def get_transition_placement(request: HttpRequest, placement_id: Id):
    return placement_out(_view(request, placement_id))


@router.get(
    "/transition/placements/{placement_id}/checkpoints",
    response={200: list[TransitionCheckpointOut], **ERRORS},
    summary="Meetpunten van een doorstroom: gepland, aan de beurt, te laat, geregistreerd",
)
def list_transition_checkpoints(request: HttpRequest, placement_id: Id):
    return [checkpoint_out(c) for c in _view(request, placement_id).checkpoints]


@router.post(
    "/transition/placements/{placement_id}/records",
    response={201: TransitionFollowupRecordOut, **ERRORS},
    summary="Opvolging registreren: nog aan het werk, in de IBO of gestopt (TRN-17)",
)
def add_transition_followup(request: HttpRequest, placement_id: Id, payload: TransitionFollowupIn):
    placement = sel.placement_get(user=auth_user(request), pk=placement_id)
    record = services.followup_add(
        placement=placement,
        data=services.FollowupData(**payload.dict()),
        acting_user=auth_user(request),
    )
    return 201, record_out(record)


@router.put(
    "/transition/files/{file_id}/left-for-training",
    response={200: TransitionLeftForTrainingOut, **ERRORS},
    summary="Vertrek naar een opleiding registreren (TRN-13, KPI 11)",
)
def set_transition_left_for_training(
    request: HttpRequest, file_id: Id, payload: TransitionLeftForTrainingIn
):
    user = auth_user(request)
    file = services.left_for_training_record(
        file=file_get(user=user, pk=file_id), on=payload.left_for_training_on, acting_user=user
    )
    return {"file_id": file.pk, "left_for_training_on": file.left_for_training_on}
