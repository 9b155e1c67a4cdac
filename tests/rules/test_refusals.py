"""`koers.lib.refusals.refusal`: the one ValidationError a service raises from rule reasons."""

from django.core.exceptions import ValidationError

from koers.lib.refusals import refusal
from koers.lib.rules import Reason, reason


def test_refusal_puts_each_reason_on_its_field_as_sentence_and_rule():
    error = refusal(
        "duration_minutes",
        reason("LBC-02", "Minstens {n} minuten.", n=30),
        Reason("LBC-03", "In blokken van 30 minuten."),
    )
    assert isinstance(error, ValidationError)
    assert error.message_dict == {
        "duration_minutes": [
            "Minstens 30 minuten. (LBC-02)",
            "In blokken van 30 minuten. (LBC-03)",
        ]
    }


def test_refusal_on_all_is_a_form_wide_error():
    error = refusal("__all__", Reason("MED-03", "Eerst de eerste afspraak."))
    assert error.message_dict == {"__all__": ["Eerst de eerste afspraak. (MED-03)"]}
