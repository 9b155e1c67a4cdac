"""The trajectory's status (services/status.py): the machine and the end date."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError

from koers.trajectories.models import TrajectoryStatus
from koers.trajectories.services import trajectory_set_status


@pytest.mark.django_db
def test_status_machine_refuses_illegal_moves(trajectory, coach):
    closed = trajectory_set_status(
        trajectory=trajectory, status=TrajectoryStatus.CLOSED, acting_user=coach
    )
    assert closed.end_date is not None
    with pytest.raises(ValidationError, match="kan niet naar"):
        trajectory_set_status(trajectory=closed, status=TrajectoryStatus.ACTIVE, acting_user=coach)


@pytest.mark.django_db
def test_closing_before_the_start_date_is_refused(trajectory, coach):
    with pytest.raises(ValidationError, match="vóór de startdatum"):
        trajectory_set_status(
            trajectory=trajectory,
            status=TrajectoryStatus.CLOSED,
            acting_user=coach,
            on=trajectory.start_date - timedelta(days=1),
        )
