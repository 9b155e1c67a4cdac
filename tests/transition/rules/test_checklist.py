"""rules/checklist.py: the organisation readiness checklist (TRN-14)."""

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from koers.transition.rules.checklist import (
    REFLECTION_QUESTIONS,
    SCORE_LABELS,
    SCORE_MAX,
    SCORE_MIN,
    STATEMENTS,
    ActionPlanRow,
    ChecklistFilling,
    Done,
    average,
    compare,
    filling_problems,
    score_refusal,
    strongest,
    total,
    weakest,
)

ANSWERS = ("Visie", "Netwerking", "Actieplan met de directie")


def filling(scores, on=date(2026, 1, 15), answers=ANSWERS, actions=()):
    return ChecklistFilling(on, tuple(scores), answers, tuple(actions))


scores_strategy = st.lists(st.integers(SCORE_MIN, SCORE_MAX), min_size=13, max_size=13)


def test_trn_14_thirteen_statements_in_the_seeds_order():
    assert len(STATEMENTS) == 13
    assert str(STATEMENTS[0]).startswith("Mijn organisatie noemt 'doorstroom' in zijn visie")
    assert str(STATEMENTS[5]).startswith("Actieve kennis van het Nederlands")
    assert str(STATEMENTS[-1]) == (
        "Mijn organisatie is actief bezig met netwerking gericht naar het bedrijfsleven."
    )
    assert len({str(s) for s in STATEMENTS}) == 13


def test_trn_14_scale_from_totaal_niet_to_volledig():
    assert (SCORE_MIN, SCORE_MAX) == (0, 6)
    assert str(SCORE_LABELS[0]) == "totaal niet" and str(SCORE_LABELS[6]) == "volledig"


def test_trn_14_three_reflection_questions():
    assert [str(q) for q in REFLECTION_QUESTIONS] == [
        "Op welke aspecten scoort je organisatie al goed?",
        "Op welke aspecten is er nog werk aan de winkel?",
        "Hoe ga je dit aanpakken?",
    ]


@pytest.mark.parametrize("score", range(0, 7))
def test_trn_14_scores_zero_to_six_accepted(score):
    assert score_refusal(score) is None


@pytest.mark.parametrize("score", [7, -1, 10, 2.5, "3", None, True])
def test_trn_14_a_seven_is_refused(score):
    refusal = score_refusal(score)
    assert refusal.rule == "TRN-14" and "0 (totaal niet) tot 6 (volledig)" in refusal.message


@given(st.integers(-100, 100))
def test_trn_14_only_zero_to_six(score):
    assert (score_refusal(score) is None) == (0 <= score <= 6)


def test_trn_14_a_full_filling_has_no_problems():
    assert filling_problems(filling([3] * 13), complete=True) == ()


def test_trn_14_a_seven_in_a_filling_names_the_statement():
    (problem,) = filling_problems(filling([3] * 4 + [7] + [3] * 8))
    assert problem.rule == "TRN-14" and "Uitspraak 5" in problem.message


def test_trn_14_a_filling_has_thirteen_scores():
    assert "13 uitspraken" in filling_problems(filling([3] * 12))[0].message


def test_trn_14_a_half_filling_may_be_saved_but_not_completed():
    half = filling([3] * 6 + [None] * 7, answers=("", "", ""))
    assert filling_problems(half) == ()
    problems = [p.message for p in filling_problems(half, complete=True)]
    assert problems[0] == "Nog te scoren: uitspraak 7, 8, 9, 10, 11, 12, 13."
    assert "drie vragen" in problems[1]


def test_trn_14_action_plan_rows_are_checked():
    bad = [ActionPlanRow(" "), ActionPlanRow("Netwerkdag", statements=(14,))]
    problems = [p.message for p in filling_problems(filling([3] * 13, actions=bad))]
    assert any("heeft een actie" in p for p in problems)
    assert any("uitspraak 1 tot 13" in p for p in problems)


def test_trn_14_action_plan_row_shape():
    row = ActionPlanRow("Netwerkdag organiseren", "Q2", "Coach", Done.PARTLY, "met VOKA", (12, 13))
    assert filling_problems(filling([3] * 13, actions=[row])) == ()
    assert [d.value for d in Done] == ["-", "+/-", "+"]


def test_trn_14_total_average_strongest_weakest():
    f = filling([6, 6, 0, 1, 2, 3, 4, 5, 0, 3, 3, 3, None])
    assert total(f) == 36
    assert average(f) == Decimal("3.0")
    assert strongest(f) == (1, 2)
    assert weakest(f) == (3, 9)
    empty = filling([None] * 13)
    assert (average(empty), strongest(empty), weakest(empty)) == (None, (), ())


def test_trn_14_compare_two_fillings_over_time():
    first = filling([2] * 13, on=date(2025, 1, 10))
    second = filling([2, 4, 1] + [2] * 9 + [None], on=date(2026, 1, 10))
    comparison = compare(first, second)
    assert (comparison.first_on, comparison.second_on) == (date(2025, 1, 10), date(2026, 1, 10))
    assert comparison.improved == (2,) and comparison.declined == (3,)
    assert comparison.changes[12].difference is None
    assert comparison.total_difference == 1


def test_trn_14_compare_takes_the_earlier_filling_as_baseline():
    first = filling([2] * 13, on=date(2025, 1, 10))
    second = filling([4] * 13, on=date(2026, 1, 10))
    assert compare(second, first) == compare(first, second)
    assert compare(second, first).total_difference == 26


@given(a=scores_strategy, b=scores_strategy)
def test_trn_14_comparison_difference_is_the_difference_of_totals(a, b):
    first, second = filling(a, on=date(2025, 1, 1)), filling(b, on=date(2026, 1, 1))
    comparison = compare(first, second)
    assert comparison.total_difference == total(second) - total(first)
    assert set(comparison.improved).isdisjoint(comparison.declined)
