"""Helpers shared by the mediation services: locking, the open check, the trajectory's phase and
end."""

from datetime import datetime

from django.utils import timezone
from django.utils.translation import gettext as _

from koers.core.history import save_with_user
from koers.lib.refusals import refusal
from koers.lib.rules import Reason
from koers.mediation import models as m
from koers.trajectories.services import trajectory_set_status


def lock_service(service: m.MediationService) -> m.MediationService:
    # Two writes on one service at once (a double click, the sweep while the mediator records an
    # outcome): the second waits and then sees the state the first one left, so the ladder and the
    # status move once and a closed service takes nothing more.
    return (
        m.MediationService.objects.select_for_update()
        .select_related("trajectory", "client", "trajectory__organisation")
        .get(pk=service.pk)
    )


def require_open(service: m.MediationService, field_name: str = "__all__") -> None:
    if not service.is_open:
        raise refusal(
            field_name,
            Reason("MED-15", _("Deze service is afgesloten: er kan niets meer bij.")),
        )


def set_phase(service: m.MediationService, acting_user) -> None:
    trajectory = service.trajectory
    trajectory.phase = service.state
    save_with_user(trajectory, acting_user)


def end_trajectory(service, status: str, *, now: datetime, acting_user, access_until: datetime):
    trajectory = service.trajectory
    on = max(timezone.localdate(now), trajectory.start_date)
    trajectory = trajectory_set_status(
        trajectory=trajectory, status=status, acting_user=acting_user, on=on
    )
    trajectory.access_until = access_until
    trajectory.phase = service.state
    save_with_user(trajectory, acting_user)
    service.trajectory = trajectory
