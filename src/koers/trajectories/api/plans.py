"""/plans: development plans, transition plans and agreement sheets, with every version kept."""

from django.db.models import Prefetch
from django.http import HttpRequest
from ninja import Router

from koers.api.errors import ERRORS
from koers.api.lookups import PageQuery, auth_user
from koers.api.schemas import Id
from koers.core.models import User
from koers.trajectories.api.common import trajectory_rows
from koers.trajectories.api.lookups import visible_trajectory
from koers.trajectories.models import Plan, PlanVersion
from koers.trajectories.schemas import (
    PlanDetailOut,
    PlanIn,
    PlanPage,
    PlanVersionIn,
    PlanVersionOut,
)
from koers.trajectories.services import plan_create, plan_save_version

# Operation ids are public: they keep the prefix of the module this router came from.
OPERATION_ID_PREFIX = "koers_api_plans"

router = Router(tags=["plans"])


def _plan_with_versions(user: User, pk: int) -> Plan:
    return (
        Plan.objects.visible_to(user)
        .prefetch_related(Prefetch("versions", queryset=PlanVersion.objects.order_by("-number")))
        .get(pk=pk)
    )


def plan_detail_out(plan: Plan) -> dict:
    return {
        "id": plan.pk,
        "trajectory_id": plan.trajectory_id,
        "kind": plan.kind,
        "title": plan.title,
        "finalised_at": plan.finalised_at,
        "created_at": plan.created_at,
        "versions": list(plan.versions.all()),
    }


@router.get("/plans", response={200: PlanPage, **ERRORS}, summary="Plannen")
def list_plans(request: HttpRequest, params: PageQuery, trajectory: Id | None = None):
    """Plans you may see, newest first; `trajectory` limits them to one trajectory."""
    return trajectory_rows(Plan, request, params, trajectory, ("-created_at", "-id"))


@router.get(
    "/plans/{plan_id}", response={200: PlanDetailOut, **ERRORS}, summary="Eén plan met versies"
)
def get_plan(request: HttpRequest, plan_id: Id):
    return plan_detail_out(_plan_with_versions(auth_user(request), plan_id))


@router.post("/plans", response={201: PlanDetailOut, **ERRORS}, summary="Plan opstellen")
def create_plan(request: HttpRequest, payload: PlanIn):
    """Create a plan; its content becomes version 1."""
    user = auth_user(request)
    trajectory = visible_trajectory(user, payload.trajectory_id)
    plan = plan_create(
        trajectory=trajectory,
        kind=payload.kind,
        title=payload.title,
        content=payload.content,
        acting_user=user,
    )
    return 201, plan_detail_out(_plan_with_versions(user, plan.pk))


@router.post(
    "/plans/{plan_id}/versions",
    response={201: PlanVersionOut, 200: PlanVersionOut, **ERRORS},
    summary="Nieuwe versie van een plan",
)
def add_plan_version(request: HttpRequest, plan_id: Id, payload: PlanVersionIn):
    """Save new content as the next version; earlier versions stay as they were. Content equal
    to the latest version adds nothing and answers 200 with that version."""
    user = auth_user(request)
    plan = Plan.objects.visible_to(user).get(pk=plan_id)
    latest = plan.versions.order_by("-number").values_list("pk", flat=True).first()
    version = plan_save_version(plan=plan, content=payload.content, acting_user=user)
    return (200 if version.pk == latest else 201), version
