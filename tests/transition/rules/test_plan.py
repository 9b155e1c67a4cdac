"""TRN-07: the personal transition plan (PDP) — its questions, the action table, its versions."""

from dataclasses import replace
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from koers.transition.rules import plan as plan_module
from koers.transition.rules.plan import (
    DEFAULT_QUESTIONS,
    Action,
    Done,
    PlanVersion,
    Question,
    QuestionKind,
    action_refusal,
    first_version,
    new_version,
    overdue_actions,
    questions_refusal,
    unanswered,
    version_refusal,
)

DAY = date(2026, 3, 2)
ACTION = Action("CV opmaken met de jobcoach", DAY, DAY + timedelta(days=14), "Jan en An", None, "")


def test_trn_07_the_default_questions_are_marked_to_confirm_and_cover_needs_obstacles_resources():
    assert "TO CONFIRM BY A PERSON" in plan_module.__doc__
    assert {q.kind for q in DEFAULT_QUESTIONS} == set(QuestionKind)
    assert questions_refusal(DEFAULT_QUESTIONS) == ()


@pytest.mark.parametrize(
    "questions",
    [
        (),
        (Question("a", " ", QuestionKind.NEED),),
        (Question("", "Wat?", QuestionKind.NEED),),
        (Question("a", "Wat?", QuestionKind.NEED), Question("a", "Waarom?", QuestionKind.OBSTACLE)),
    ],
)
def test_trn_07_an_organisations_questions_are_checked(questions):
    (refusal,) = questions_refusal(questions)
    assert refusal.rule == "TRN-07"


def test_trn_07_done_is_the_seeds_three_marks():
    assert [d.value for d in Done] == ["-", "+/-", "+"]


@pytest.mark.parametrize("done", [None, "-", "+/-", "+"])
def test_trn_07_a_valid_action_row(done):
    assert action_refusal(replace(ACTION, done=done)) == ()


def test_trn_07_a_row_without_dates_or_who_is_kept_as_a_draft():
    assert action_refusal(Action("Bellen naar VDAB")) == ()


@given(
    st.text(max_size=20),
    st.dates(date(2026, 1, 1), date(2027, 1, 1)),
    st.dates(date(2026, 1, 1), date(2027, 1, 1)),
    st.one_of(st.none(), st.sampled_from(["-", "+/-", "+"]), st.text(max_size=3)),
)
def test_trn_07_action_refusals_name_each_problem(action, start, end, done):
    row = Action(action, start, end, "An", done)
    messages = [r.message for r in action_refusal(row)]
    assert ("Beschrijf de actie concreet." in messages) == (not action.strip())
    assert any("tijdspanne" in m for m in messages) == (end < start)
    assert any("Voltooid?" in m for m in messages) == (done not in (None, "-", "+/-", "+"))
    assert all(r.rule == "TRN-07" for r in action_refusal(row))


def test_trn_07_overdue_actions_are_the_unfinished_ones_past_their_span():
    late = replace(ACTION, ends_on=DAY - timedelta(days=1))
    done = replace(late, done="+")
    partly = replace(late, done="+/-")
    open_ended = replace(ACTION, ends_on=None)
    assert overdue_actions([ACTION, late, done, partly, open_ended], DAY) == (late, partly)


def test_trn_07_a_new_version_is_made_from_the_previous_and_keeps_it():
    first = replace(first_version(DAY), answers={"jobdoelwit": "Magazijnier"}, actions=(ACTION,))
    second = new_version(first, DAY + timedelta(days=30))
    assert (second.number, second.based_on, second.made_on) == (2, 1, DAY + timedelta(days=30))
    assert (second.answers, second.actions) == (first.answers, first.actions)
    assert first.number == 1  # the previous version is unchanged
    assert version_refusal(first, None, DEFAULT_QUESTIONS) == ()
    assert version_refusal(second, first, DEFAULT_QUESTIONS) == ()


@pytest.mark.parametrize(
    ("version", "previous"),
    [
        (PlanVersion(2, DAY), None),
        (PlanVersion(1, DAY, based_on=1), None),
        (PlanVersion(3, DAY, based_on=1), PlanVersion(1, DAY)),
        (PlanVersion(2, DAY, based_on=None), PlanVersion(1, DAY)),
        (PlanVersion(2, DAY - timedelta(days=1), based_on=1), PlanVersion(1, DAY)),
        (PlanVersion(1, DAY, answers={"zwemmen": "ja"}), None),
    ],
)
def test_trn_07_a_version_follows_the_previous_and_answers_known_questions(version, previous):
    (refusal,) = version_refusal(version, previous, DEFAULT_QUESTIONS)
    assert refusal.rule == "TRN-07"


def test_trn_07_a_version_names_its_bad_action_rows():
    bad = replace(first_version(DAY), actions=(ACTION, Action(" ", DAY, DAY - timedelta(days=1))))
    refusals = version_refusal(bad, None, DEFAULT_QUESTIONS)
    assert [r.message for r in refusals] == [
        "Actie 2: Beschrijf de actie concreet.",
        "Actie 2: De tijdspanne eindigt niet vóór ze begint.",
    ]
    assert str(refusals[0]) == "Actie 2: Beschrijf de actie concreet. (TRN-07)"


def test_trn_07_unanswered_questions_are_listed():
    version = replace(first_version(DAY), answers={"jobdoelwit": "Buschauffeur", "nodig": " "})
    assert [q.code for q in unanswered(version, DEFAULT_QUESTIONS)] == [
        q.code for q in DEFAULT_QUESTIONS if q.code != "jobdoelwit"
    ]
