"""Helpers shared by the mediation services: refusals, locking, saving with the acting user,
the rule set, the trajectory's phase and end."""

from datetime import datetime

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from koers.core.models import User
from koers.lib.rules import Reason
from koers.mediation import models as m
from koers.mediation.rules.ruleset import Ruleset
from koers.trajectories.models import Programme
from koers.trajectories.rulesets import ruleset_by_version
from koers.trajectories.services import (
    trajectory_set_status,
)


def refuse(field_name: str, reason: Reason) -> ValidationError:
    return ValidationError({field_name: [f"{reason.message} ({reason.rule})"]})


def ruleset_of(service: m.MediationService) -> Ruleset:
    return ruleset_by_version(Programme.MEDIATION, service.ruleset_version)


def lock_service(service: m.MediationService) -> m.MediationService:
    return (
        m.MediationService.objects.select_for_update()
        .select_related("trajectory", "client", "trajectory__organisation")
        .get(pk=service.pk)
    )


def save_with_user(obj, acting_user: User | None) -> None:
    obj._history_user = acting_user
    obj.save()


def require_open(service: m.MediationService, field_name: str = "__all__") -> None:
    if not service.is_open:
        raise refuse(
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
