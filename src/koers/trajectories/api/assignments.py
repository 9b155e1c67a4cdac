"""/assignments: work points with a deadline, within a trajectory."""

from dataclasses import replace

from django.http import HttpRequest
from ninja import Router

from koers.api.errors import ERRORS
from koers.api.lookups import PageQuery, auth_user, patch_changes
from koers.api.schemas import Id
from koers.trajectories.api.common import trajectory_rows, visible_row
from koers.trajectories.api.lookups import visible_trajectory
from koers.trajectories.models import Assignment
from koers.trajectories.schemas import AssignmentIn, AssignmentOut, AssignmentPage, AssignmentPatch
from koers.trajectories.services import AssignmentData, assignment_create, assignment_update

# Operation ids are public: they keep the prefix of the module this router came from.
OPERATION_ID_PREFIX = "koers_api_assignments"

router = Router(tags=["assignments"])


# What `null` means for a field that can be emptied; for the others it means "leave it".
_CLEARABLE = {"deadline": None, "description": "", "evaluation": ""}


@router.get("/assignments", response={200: AssignmentPage, **ERRORS}, summary="Opdrachten")
def list_assignments(request: HttpRequest, params: PageQuery, trajectory: Id | None = None):
    """Assignments you may see, by deadline; `trajectory` limits them to one trajectory."""
    return trajectory_rows(Assignment, request, params, trajectory, ("deadline", "id"))


@router.get(
    "/assignments/{assignment_id}", response={200: AssignmentOut, **ERRORS}, summary="Eén opdracht"
)
def get_assignment(request: HttpRequest, assignment_id: Id):
    return visible_row(Assignment, request, assignment_id)


@router.post("/assignments", response={201: AssignmentOut, **ERRORS}, summary="Opdracht geven")
def create_assignment(request: HttpRequest, payload: AssignmentIn):
    user = auth_user(request)
    trajectory = visible_trajectory(user, payload.trajectory_id)
    data = AssignmentData(**payload.model_dump(exclude={"trajectory_id"}))
    return 201, assignment_create(trajectory=trajectory, data=data, acting_user=user)


@router.patch(
    "/assignments/{assignment_id}",
    response={200: AssignmentOut, **ERRORS},
    summary="Opdracht wijzigen",
)
def update_assignment(request: HttpRequest, assignment_id: Id, payload: AssignmentPatch):
    """Change only the fields you send (e.g. the status and the evaluation)."""
    user = auth_user(request)
    assignment = Assignment.objects.visible_to(user).get(pk=assignment_id)
    changes = patch_changes(payload, _CLEARABLE)
    data = replace(AssignmentData.of(assignment), **changes)
    return assignment_update(assignment=assignment, data=data, acting_user=user)
