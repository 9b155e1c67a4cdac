"""Opening a trajectory (services/opening.py)."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone


@pytest.mark.django_db
def test_trajectory_end_before_start_is_refused(client_record, coach):
    from koers.trajectories.models import Trajectory
    from koers.trajectories.services import trajectory_open

    with pytest.raises(ValidationError, match="vóór de startdatum"):
        trajectory_open(
            client=client_record,
            programme="voucher",
            responsible=coach,
            organisation=client_record.organisation,
            start_date=timezone.localdate(),
            end_date=timezone.localdate() - timedelta(days=1),
            acting_user=coach,
        )
    assert not Trajectory.objects.exists()
