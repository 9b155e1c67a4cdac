"""TRN-06, TRN-16: the assessment centre by WAKKER — notes, classifying, counting, the assessors'
proposals compared, the agreed level, the seed's advice as warnings, and the report against the
intake."""

import random
from collections import Counter
from dataclasses import replace
from datetime import date
from math import comb

import pytest
from hypothesis import given
from hypothesis import strategies as st

from koers.transition.rules.assessment import (
    WAKKER,
    Comparison,
    Finding,
    LevelProposal,
    Observation,
    WakkerStep,
    agreed_level_refusal,
    agreed_level_warnings,
    classify_refusal,
    compare,
    comparison_warnings,
    counts_by_assessor,
    final_levels,
    note_warnings,
    observation_counts,
    report,
    unclassified,
)
from koers.transition.rules.competences import SEED_CODES, SamLevel
from koers.transition.rules.ruleset import ruleset_for

DAY = date(2026, 3, 2)
RULES = ruleset_for(DAY)
G, M, ONV, Z = SamLevel.GOED, SamLevel.MATIG, SamLevel.ONVOLDOENDE, SamLevel.ZEER_GOED


def test_trn_06_wakker_is_the_seeds_six_steps_in_order():
    assert [WAKKER[s][0] for s in WakkerStep] == [
        "Waarnemen",
        "Aantekenen",
        "Klasseren",
        "Kwantificeren en kwalificeren",
        "Evalueren",
        "Rapporteren",
    ]
    assert "geen persoonlijkheidskenmerken" in WAKKER[WakkerStep.NOTE][1]


def test_trn_06_a_note_is_a_fact_the_check_warns_on_traits():
    assert note_warnings(Observation("An", "Jan", "Legt de schroevendraaier terug.")) == ()
    (warning,) = note_warnings(Observation("An", "Jan", "Jan is koppig"))
    assert warning.rule == "TRN-06"


def test_trn_06_notes_are_classified_under_a_competence_of_the_profile():
    note = Observation("An", "Jan", "Meldt dat de taak klaar is.", "initiatief")
    assert classify_refusal(note, SEED_CODES) is None
    assert classify_refusal(replace(note, competence=""), SEED_CODES).rule == "TRN-06"
    assert classify_refusal(replace(note, competence="zwemmen"), SEED_CODES).rule == "TRN-06"
    assert classify_refusal(replace(note, text=" "), SEED_CODES).rule == "TRN-06"
    assert unclassified([note, replace(note, competence="")]) == (replace(note, competence=""),)


def test_trn_06_counting_per_candidate_and_competence_and_per_assessor():
    notes = [
        Observation("An", "Jan", "a", "initiatief"),
        Observation("Bart", "Jan", "b", "initiatief"),
        Observation("An", "Jan", "c", "initiatief"),
        Observation("An", "Jan", "d", "samenwerken"),
        Observation("An", "Mia", "e", "initiatief"),
        Observation("An", "Jan", "f", ""),  # not classified: not counted
    ]
    assert observation_counts(notes) == {
        ("Jan", "initiatief"): 3,
        ("Jan", "samenwerken"): 1,
        ("Mia", "initiatief"): 1,
    }
    assert counts_by_assessor(notes, "Jan") == {
        "initiatief": {"An": 2, "Bart": 1},
        "samenwerken": {"An": 1},
    }


def _comparison(levels):
    return Comparison("Jan", "initiatief", dict(levels))


def test_trn_06_unanimous_assessors_show_no_difference():
    c = _comparison({"An": G, "Bart": G})
    assert (c.spread, c.unanimous, c.majority, c.differences, c.outliers) == (0, True, G, (), ())


def test_trn_06_the_comparison_shows_spread_who_differs_and_by_how_much():
    c = _comparison({"An": G, "Bart": G, "Cis": ONV})
    assert c.spread == 2
    assert c.lowest == ONV and c.highest == G and c.majority == G
    assert c.outliers == ("Cis",)
    assert c.differences == (("An", "Cis", -2), ("Bart", "Cis", -2))


def test_trn_06_a_tie_has_no_majority_and_everyone_differs():
    c = _comparison({"An": M, "Bart": Z})
    assert c.majority is None
    assert c.outliers == ("An", "Bart")
    assert c.differences == (("An", "Bart", 2),)


def test_trn_06_compare_groups_per_candidate_and_competence_and_a_correction_counts():
    proposals = [
        LevelProposal("An", "Jan", "initiatief", M),
        LevelProposal("Bart", "Jan", "initiatief", G),
        LevelProposal("An", "Jan", "initiatief", G),  # An corrects herself
        LevelProposal("An", "Mia", "motivatie", Z),
    ]
    jan, mia = compare(proposals)
    assert (jan.candidate, jan.competence, dict(jan.levels)) == (
        "Jan",
        "initiatief",
        {"An": G, "Bart": G},
    )
    assert (mia.candidate, mia.competence, dict(mia.levels)) == ("Mia", "motivatie", {"An": Z})


levels_by_assessor = st.dictionaries(
    st.sampled_from(["An", "Bart", "Cis", "Dirk", "Els", "Fien"]),
    st.sampled_from(list(SamLevel)),
    min_size=1,
)


