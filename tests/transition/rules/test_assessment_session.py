"""TRN-06, TRN-16: an assessment-centre session — the seed's advice as warnings, and what may be
recorded in it."""

from dataclasses import replace
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from koers.transition.rules.assessment import LevelProposal, Observation
from koers.transition.rules.assessment_session import (
    Session,
    Task,
    observation_refusal,
    proposal_refusal,
    session_warnings,
)
from koers.transition.rules.competences import SEED_CODES, SamLevel
from koers.transition.rules.ruleset import ruleset_for

DAY = date(2026, 3, 2)
RULES = ruleset_for(DAY)


def _tasks(count, days, linked=True, explained=True):
    return tuple(
        Task(
            f"Proef {i}", DAY + timedelta(days=i % days), "magazijnier" if linked else "", explained
        )
        for i in range(count)
    )


GOOD = Session(("Jan", "Mia"), ("An", "Bart"), {"Jan": _tasks(2, 2), "Mia": _tasks(3, 2)})


def test_trn_06_a_session_that_follows_the_advice_gives_no_warning():
    assert session_warnings(GOOD, RULES) == ()


@given(st.integers(min_value=1, max_value=12))
def test_trn_06_more_than_six_candidates_warns_but_does_not_block(count):
    candidates = tuple(f"K{i}" for i in range(count))
    session = Session(candidates, ("An", "Bart"), {c: _tasks(2, 2) for c in candidates})
    warnings = session_warnings(session, RULES)
    assert bool(warnings) == (count > 6)
    if warnings:
        (warning,) = warnings
        assert warning.rule == "TRN-06"
        assert "hoogstens 6" in warning.message


@given(st.integers(min_value=0, max_value=4), st.integers(min_value=1, max_value=3))
def test_trn_06_only_one_task_or_only_one_day_warns(tasks, days):
    session = Session(("Jan",), ("An", "Bart"), {"Jan": _tasks(tasks, days)})
    messages = [w.message for w in session_warnings(session, RULES)]
    assert any("proeven doen" in m for m in messages) == (tasks < 2)
    spread_over = len({t.day for t in _tasks(tasks, days)})
    assert any("slechte dag" in m for m in messages) == (tasks > 0 and spread_over < 2)


def test_trn_06_the_thresholds_come_from_the_ruleset():
    rules = replace(
        RULES, assessment_max_candidates=1, assessment_min_tasks=3, assessment_min_days=3
    )
    messages = [w.message for w in session_warnings(GOOD, rules)]
    assert any("hoogstens 1 kandidaten" in m for m in messages)
    assert sum("minstens 3 proeven" in m for m in messages) == 1  # Mia has 3
    assert sum("minstens 3 dagen" in m for m in messages) == 2


def test_trn_06_a_single_assessor_warns():
    (warning,) = session_warnings(replace(GOOD, assessors=("An", "An")), RULES)
    assert "minstens 2 assessoren" in warning.message


def test_trn_16_tasks_are_linked_to_the_job_target_and_their_purpose_explained():
    session = Session(
        ("Jan",), ("An", "Bart"), {"Jan": _tasks(2, 2, linked=False, explained=False)}
    )
    warnings = session_warnings(session, RULES)
    assert [w.rule for w in warnings] == ["TRN-16"] * 4
    assert "jobdoelwit" in warnings[0].message
    assert "uit wat de proef" in warnings[1].message


NOTE = Observation("An", "Jan", "Zet de dozen op de kar.", "initiatief")


def test_trn_06_an_observation_in_the_session_is_accepted():
    assert observation_refusal(NOTE, GOOD, SEED_CODES) is None
    assert (
        observation_refusal(replace(NOTE, competence=""), GOOD, SEED_CODES) is None
    )  # not yet classified


@pytest.mark.parametrize(
    ("change", "words"),
    [
        ({"candidate": "Piet"}, "Piet neemt niet deel"),
        ({"assessor": "Cis"}, "Cis is geen assessor"),
        ({"text": "  "}, "beschrijft wat"),
        ({"competence": "zwemmen"}, "competentie uit het profiel"),
    ],
)
def test_trn_06_an_observation_outside_the_session_is_refused(change, words):
    refusal = observation_refusal(replace(NOTE, **change), GOOD, SEED_CODES)
    assert refusal.rule == "TRN-06"
    assert words in refusal.message


PROPOSAL = LevelProposal("Bart", "Mia", "motivatie", SamLevel.GOED)


@pytest.mark.parametrize(
    ("change", "rule"),
    [
        ({}, None),
        ({"candidate": "Piet"}, "TRN-06"),
        ({"assessor": "Cis"}, "TRN-06"),
        ({"competence": "zwemmen"}, "TRN-06"),
        ({"level": 0}, "TRN-05"),
        ({"level": 5}, "TRN-05"),
        ({"level": "zeer goed"}, "TRN-05"),
    ],
)
def test_trn_06_a_proposed_level_is_on_the_scale_for_the_sessions_people(change, rule):
    refusal = proposal_refusal(replace(PROPOSAL, **change), GOOD, SEED_CODES)
    assert (refusal.rule if refusal else None) == rule
