"""The transition rule set (TRN-03, TRN-05, TRN-06, TRN-17): the seed's numbers, the placeholders."""

import dataclasses
from datetime import date

import pytest

from koers.lib.rules import derive, parameter_values, parameters_of, ruleset_from_values
from koers.transition.rules import ruleset as ruleset_module
from koers.transition.rules.ruleset import (
    PARAMETER_LABELS,
    RULESETS,
    SAM_LEVELS,
    TO_CONFIRM,
    TransitionRuleset,
    parameter_problems,
    ruleset_for,
)

RULES = ruleset_for(date(2026, 3, 1))


def test_trn_06_assessment_numbers_are_the_seeds():
    assert RULES.assessment_max_candidates == 6
    assert RULES.assessment_min_tasks == 2
    assert RULES.assessment_min_days == 2
    assert RULES.assessment_min_assessors == 2
    assert RULES.assessment_large_spread == 2


def test_trn_17_follow_up_checkpoints_are_two_weeks_and_six_months():
    assert RULES.followup_first_weeks == 2
    assert RULES.followup_second_months == 6


def test_trn_05_the_sam_scale_has_the_seeds_four_levels_lowest_first():
    assert SAM_LEVELS == ("onvoldoende", "matig", "goed", "zeer goed")
    assert dict(RULES.sam_levels) == {1: "onvoldoende", 2: "matig", 3: "goed", 4: "zeer goed"}


def test_trn_03_a_second_coach_is_preferred():
    assert RULES.intake_second_coach_preferred is True


def test_trn_06_placeholders_are_marked_to_confirm():
    assert {
        "assessment_min_tasks",
        "assessment_min_days",
        "assessment_min_assessors",
        "assessment_large_spread",
        "followup_reminder_days",
        "followup_grace_days",
    } == TO_CONFIRM
    assert "TO CONFIRM BY A PERSON" in ruleset_module.__doc__
    assert "assessment_max_candidates" not in TO_CONFIRM  # the seed: "max. 6 personen"


def test_trn_06_one_version_from_2020_so_older_referrals_are_judged_and_nothing_before():
    assert [(r.version, r.valid_from, r.valid_until) for r in RULESETS] == [
        ("2026-seeds", date(2020, 1, 1), None)
    ]
    assert ruleset_for(date(2031, 1, 1)) is RULESETS[0]
    assert ruleset_for(date(2025, 12, 29)) is RULESETS[0]
    with pytest.raises(LookupError):
        ruleset_for(date(2019, 12, 31))


def test_trn_06_every_parameter_has_a_label_and_the_shipped_version_is_coherent():
    names = {p.name for p in parameters_of(TransitionRuleset)}
    assert names == set(PARAMETER_LABELS)
    assert names >= TO_CONFIRM
    assert all(label.endswith(")") and "(TRN-" in label for label in PARAMETER_LABELS.values())
    assert parameter_problems(RULES) == {}


def test_trn_05_the_sam_scale_is_not_edited_as_a_parameter():
    editable = {p.name: p.editable for p in parameters_of(TransitionRuleset)}
    assert editable["sam_levels"] is False
    assert editable["assessment_max_candidates"] is True
    assert editable["intake_second_coach_preferred"] is True


def test_trn_06_a_version_derives_and_round_trips_as_json():
    derived, errors = derive(
        RULES,
        version="2027",
        valid_from=date(2027, 1, 1),
        valid_until=None,
        changes={"assessment_max_candidates": 8},
    )
    assert errors == {}
    assert derived.assessment_max_candidates == 8
    back = ruleset_from_values(
        TransitionRuleset,
        version="2027",
        valid_from=date(2027, 1, 1),
        valid_until=None,
        values=parameter_values(derived),
    )
    assert back.assessment_max_candidates == 8
    assert back.followup_first_weeks == 2
    assert dict(back.sam_levels) == dict(RULES.sam_levels)


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"assessment_max_candidates": 0}, "assessment_max_candidates"),
        ({"assessment_min_tasks": 0}, "assessment_min_tasks"),
        ({"assessment_min_days": 0}, "assessment_min_days"),
        ({"assessment_min_assessors": 0}, "assessment_min_assessors"),
        ({"assessment_large_spread": 0}, "assessment_large_spread"),
        ({"assessment_large_spread": 4}, "assessment_large_spread"),
        ({"followup_first_weeks": 0}, "followup_first_weeks"),
        ({"followup_second_months": 0}, "followup_second_months"),
        ({"followup_first_weeks": 30}, "followup_first_weeks"),
        ({"ibo_min_weeks": 30}, "ibo_min_weeks"),
        ({"bvs_weeks": 0}, "bvs_weeks"),
        ({"sam_levels": {1: "onvoldoende", 2: "goed", 3: "zeer goed"}}, "sam_levels"),
        ({"sam_levels": {1: "goed", 2: "goed", 3: "matig", 4: "zeer goed"}}, "sam_levels"),
        ({"sam_levels": {0: "a", 1: "b", 2: "c", 3: "d"}}, "sam_levels"),
        ({"sam_levels": {1: "a", 2: "b", 3: "c", 4: ""}}, "sam_levels"),
    ],
)
def test_trn_06_incoherent_numbers_are_named(change, field):
    problems = parameter_problems(dataclasses.replace(RULES, **change))
    assert field in problems
    assert "(TRN-" in problems[field]


@pytest.mark.parametrize("spread", [1, 2, 3])
def test_trn_06_any_spread_of_one_to_three_levels_is_coherent(spread):
    assert parameter_problems(dataclasses.replace(RULES, assessment_large_spread=spread)) == {}


def test_trn_11_the_measure_rules_read_the_rule_set_in_force():
    from koers.transition.rules.measures import MeasureKind, duration_refusal

    start, end = date(2026, 3, 2), date(2026, 10, 1)  # seven months
    assert duration_refusal(MeasureKind.IBO, start, end, RULES) is not None
    longer = dataclasses.replace(RULES, ibo_max_months=8)
    assert duration_refusal(MeasureKind.IBO, start, end, longer) is None


def test_trn_17_every_parameter_has_a_dutch_label():
    assert {p.name for p in parameters_of(TransitionRuleset)} <= set(PARAMETER_LABELS)
