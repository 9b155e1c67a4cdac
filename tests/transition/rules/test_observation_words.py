"""TRN-06 ("Aantekenen"): an observation notes facts; personality traits and interpretations warn."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from koers.transition.rules.observation_words import (
    TRAIT_ADJECTIVES,
    TRAIT_FORMS,
    interpretations,
    observation_warnings,
    trait_words,
)

# Words of factual notes; none is a trait, none forms a labelling phrase.
NEUTRAL = [
    "zet", "twaalf", "dozen", "op", "de", "kar", "binnen", "tien", "minuten", "vraagt", "hulp",
    "aan", "ploegbaas", "meldt", "taak", "klaar", "begint", "om", "8u05", "legt", "gereedschap",
    "terug", "zegt", "ik", "weet", "het", "niet", "stelt", "drie", "vragen", "rond", "planning",
    "komt", "te", "laat", "sociale", "economie", "stil", "eerlijk", "gezegd", "positief",
    "negatief", "resultaat", "luid", "domein", "slimline", "lijst", "keer", "2", "3",
]  # fmt: skip
neutral_text = st.lists(st.sampled_from(NEUTRAL), max_size=30).map(" ".join)


def test_trn_06_a_factual_note_gives_no_warning():
    note = "Zet 12 dozen op de kar binnen 10 minuten; vraagt 2 keer hulp aan de ploegbaas."
    assert observation_warnings(note) == ()


@pytest.mark.parametrize("word", ["lui", "dom", "koppig", "arrogant"])
def test_trn_06_the_seeds_kind_of_trait_words_are_in_the_list(word):
    assert word in TRAIT_ADJECTIVES


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Hij is lui.", ("lui",)),
        ("Een luie houding, dommer dan gedacht", ("luie", "dommer")),
        ("KOPPIG en Arrogant", ("koppig", "arrogant")),
        ("reageert agressief; een agressieve toon", ("agressief", "agressieve")),
        ("ongeinteresseerd, ongeïnteresseerde blik", ("ongeinteresseerd", "ongeïnteresseerde")),
        ("een brutale opmerking, trage start", ("brutale", "trage")),
        ("nerveuze lach, een onzekere stem", ("nerveuze", "onzekere")),
        ("lui lui lui", ("lui",)),
    ],
)
def test_trn_06_trait_adjectives_are_found_in_their_forms(text, found):
    assert trait_words(text) == found
    warning = observation_warnings(text)[0]
    assert warning.rule == "TRN-06"
    assert "persoonlijkheidskenmerken" in warning.message
    for word in found:
        assert f"‘{word}’" in warning.message


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Hij is een doorzetter.", "is een …"),
        ("Ze zijn geen teamspelers.", "is een …"),
        ("Lijkt de opdracht niet te begrijpen.", "lijkt …"),
        ("Komt erg zeker over.", "komt … over"),
        ("Is van nature behulpzaam.", "van nature"),
        ("Een sterk karakter.", "karakter"),
        ("Vraagt nooit hulp.", "altijd / nooit"),
        ("Is altijd te laat.", "altijd / nooit"),
    ],
)
def test_trn_06_labelling_and_interpreting_phrasings_warn(text, name):
    assert name in interpretations(text)
    messages = [w.message for w in observation_warnings(text)]
    assert any(f"‘{name}’" in m for m in messages)
    assert all(w.rule == "TRN-06" for w in observation_warnings(text))


def test_trn_06_words_that_only_look_like_traits_do_not_warn():
    assert trait_words("luid geroepen in het domein van de sociale economie, slimline-kast") == ()


@given(neutral_text)
def test_trn_06_neutral_notes_never_warn(text):
    assert observation_warnings(text) == ()


@given(
    neutral_text,
    neutral_text,
    st.sampled_from(sorted(TRAIT_FORMS)),
    st.sampled_from([str.lower, str.upper, str.capitalize]),
)
def test_trn_06_a_trait_word_anywhere_in_any_case_warns_and_is_named(before, after, form, case):
    written = case(form)
    text = f"{before} {written}, {after}"
    assert written.casefold() in trait_words(text)
    (warning,) = observation_warnings(text)
    assert written.casefold() in warning.message


@given(st.text(max_size=200))
def test_trn_06_any_text_is_judged_without_error_and_the_same_twice(text):
    warnings = observation_warnings(text)
    assert warnings == observation_warnings(text)
    assert all(w.rule == "TRN-06" for w in warnings)
    found = trait_words(text)
    assert len(found) == len(set(found))
    assert len(warnings) == bool(found) + len(interpretations(text))


def test_trn_06_every_form_leads_back_to_a_listed_adjective():
    assert set(TRAIT_FORMS.values()) == set(TRAIT_ADJECTIVES)
    assert len(TRAIT_ADJECTIVES) == len(set(TRAIT_ADJECTIVES))
