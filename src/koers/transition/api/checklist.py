"""/transition/checklists: the organisation readiness checklist (TRN-14) — fillings of the
user's organisations, one filling, a new one (a score off 0–6 refused, 422, nothing saved),
two fillings compared."""

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema

from koers.api.errors import ERRORS
from koers.api.lookups import PageQuery, auth_user, page
from koers.api.schemas import Id
from koers.transition.schemas_checklist import (
    ChecklistCompareOut,
    ChecklistIn,
    ChecklistListOut,
    TransitionChecklistOut,
)
from koers.transition.selectors import checklist as sel
from koers.transition.selectors.kpis import kpi_organisations
from koers.transition.services.checklist import checklist_save

OPERATION_ID_PREFIX = "koers_api_transition_checklist"

router = Router(tags=["transition"])


def filling_out(filling) -> dict:
    view = sel.filling_view(filling)
    return {
        "id": filling.pk,
        "organisation_id": filling.organisation_id,
        "filled_on": filling.filled_on,
        "scores": [s for _n, _t, s in view.statements],
        "answers": [a for _q, a in view.answers],
        "actions": view.actions,
        "total": view.total,
        "average": view.average,
        "strongest": list(view.strongest),
        "weakest": list(view.weakest),
        "filled_by_id": filling.filled_by_id,
    }


@router.get(
    "/transition/checklists",
    response={200: ChecklistListOut, **ERRORS},
    summary="Checklists doorstroomklaar (TRN-14)",
)
def list_transition_checklists(request: HttpRequest, params: PageQuery):
    found = page(sel.fillings_visible_to(auth_user(request)), params)
    return {"count": found["count"], "items": [filling_out(f) for f in found["items"]]}


@router.post(
    "/transition/checklists",
    response={201: TransitionChecklistOut, **ERRORS},
    summary="Checklist invullen (TRN-14)",
)
def create_transition_checklist(request: HttpRequest, payload: ChecklistIn):
    user = auth_user(request)
    orgs = kpi_organisations(user)
    org = (orgs.filter(pk=payload.organisation_id) if payload.organisation_id else orgs).first()
    if org is None:
        raise Http404
    data = payload.dict()
    filling = checklist_save(
        organisation=org,
        filled_on=data["filled_on"],
        scores=data["scores"],
        answers=data["answers"],
        actions=data["actions"],
        acting_user=user,
    )
    return 201, filling_out(filling)


@router.get(
    "/transition/checklists/{checklist_id}",
    response={200: TransitionChecklistOut, **ERRORS},
    summary="Checklist doorstroomklaar",
)
def get_transition_checklist(request: HttpRequest, checklist_id: Id):
    return filling_out(sel.filling_get(user=auth_user(request), pk=checklist_id))


class CompareQuery(Schema):
    # Optional in the schema so that each missing or wrong id gets its own message.
    first: Id | None = None
    second: Id | None = None


@router.get(
    "/transition/checklist-comparison",
    response={200: ChecklistCompareOut, **ERRORS},
    summary="Twee checklists vergelijken (TRN-14)",
)
def compare_transition_checklists(request: HttpRequest, q: Query[CompareQuery]):
    missing = {
        f: [_("Dit veld is verplicht.")] for f in ("first", "second") if getattr(q, f) is None
    }
    if missing:
        raise ValidationError(missing)
    c = sel.compare_page(user=auth_user(request), first_pk=q.first, second_pk=q.second)
    changes = [
        {"number": n, "statement": t, "first": a, "second": b, "difference": d}
        for n, t, a, b, d in c.rows
    ]
    return {
        "first": filling_out(c.first.filling),
        "second": filling_out(c.second.filling),
        "changes": changes,
        "total_difference": c.total_difference,
        "improved": list(c.improved),
        "declined": list(c.declined),
    }


@router.put(
    "/transition/checklists/{checklist_id}",
    response={200: TransitionChecklistOut, **ERRORS},
    summary="Checklist aanvullen (TRN-14)",
)
def update_transition_checklist(request: HttpRequest, checklist_id: Id, payload: ChecklistIn):
    user = auth_user(request)
    filling = sel.filling_get(user=user, pk=checklist_id)
    data = payload.dict()
    filling = checklist_save(
        organisation=filling.organisation,
        filled_on=data["filled_on"],
        scores=data["scores"],
        answers=data["answers"],
        actions=data["actions"],
        acting_user=user,
        filling=filling,
    )
    return filling_out(filling)
