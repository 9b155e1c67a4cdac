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


def test_reason_shows_as_its_sentence_then_its_rule():
    r = reason("LBC-02", "Een contact duurt minstens {min} minuten.", min=30)
    assert str(r) == "Een contact duurt minstens 30 minuten. (LBC-02)"


def test_reason_without_a_rule_shows_only_its_sentence():
    assert str(Reason("", "Kies een programma.")) == "Kies een programma."


def test_reason_as_dict_gives_the_rule_and_the_filled_in_sentence():
    r = reason("MED-03", "Nog {n} dagen.", n=4)
    assert r.as_dict() == {"rule": "MED-03", "message": "Nog 4 dagen."}


@given(
    st.sampled_from(["LBC-02", "MED-03", "INT-05", ""]),
    st.dictionaries(
        st.sampled_from(["a", "b", "c"]),
        st.integers() | st.text(alphabet="xyz ", max_size=8),
        max_size=3,
    ),
)
def test_reason_survives_a_json_round_trip(rule, values):
    import json

    from koers.lib.rules import reason_from_json, reason_to_json

    template = " ".join("{" + name + "}" for name in values) or "Geen waarden."
    original = reason(rule, template, **values)
    stored = json.loads(json.dumps(reason_to_json(original)))
    assert reason_from_json(stored) == original
    assert stored["message"] == original.message


def test_reason_with_phrases_and_joined_values_survives_a_json_round_trip():
    import json

    from koers.lib.rules import Joined, phrase, reason_from_json, reason_to_json

    original = reason(
        "LBC-12",
        "Actie {index}: {problems}.",
        index=1,
        problems=Joined((phrase("geen datum"), phrase("{n} uur", n=4)), " en "),
    )
    stored = json.loads(json.dumps(reason_to_json(original)))
    assert reason_from_json(stored) == original
    assert reason_from_json(stored).message == "Actie 1: geen datum en 4 uur."


def test_shown_keeps_the_other_keys_and_fills_in_each_sentence():
    from koers.lib.rules import reason_to_json, shown

    stored = [{**reason_to_json(reason("LBC-02", "{n} minuten.", n=30)), "key": "hours"}]
    [row] = shown(stored)
    assert (row["key"], row["rule"], row["message"]) == ("hours", "LBC-02", "30 minuten.")
