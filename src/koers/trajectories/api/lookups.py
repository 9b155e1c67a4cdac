"""Trajectories and contacts named in API input, always through the user's access rules: one the
user may not see answers 404 on the field that named it."""

from koers.api.errors import FieldNotFound
from koers.core.models import User
from koers.trajectories.models import Contact, Trajectory
from koers.trajectories.selectors import trajectory_get


def visible_trajectory(user: User, pk: int, *, field: str = "trajectory_id") -> Trajectory:
    try:
        return trajectory_get(user=user, pk=pk)
    except Trajectory.DoesNotExist:
        raise FieldNotFound(field) from None


def visible_contact(user: User, pk: int, *, trajectory: Trajectory, field: str) -> Contact:
    try:
        return Contact.objects.visible_to(user).get(pk=pk, trajectory=trajectory)
    except Contact.DoesNotExist:
        raise FieldNotFound(field) from None
