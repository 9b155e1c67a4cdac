"""/billing/coach-locations and /billing/development-plans (BIL-05, BIL-06): a coach sees and
reports only their own; centre staff see their centre's coaches, pass changes on to VDAB and
record received plans."""

from django.http import Http404, HttpRequest
from django.utils import timezone
from ninja import Router

from koers.api.errors import ERRORS
from koers.api.lookups import PageQuery, auth_user, page
from koers.api.schemas import Id
from koers.billing.models import CoachLocation, DevelopmentPlan
from koers.billing.schemas.coaches import (
    CoachLocationEndIn,
    CoachLocationOut,
    CoachLocationPage,
    CoachLocationStartIn,
    DevelopmentPlanOut,
    DevelopmentPlanPage,
    DevelopmentPlanReceiveIn,
    DevelopmentPlanStatusOut,
)
from koers.billing.selectors import coaches as sel
from koers.billing.services import coaches as services

router = Router(tags=["billing"])


def location_out(x: CoachLocation) -> dict:
    return {
        "id": x.pk,
        "coach_id": x.coach_id,
        "centre_id": x.centre_id,
        "location_id": x.location_id,
        "name": x.name,
        "started_on": x.started_on,
        "ended_on": x.ended_on,
        "reported_on": x.reported_on,
        "changes": [
            {
                "id": c.pk,
                "kind": c.kind,
                "on": c.on,
                "message": sel.change_message(c).message,
                "passed_on_at": c.passed_on_at,
                "passed_on_by_id": c.passed_on_by_id,
            }
            for c in x.changes.all()
        ],
    }


@router.get(
    "/billing/coach-locations",
    response={200: CoachLocationPage, **ERRORS},
    summary="Locaties van coaches (BIL-05)",
)
def list_coach_locations(
    request: HttpRequest, params: PageQuery, coach: Id | None = None, to_pass_on: bool = False
):
    """Your own (a coach) or your centre's coaches' locations, with their changes; `to_pass_on`
    keeps the locations with a change not yet passed on to VDAB."""
    locations = sel.locations_visible(auth_user(request)).prefetch_related("changes")
    if coach is not None:
        locations = locations.filter(coach_id=coach)
    if to_pass_on:
        locations = locations.filter(changes__passed_on_at__isnull=True).distinct()
    result = page(locations, params)
    result["items"] = [location_out(x) for x in result["items"]]
    return result


@router.post(
    "/billing/coach-locations",
    response={201: CoachLocationOut, **ERRORS},
    summary="Nieuwe locatie van een coach melden (BIL-05)",
)
def start_coach_location(request: HttpRequest, payload: CoachLocationStartIn):
    """The coach reports a location of their own (no `coach_id`); centre staff for one of their
    coaches. A location of the centre (`location_id`) or a free name."""
    user = auth_user(request)
    coach = (
        user
        if payload.coach_id in (None, user.pk)
        else sel.coach_get(user=user, pk=payload.coach_id)
    )
    location = None
    if payload.location_id is not None:
        location = sel.centre_locations(coach).filter(pk=payload.location_id).first()
        if location is None:
            raise Http404
    created = services.coach_location_start(
        coach=coach,
        location=location,
        location_name=payload.location_name,
        started_on=payload.started_on,
        acting_user=user,
    )
    return 201, location_out(sel.location_get(user=user, pk=created.pk))


@router.post(
    "/billing/coach-locations/{location_id}/end",
    response={200: CoachLocationOut, **ERRORS},
    summary="Einde van een locatie melden (BIL-05)",
)
def end_coach_location(request: HttpRequest, location_id: Id, payload: CoachLocationEndIn):
    user = auth_user(request)
    location = sel.location_get(user=user, pk=location_id)
    services.coach_location_end(
        coach_location=location, ended_on=payload.ended_on, acting_user=user
    )
    return location_out(sel.location_get(user=user, pk=location_id))


@router.post(
    "/billing/location-changes/{change_id}/passed-on",
    response={200: CoachLocationOut, **ERRORS},
    summary="Locatiewijziging doorgegeven aan VDAB (BIL-05)",
)
def pass_on_location_change(request: HttpRequest, change_id: Id):
    """Centre staff only (422 for a coach); a change is passed on once."""
    user = auth_user(request)
    change = sel.change_get(user=user, pk=change_id)
    services.location_change_passed_on(change=change, acting_user=user)
    return location_out(sel.location_get(user=user, pk=change.coach_location_id))


def plan_out(plan: DevelopmentPlan) -> dict:
    return {
        "id": plan.pk,
        "coach_id": plan.coach_id,
        "centre_id": plan.centre_id,
        "year": plan.year,
        "template": plan.template,
        "received_on": plan.received_on,
        "note": plan.note,
        "has_file": bool(plan.file),
    }


@router.get(
    "/billing/development-plans",
    response={200: DevelopmentPlanPage, **ERRORS},
    summary="Ontvangen ontwikkelingsplannen (BIL-06)",
)
def list_development_plans(request: HttpRequest, params: PageQuery, coach: Id | None = None):
    plans = sel.plans_visible(auth_user(request))
    if coach is not None:
        plans = plans.filter(coach_id=coach)
    result = page(plans, params)
    result["items"] = [plan_out(p) for p in result["items"]]
    return result


@router.get(
    "/billing/development-plans/status",
    response={200: DevelopmentPlanStatusOut, **ERRORS},
    summary="Stand van het ontwikkelingsplan van dit jaar (BIL-06)",
)
def development_plan_status(request: HttpRequest, coach: Id | None = None):
    """Which template, received or not, reminder, late — for yourself or one of your coaches."""
    user = auth_user(request)
    target = user if coach in (None, user.pk) else sel.coach_get(user=user, pk=coach)
    status = sel.plan_status_of(user=user, coach=target, today=timezone.localdate())
    return {"coach_id": target.pk, **status}


@router.post(
    "/billing/development-plans",
    response={201: DevelopmentPlanOut, **ERRORS},
    summary="Ontvangst van een ontwikkelingsplan noteren (BIL-06)",
)
def receive_development_plan(request: HttpRequest, payload: DevelopmentPlanReceiveIn):
    """Centre staff only (422 for a coach); once per coach and year."""
    user = auth_user(request)
    coach = sel.coach_get(user=user, pk=payload.coach_id)
    plan = services.development_plan_receive(
        coach=coach,
        year=payload.year,
        received_on=payload.received_on,
        note=payload.note,
        acting_user=user,
    )
    return 201, plan_out(plan)
