"""Coach administration (BIL-05, BIL-06): a frozen day, the centre's locations, a coach of
another centre."""

import pytest
import time_machine

from koers.billing.services import coaches as services
from koers.core.models import Location, Role
from tests.factories import staff_user

TODAY = "2026-06-15T10:00:00+02:00"


@pytest.fixture(autouse=True)
def _frozen_day():
    with time_machine.travel(TODAY, tick=False):
        yield


@pytest.fixture
def deurne(centre):
    return Location.objects.create(
        organisation=centre, name="Deurne", postal_code="2100", city="Deurne"
    )


@pytest.fixture
def gent(centre):
    return Location.objects.create(
        organisation=centre, name="Gent", postal_code="9000", city="Gent"
    )


@pytest.fixture
def elsewhere_coach(other_centre):
    return staff_user(other_centre, Role.COACH, username="coach-elders")


@pytest.fixture
def elsewhere_staff(other_centre):
    return staff_user(other_centre, Role.CENTRE_STAFF, username="staff-elders")


@pytest.fixture
def started(coach, deurne):
    """The coach works in Deurne since 1 March 2026 (reported by the coach)."""
    from datetime import date

    return services.coach_location_start(
        coach=coach, location=deurne, started_on=date(2026, 3, 1), acting_user=coach
    )
