"""/transition/files/{id}/activities: a worker's application actions (TRN-08) — list, add,
remove one recorded by mistake (kept in the history with who and why) — and the portfolio with
the VDAB status."""

from django.http import HttpRequest
from ninja import Router

from koers.api.errors import ERRORS, FieldNotFound
from koers.api.lookups import PageQuery, auth_user, page
from koers.api.schemas import Id
from koers.transition import models as m
from koers.transition.schemas_activities import (
    ActivityIn,
    ActivityListOut,
    ActivityOut,
    ActivityRemovalIn,
    PortfolioIn,
    PortfolioOut,
)
from koers.transition.selectors import activities as sel
from koers.transition.selectors import files as file_sel
from koers.transition.services import activities as services

OPERATION_ID_PREFIX = "koers_api_transition_activities"

router = Router(tags=["transition"])


def activity_out(a: m.Activity) -> dict:
    return {
        "id": a.pk,
        "file_id": a.file_id,
        "kind": a.kind,
        "kind_label": str(a.get_kind_display()),
        "on": a.on,
        "training": a.training,
        "training_form": a.training_form,
        "employer_id": a.employer_id,
        "employer_name": a.employer.name if a.employer else "",
        "vacancy": a.vacancy,
        "note": a.note,
        "by_id": a.by_id,
    }


@router.get(
    "/transition/files/{file_id}/activities",
    response={200: ActivityListOut, **ERRORS},
    summary="Sollicitatieacties van een werknemer (TRN-08)",
)
def list_activities(request: HttpRequest, file_id: Id, params: PageQuery):
    file = file_sel.file_get(user=auth_user(request), pk=file_id)
    found = page(sel.activities_of(file).order_by("-on", "-id"), params)
    return {"count": found["count"], "items": [activity_out(a) for a in found["items"]]}


@router.post(
    "/transition/files/{file_id}/activities",
    response={201: ActivityOut, **ERRORS},
    summary="Sollicitatieactie noteren",
)
def create_activity(request: HttpRequest, file_id: Id, payload: ActivityIn):
    user = auth_user(request)
    file = file_sel.file_get(user=user, pk=file_id)
    employer = None
    if payload.employer_id is not None:
        employer = sel.employers_for(file).filter(pk=payload.employer_id).first()
        if employer is None:
            raise FieldNotFound("employer_id")
    data = payload.dict(exclude={"employer_id"}) | {"employer": employer}
    activity = services.activity_add(
        file=file, data=services.ActivityData(**data), acting_user=user
    )
    return 201, activity_out(activity)


@router.post(
    "/transition/activities/{activity_id}/removal",
    response={204: None, **ERRORS},
    summary="Sollicitatieactie schrappen (vergist)",
)
def remove_activity(request: HttpRequest, activity_id: Id, payload: ActivityRemovalIn):
    user = auth_user(request)
    services.activity_delete(
        activity=sel.activity_get(user=user, pk=activity_id), why=payload.why, acting_user=user
    )
    return 204, None


@router.put(
    "/transition/files/{file_id}/portfolio",
    response={200: PortfolioOut, **ERRORS},
    summary="Portfolio en VDAB-status (TRN-08)",
)
def set_portfolio(request: HttpRequest, file_id: Id, payload: PortfolioIn):
    user = auth_user(request)
    file = services.portfolio_set(
        file=file_sel.file_get(user=user, pk=file_id),
        pieces=payload.portfolio,
        vdab_status=payload.vdab_status,
        acting_user=user,
    )
    has_actions = m.Activity.objects.filter(file=file).exists()
    return {
        "file_id": file.pk,
        "portfolio": file.portfolio,
        "vdab_status": file.vdab_status,
        "reminders": [str(r) for r in sel.reminders_of(file, has_actions)],
    }