@given(levels_by_assessor)
def test_trn_06_comparison_properties(levels):
    c = _comparison(levels)
    values = list(levels.values())
    assert c.spread == max(values) - min(values)
    assert 0 <= c.spread <= 3
    assert c.unanimous == (c.spread == 0) == (c.differences == ()) == (c.outliers == ())
    counts = Counter(values)
    assert len(c.differences) == comb(len(values), 2) - sum(comb(n, 2) for n in counts.values())
    for a, b, delta in c.differences:
        assert a < b
        assert delta == levels[b] - levels[a] != 0
        assert abs(delta) <= c.spread
    if c.differences:
        assert max(abs(d) for _, _, d in c.differences) == c.spread
    if c.majority is not None:
        top = counts[c.majority]
        assert all(n < top for level, n in counts.items() if level != c.majority)
        assert set(c.outliers) == {a for a, v in levels.items() if v != c.majority}
    elif not c.unanimous:
        assert set(c.outliers) == set(levels)


@given(
    st.dictionaries(st.sampled_from(["Jan", "Mia"]), levels_by_assessor, min_size=1), st.randoms()
)
def test_trn_06_compare_does_not_depend_on_the_order_of_the_proposals(table, rnd: random.Random):
    proposals = [
        LevelProposal(assessor, candidate, "initiatief", level)
        for candidate, levels in table.items()
        for assessor, level in levels.items()
    ]
    shuffled = proposals[:]
    rnd.shuffle(shuffled)
    assert compare(shuffled) == compare(proposals)
    assert {c.candidate: dict(c.levels) for c in compare(proposals)} == table


@given(levels_by_assessor)
def test_trn_06_comparison_warnings_follow_the_ruleset(levels):
    c = _comparison(levels)
    rules = [w.message for w in comparison_warnings(c, RULES)]
    assert any("meerdere assessoren" in m for m in rules) == (len(levels) < 2)
    assert any("niveaus uit elkaar" in m for m in rules) == (c.spread >= 2)


def test_trn_06_a_large_spread_names_the_levels():
    (warning,) = comparison_warnings(_comparison({"An": ONV, "Bart": Z}), RULES)
    assert warning.rule == "TRN-06"
    assert "3 niveaus" in warning.message
    assert "onvoldoende tot zeer goed" in warning.message


@given(levels_by_assessor, st.sampled_from(list(SamLevel)))
def test_trn_06_an_agreed_level_outside_the_proposals_warns(levels, level):
    c = _comparison(levels)
    warns = agreed_level_warnings(c, level)
    assert bool(warns) == (not c.lowest <= level <= c.highest)


def test_trn_06_final_levels_take_the_agreed_or_the_unanimous_level():
    same = Comparison("Jan", "initiatief", {"An": G, "Bart": G})
    apart = Comparison("Jan", "motivatie", {"An": M, "Bart": G})
    levels, open_ = final_levels([same, apart], {})
    assert levels == {("Jan", "initiatief"): G}
    (reason,) = open_
    assert reason.rule == "TRN-06"
    assert "motivatie" in reason.message
    levels, open_ = final_levels([same, apart], {("Jan", "motivatie"): M, ("Jan", "initiatief"): Z})
    assert levels == {("Jan", "initiatief"): Z, ("Jan", "motivatie"): M}
    assert open_ == ()


def test_trn_16_the_report_compares_with_the_intake():
    assessed = {"motivatie": G, "initiatief": M, "samenwerken": Z, "klantgericht": ONV}
    intake = {"initiatief": G, "samenwerken": Z, "taalkennis": M}
    result = report(assessed, intake)
    assert list(result.levels) == ["samenwerken", "initiatief", "motivatie", "klantgericht"]
    assert result.strengths == ("samenwerken", "motivatie")
    assert result.growth_points == ("initiatief", "klantgericht")
    assert result.attention_points == (
        Finding("initiatief", G, M),
        Finding("motivatie", None, G),
        Finding("taalkennis", M, None),
        Finding("klantgericht", None, ONV),
    )
    assert result.attention_points[0].change == -1
    assert result.attention_points[1].change is None


@given(
    st.dictionaries(st.sampled_from(sorted(SEED_CODES)), st.sampled_from(list(SamLevel))),
    st.dictionaries(st.sampled_from(sorted(SEED_CODES)), st.sampled_from(list(SamLevel))),
)
def test_trn_16_every_assessed_competence_is_a_strength_or_a_growth_point(assessed, intake):
    result = report(assessed, intake)
    assert set(result.strengths) | set(result.growth_points) == set(assessed)
    assert not set(result.strengths) & set(result.growth_points)
    attention = {f.competence for f in result.attention_points}
    same = {c for c in assessed if intake.get(c) == assessed[c]}
    assert attention == (set(assessed) | set(intake)) - same


@pytest.mark.parametrize("level", list(SamLevel))
def test_trn_06_growth_points_are_below_goed(level):
    result = report({"initiatief": level}, {})
    assert (result.growth_points == ("initiatief",)) == (level < SamLevel.GOED)


def test_trn_06_the_agreed_level_follows_the_proposals_and_is_on_the_scale():
    c = _comparison({"An": M, "Bart": G})
    assert agreed_level_refusal(c, G) is None
    assert agreed_level_refusal(None, G).rule == "TRN-06"
    for wrong in (0, 5, "goed", True, None):
        refusal = agreed_level_refusal(c, wrong)
        assert refusal.rule == "TRN-05"
        assert "SAM-schaal" in refusal.message
