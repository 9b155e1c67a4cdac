"""INT-01: a lead arrives, is checked and collapses with a repeat."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from koers.intake.models import LeadState, Routing
from koers.intake.services import (
    lead_submit,
    lead_validate,
)
from tests.intake.conftest import NOW, lead_data

pytestmark = pytest.mark.django_db


def test_int_01_lead_is_routed_to_a_coach_of_the_centre_with_reasons(
    coach_in_ghent, submit, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        lead = submit()
    assert lead.coach == coach_in_ghent
    assert lead.state == LeadState.NEW
    assert lead.phone == "+32470123456"
    assert {r["rule"] for r in lead.routing_reasons} == {"INT-01", "INT-05"}
    assert Routing.objects.get(lead=lead).candidates[0]["coach_id"] == coach_in_ghent.pk
    confirmation = next(m for m in mail.outbox if m.to == ["lotte@example.org"])
    assert "Loopbaancentrum Horizon" in confirmation.from_email


def test_int_01_bad_input_is_refused_per_field(centre):
    data = lead_data(
        email="lotte@",
        phone="12",
        windows=[
            (NOW + timedelta(hours=5), NOW + timedelta(hours=3)),
            (NOW - timedelta(hours=3), NOW - timedelta(hours=1)),
        ],
        career_question="x" * 5000,
        consent=False,
    )
    with pytest.raises(ValidationError) as exc:
        lead_validate(data, organisation=centre, now=NOW)
    errors = exc.value.message_dict
    assert set(errors) >= {"email", "phone", "windows", "career_question", "consent"}
    assert any("vóór het beginuur" in m for m in errors["windows"])
    assert any("verleden" in m for m in errors["windows"])


def test_int_01_repeated_submission_collapses_into_one_lead(centre, coach):
    first, created = lead_submit(organisation=centre, data=lead_data(), now=NOW)
    again, created_again = lead_submit(
        organisation=centre, data=lead_data(), now=NOW + timedelta(minutes=2)
    )
    assert created and not created_again
    assert again.pk == first.pk
    later, created_later = lead_submit(
        organisation=centre, data=lead_data(), now=NOW + timedelta(hours=2)
    )
    assert created_later and later.pk != first.pk
