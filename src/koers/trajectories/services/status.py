"""The one door for a trajectory's status: the table of `rules`, the programme's closing step,
the end date, and the move recorded (`koers.core.states`)."""

from collections.abc import Callable
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from koers.core.models import User
from koers.core.states import set_state
from koers.trajectories import rules
from koers.trajectories.models import Trajectory, TrajectoryStatus

# Programmes whose trajectories close through their own step (a voucher: "Cheque afronden", with
# the open dossier points and a reason when it ends early). The generic status change refuses to
# close them, with the programme's sentence saying where it is done.
ClosingDoor = Callable[[Trajectory], str | None]  # the refusal, or None when it may close here
_PROGRAMME_CLOSINGS: dict[str, ClosingDoor] = {}


def register_programme_closing(programme: str, door: ClosingDoor) -> None:
    _PROGRAMME_CLOSINGS[programme] = door


def _refuse_move(trajectory: Trajectory, status: str) -> None:
    """The table's refusal in the trajectory's own words (also for a move to the same state)."""
    if rules.can_transition(trajectory.status, status):
        return
    target = TrajectoryStatus(status).label if status in TrajectoryStatus.values else status
    raise ValidationError(
        {
            "status": [
                _("Een traject met status “%(current)s” kan niet naar “%(target)s”.")
                % {"current": trajectory.get_status_display(), "target": target}
            ]
        }
    )


@transaction.atomic
def trajectory_set_status(
    *,
    trajectory: Trajectory,
    status: str,
    acting_user: User,
    on: date | None = None,
    by_programme: bool = False,
) -> Trajectory:
    """The only way a trajectory's status changes; illegal moves are refused. A programme that
    closes its trajectories itself passes `by_programme=True`; anyone else is sent there."""
    # Two moves at once (two tabs, the page and the API) would both pass the table from the
    # same old state; the lock makes the second one judge the state the first one left.
    trajectory = Trajectory.objects.select_for_update().get(pk=trajectory.pk)
    door = _PROGRAMME_CLOSINGS.get(trajectory.programme)
    if status == TrajectoryStatus.CLOSED and door and not by_programme:
        refused = door(trajectory)
        if refused:
            raise ValidationError({"status": [refused]})
    _refuse_move(trajectory, status)
    ends_on = on or timezone.localdate()
    ends = status in rules.ENDED_STATUSES
    if ends and ends_on < trajectory.start_date:
        raise ValidationError({"on": [_("De einddatum ligt vóór de startdatum.")]})
    if ends:
        trajectory.end_date = ends_on
    set_state(
        trajectory,
        "status",
        status,
        table=rules.TRAJECTORY_TRANSITIONS,
        rule=rules.STATUS_RULE,
        acting_user=acting_user,
        also_save=("end_date", "updated_at"),
    )
    return trajectory
