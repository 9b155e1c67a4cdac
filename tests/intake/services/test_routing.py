"""INT-01 / INT-05: routing to an available coach of the centre, and the override."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError

from koers.core.models import Role
from koers.intake.models import CoachUnavailability, LeadState
from koers.intake.services import (
    lead_assign,
    unavailability_add,
)
from tests.factories import staff_user
from tests.intake.conftest import NOW

pytestmark = pytest.mark.django_db


def test_int_05_unavailable_coach_gets_no_lead_but_staff_may_override(
    coach_in_ghent, other_coach, centre_staff, centre, submit
):
    CoachUnavailability.objects.create(
        organisation=centre,
        coach=coach_in_ghent,
        starts_at=NOW - timedelta(days=1),
        ends_at=NOW + timedelta(days=7),
        created_by=coach_in_ghent,
    )
    lead = submit()
    assert lead.coach == other_coach
    with pytest.raises(ValidationError, match="INT-05"):
        lead_assign(lead=lead, coach=coach_in_ghent, now=NOW, acting_user=centre_staff)
    lead = lead_assign(
        lead=lead, coach=coach_in_ghent, now=NOW, acting_user=centre_staff, allow_unavailable=True
    )
    assert lead.coach == coach_in_ghent
    assert any(r["rule"] == "INT-05" for r in lead.routing_reasons)


def test_int_05_no_available_coach_leaves_lead_for_the_centre(coach, centre, submit):
    unavailability_add(
        coach=coach,
        organisation=centre,
        starts_at=NOW - timedelta(hours=1),
        ends_at=NOW + timedelta(days=3),
        reason="Vakantie",
        acting_user=coach,
    )
    lead = submit()
    assert lead.coach is None and lead.state == LeadState.UNASSIGNED


def test_other_centre_coach_is_never_a_candidate(coach, other_centre, submit):
    staff_user(other_centre, Role.COACH)
    lead = submit()
    assert lead.coach == coach
