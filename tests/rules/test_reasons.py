"""A reason's sentence is written in Dutch in the pure rules and translated where it is shown."""

import pytest
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from koers.lib.rules import Reason, reason


def test_reason_without_values_shows_its_sentence():
    assert Reason("LBC-02", "Een contact duurt minstens 30 minuten.").message == (
        "Een contact duurt minstens 30 minuten."
    )


@given(st.integers(), st.text(alphabet="abcdefghij {}", max_size=20))
def test_reason_fills_in_its_values_and_keeps_braces_of_the_values(number, word):
    r = reason("LBC-02", "Nog {minutes} minuten voor {who}.", minutes=number, who=word)
    assert r.message == f"Nog {number} minuten voor {word}."
    assert r.template == "Nog {minutes} minuten voor {who}."


def test_equal_reasons_compare_and_hash_equal_whatever_the_order_of_values():
    a = reason("MED-03", "{a} en {b}", a=1, b=2)
    b = reason("MED-03", "{a} en {b}", b=2, a=1)
    assert a == b and hash(a) == hash(b)


@pytest.mark.django_db
def test_reason_is_translated_into_the_active_language_when_shown():
    r = Reason("COM-01", "Afmelden")  # a sentence the English catalogue holds
    with translation.override("en"):
        assert r.message == "Log out"
    with translation.override("nl-be"):
        assert r.message == "Afmelden"


@pytest.mark.django_db
def test_stored_reason_keeps_its_template_and_values_and_is_shown_in_the_readers_language():
    from koers.lib.rules import Joined, Phrase, reason_from_json, reason_to_json

    stored = reason_to_json(
        reason(
            "LBC-12",
            "Actie {index} is niet concreet: {problems}.",
            index=2,
            problems=Joined(
                (
                    Phrase("geen datum (tegen wanneer?)"),
                    Phrase("geen verantwoordelijke (door wie?)"),
                )
            ),
        )
    )
    with translation.override("en"):
        assert reason_from_json(stored).message == (
            "Action 2 is not concrete: no date (by when?), no one responsible (by whom?)."
        )
    assert reason_from_json(stored).message == (
        "Actie 2 is niet concreet: geen datum (tegen wanneer?), geen verantwoordelijke (door wie?)."
    )


def test_reason_stored_before_templates_shows_its_sentence():
    from koers.lib.rules import reason_from_json

    old = {"rule": "INT-01", "message": "Els werkt verder weg."}
    assert (
        reason_from_json(old).message == "Els werkt verder weg."
        and reason_from_json(old).rule == "INT-01"
    )
