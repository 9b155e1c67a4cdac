"""INT-07: the lead-feedback questions and answers."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError

from koers.intake.services import (
    feedback_fields,
    feedback_submit,
    lead_submit,
)
from tests.intake.conftest import NOW, lead_data

pytestmark = pytest.mark.django_db


def test_int_07_feedback_default_fields_several_times_and_validated(coach, submit):
    lead = submit()
    keys = [f.key for f in feedback_fields(lead.organisation)]
    assert keys == ["channel", "reached", "outcome", "remarks"]
    with pytest.raises(ValidationError) as exc:
        feedback_submit(lead=lead, answers={"channel": "Bestaat niet"}, now=NOW, acting_user=coach)
    assert {"channel", "reached", "outcome"} <= set(exc.value.message_dict)
    answers = {"channel": "Website", "reached": "ja", "outcome": "Match", "remarks": ""}
    feedback_submit(lead=lead, answers=answers, now=NOW, acting_user=coach)
    feedback_submit(lead=lead, answers=answers, now=NOW + timedelta(hours=1), acting_user=coach)
    assert lead.feedback.count() == 2


def test_int_07_feedback_not_required_for_self_brought_clients(coach, centre):
    from koers.intake.selectors import feedback_required

    lead, _ = lead_submit(
        organisation=centre, data=lead_data(), now=NOW, acting_user=coach, self_brought=True
    )
    assert lead.coach == coach and not feedback_required(lead)
