"""LBC-15: the evaluation invitation and its reminders (rules/evaluation.py)."""

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from koers.vouchers.rules import ruleset_for
from koers.vouchers.rules.evaluation import EvaluationStep, evaluation_next_step

RULES = ruleset_for(date(2024, 6, 1))
TODAY = date(2026, 3, 10)


# LBC-15 evaluation steps ---------------------------------------------------------------------
def _step(**kw):
    base = {
        "ended_on": TODAY,
        "invited_on": None,
        "reminders_sent": 0,
        "last_sent_on": None,
        "received": False,
        "correspondence_added": False,
        "today": TODAY,
        "ruleset": RULES,
    }
    base.update(kw)
    return evaluation_next_step(**base)


def test_lbc_15_invite_then_two_reminders_then_correspondence():
    assert _step() == EvaluationStep.INVITE
    assert _step(invited_on=TODAY, last_sent_on=TODAY) is None
    week = TODAY + timedelta(days=7)
    assert _step(invited_on=TODAY, last_sent_on=TODAY, today=week) == EvaluationStep.REMIND
    assert _step(invited_on=TODAY, reminders_sent=1, last_sent_on=week, today=week) is None
    assert _step(
        invited_on=TODAY, reminders_sent=2, last_sent_on=week, today=week + timedelta(days=7)
    ) == (EvaluationStep.ADD_CORRESPONDENCE)


def test_lbc_15_nothing_due_once_received_or_recorded():
    assert _step(received=True) is None
    assert _step(invited_on=TODAY, reminders_sent=2, correspondence_added=True) is None
    assert _step(ended_on=None) is None


@given(st.lists(st.integers(min_value=0, max_value=30), max_size=30))
def test_lbc_15_never_more_than_two_reminders(gaps):
    invited = last = TODAY
    reminders, day = 0, TODAY
    for gap in gaps:
        day += timedelta(days=gap)
        step = _step(invited_on=invited, reminders_sent=reminders, last_sent_on=last, today=day)
        if step == EvaluationStep.REMIND:
            reminders += 1
            last = day
        assert reminders <= RULES.evaluation_reminders
