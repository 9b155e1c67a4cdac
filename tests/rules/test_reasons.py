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
