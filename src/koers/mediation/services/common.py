"""Helpers shared by the mediation services: locking, the open check, the trajectory's phase and
end."""

from datetime import datetime

from django.utils import timezone
from django.utils.translation import gettext as _

from koers.core.history import save_with_user
from koers.core.models import User
from koers.lib.refusals import refusal
from koers.lib.rules import Reason, reason_to_json
from koers.mediation import models as m
from koers.mediation.rules.returns import ReturnDecision
from koers.mediation.services.states import service_set_state
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


def _end_trajectory(service, status: str, *, now: datetime, acting_user, access_until: datetime):
    trajectory = service.trajectory
    on = max(timezone.localdate(now), trajectory.start_date)
    trajectory = trajectory_set_status(
        trajectory=trajectory, status=status, acting_user=acting_user, on=on
    )
    trajectory.access_until = access_until
    trajectory.phase = service.state
    save_with_user(trajectory, acting_user)
    service.trajectory = trajectory


# What ending a service writes besides its state: how and when, where mediation returns to, and
# what was given or signalled just before (the final advice, the absence signal).
ENDING_FIELDS = (
    "closing_reason",
    "closing_way",
    "closed_at",
    "vdab_signal",
    "returned_to",
    "returned_reasons",
    "advice",
    "advice_remark",
    "advice_mail",
    "advice_print",
    "advice_given_at",
)


def end_service(
    service: m.MediationService,
    state: str,
    *,
    way: str,
    decision: ReturnDecision,
    now: datetime,
    acting_user: User | None,
    trajectory_status: str,
    access_until: datetime,
) -> None:
    """Close or stop the service (MED-03, MED-14..17) and end its trajectory; the partner keeps
    access until `access_until`."""
    service.closing_way = way
    service.closed_at = now
    service.returned_to = decision.to.value
    service.returned_reasons = [reason_to_json(r) for r in decision.reasons]
    why = str(m.ClosingWay(way).label)
    service_set_state(
        service, state, acting_user=acting_user, why=why, at=now, also_save=ENDING_FIELDS
    )
    _end_trajectory(
        service, trajectory_status, now=now, acting_user=acting_user, access_until=access_until
    )
