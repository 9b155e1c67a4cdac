"""INT-05: a coach's absences."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError

from koers.intake.services import (
    unavailability_add,
)
from tests.intake.conftest import NOW

pytestmark = pytest.mark.django_db


def test_int_05_coach_cannot_record_someone_elses_absence(coach, other_coach, centre):
    with pytest.raises(ValidationError):
        unavailability_add(
            coach=other_coach,
            organisation=centre,
            starts_at=NOW,
            ends_at=NOW + timedelta(days=1),
            reason="",
            acting_user=coach,
        )
