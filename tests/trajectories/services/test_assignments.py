"""Assignments (services/assignments.py)."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError

from koers.trajectories.services import (
    AssignmentData,
    assignment_create,
)


@pytest.mark.django_db
def test_assignment_deadline_before_start_is_refused(trajectory, coach):
    with pytest.raises(ValidationError) as exc:
        assignment_create(
            trajectory=trajectory,
            data=AssignmentData(
                title="Vacatures", deadline=trajectory.start_date - timedelta(days=1)
            ),
            acting_user=coach,
        )
    assert "deadline" in exc.value.message_dict
