"""/trajectories: a client's guidance in one programme."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Router

from koers.api.errors import ERRORS, FieldNotFound, renamed_fields
from koers.api.lookups import PageQuery, acting_organisation, auth_user, page, staff_member
from koers.api.schemas import Id
from koers.core.models import Client
from koers.core.selectors import client_get
from koers.trajectories.models import Programme, Trajectory, TrajectoryStatus
from koers.trajectories.schemas import (
    TrajectoryIn,
    TrajectoryOut,
    TrajectoryPage,
    TrajectoryStatusIn,
)
from koers.trajectories.selectors import trajectory_get
from koers.trajectories.services import programme_open, trajectory_set_status

# Operation ids are public: they keep the prefix of the module this router came from.
OPERATION_ID_PREFIX = "koers_api_trajectories"

router = Router(tags=["trajectories"])


def trajectory_out(trajectory: Trajectory) -> dict:
    return {
        "id": trajectory.pk,
        "client_id": trajectory.client_id,
        "client_name": trajectory.client.full_name,
        "programme": trajectory.programme,
        "status": trajectory.status,
        "phase": trajectory.phase,
        "title": trajectory.title,
        "start_date": trajectory.start_date,
        "end_date": trajectory.end_date,
        "responsible_id": trajectory.responsible_id,
        "responsible_name": str(trajectory.responsible),
        "organisation_id": trajectory.organisation_id,
        "organisation_name": trajectory.organisation.name,
        "created_at": trajectory.created_at,
        "updated_at": trajectory.updated_at,
    }


@router.get("/trajectories", response={200: TrajectoryPage, **ERRORS}, summary="Trajecten")
def list_trajectories(
    request: HttpRequest,
    params: PageQuery,
    client: Id | None = None,
    programme: Programme | None = None,
    status: TrajectoryStatus | None = None,
):
    """Trajectories you may see, newest first; filter by client id, programme or status."""
    trajectories = Trajectory.objects.visible_to(auth_user(request)).select_related(
        "client", "responsible", "organisation"
    )
    if client is not None:
        trajectories = trajectories.filter(client_id=client)
    if programme is not None:
        trajectories = trajectories.filter(programme=programme)
    if status is not None:
        trajectories = trajectories.filter(status=status)
    result = page(trajectories, params)
    result["items"] = [trajectory_out(t) for t in result["items"]]
    return result


@router.get(
    "/trajectories/{trajectory_id}",
    response={200: TrajectoryOut, **ERRORS},
    summary="Eén traject",
)
def get_trajectory(request: HttpRequest, trajectory_id: Id):
    return trajectory_out(trajectory_get(user=auth_user(request), pk=trajectory_id))


@router.post("/trajectories", response={201: TrajectoryOut, **ERRORS}, summary="Traject openen")
def create_trajectory(request: HttpRequest, payload: TrajectoryIn):
    """Open a trajectory for a client you may see, in an organisation you work for, with a
    staff member of that organisation responsible (yourself if you leave it out)."""
    user = auth_user(request)
    try:
        client = client_get(user=user, pk=payload.client_id)
    except Client.DoesNotExist:
        raise FieldNotFound("client_id") from None
    organisation = acting_organisation(user, payload.organisation_id)
    responsible_id = payload.responsible_id if payload.responsible_id is not None else user.pk
    responsible = staff_member(organisation, responsible_id)
    start_date = payload.start_date or timezone.localdate()
    with transaction.atomic(), renamed_fields(responsible="responsible_id"):
        trajectory = programme_open(
            client=client,
            programme=payload.programme,
            responsible=responsible,
            organisation=organisation,
            start_date=start_date,
            title=payload.title,
            acting_user=user,
        )
        try:
            trajectory = trajectory_get(user=user, pk=trajectory.pk)
        except Trajectory.DoesNotExist:
            # A coach opening it for a colleague would lose sight of it: refuse (and roll back).
            raise ValidationError(
                {"responsible_id": [_("Met deze verantwoordelijke zou u het traject niet zien.")]}
            ) from None
    return 201, trajectory_out(trajectory)


@router.post(
    "/trajectories/{trajectory_id}/status",
    response={200: TrajectoryOut, **ERRORS},
    summary="Status van een traject wijzigen",
)
def set_trajectory_status(request: HttpRequest, trajectory_id: Id, payload: TrajectoryStatusIn):
    """Move the trajectory through planned → active → closed (or cancelled); illegal moves 422."""
    user = auth_user(request)
    trajectory = trajectory_get(user=user, pk=trajectory_id)
    trajectory_set_status(
        trajectory=trajectory, status=payload.status, acting_user=user, on=payload.on
    )
    return trajectory_out(trajectory_get(user=user, pk=trajectory.pk))
