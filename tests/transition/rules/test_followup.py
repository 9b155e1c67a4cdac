"""rules/followup.py: the checkpoints after a transition (TRN-17)."""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from koers.transition.rules.followup import (
    Checkpoint,
    CheckpointState,
    Destination,
    FollowupRecord,
    FollowupStatus,
    TransitionFacts,
    checkpoint_label,
    checkpoint_views,
    current_employer,
    due_checkpoints,
    due_day,
    employer_changes,
    record_refusal,
    reminders,
    still_in_place,
    stopped_on,
)
from koers.transition.rules.measures import MeasureRules, add_months

FIRST_DAY = date(2026, 3, 2)
DEFAULT_RULES = MeasureRules()
days = st.dates(min_value=date(2015, 1, 1), max_value=date(2035, 12, 31))


def work(*records, employer="Brico"):
    return TransitionFacts(FIRST_DAY, Destination.WORK, employer, tuple(records))


def state(transition, today, checkpoint=Checkpoint.FIRST, rules=DEFAULT_RULES):
    views = {v.checkpoint: v for v in checkpoint_views(transition, today, rules)}
    return views[checkpoint].state


# ---- due days ----------------------------------------------------------------------------------------


def test_trn_17_checkpoints_are_two_weeks_and_six_months_after_the_first_day():
    assert due_day(FIRST_DAY, Checkpoint.FIRST) == date(2026, 3, 16)
    assert due_day(FIRST_DAY, Checkpoint.SECOND) == date(2026, 9, 2)


def test_trn_17_checkpoints_are_parameters():
    rules = MeasureRules(followup_first_weeks=4, followup_second_months=12)
    assert due_day(FIRST_DAY, Checkpoint.FIRST, rules) == date(2026, 3, 30)
    assert due_day(FIRST_DAY, Checkpoint.SECOND, rules) == date(2027, 3, 2)
    assert str(checkpoint_label(Checkpoint.FIRST, rules)) == "na 4 weken"
    assert str(checkpoint_label(Checkpoint.SECOND, rules)) == "na 12 maanden"


def test_trn_17_six_months_from_the_31st_is_the_month_end():
    assert due_day(date(2026, 8, 31), Checkpoint.SECOND) == date(2027, 2, 28)


@given(first=days)
def test_trn_17_due_days_follow_the_first_day(first):
    first_due = due_day(first, Checkpoint.FIRST)
    second_due = due_day(first, Checkpoint.SECOND)
    assert first_due == first + timedelta(days=14)
    assert second_due == add_months(first, 6)
    assert first < first_due < second_due


# ---- states on today ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (date(2026, 3, 2), CheckpointState.UPCOMING),
        (date(2026, 3, 12), CheckpointState.UPCOMING),
        (date(2026, 3, 13), CheckpointState.REMINDER),  # 3 days before
        (date(2026, 3, 15), CheckpointState.REMINDER),
        (date(2026, 3, 16), CheckpointState.DUE),
        (date(2026, 3, 23), CheckpointState.DUE),  # 7 days of grace
        (date(2026, 3, 24), CheckpointState.OVERDUE),
    ],
)
def test_trn_17_first_checkpoint_state_by_day(today, expected):
    assert state(work(), today) == expected


def test_trn_17_recorded_checkpoint_is_no_longer_due():
    record = FollowupRecord(date(2026, 3, 17), FollowupStatus.IN_WORK, checkpoint=Checkpoint.FIRST)
    assert state(work(record), date(2026, 4, 30)) == CheckpointState.RECORDED
    assert due_checkpoints(work(record), date(2026, 4, 30)) == ()


def test_trn_17_stop_before_a_checkpoint_closes_it():
    stop = FollowupRecord(date(2026, 5, 1), FollowupStatus.STOPPED)
    transition = work(stop)
    assert state(transition, date(2026, 12, 1), Checkpoint.SECOND) == CheckpointState.CLOSED
    assert state(transition, date(2026, 12, 1), Checkpoint.FIRST) == CheckpointState.OVERDUE


def test_trn_17_due_checkpoints_lists_due_and_overdue():
    due = due_checkpoints(work(), date(2026, 9, 3))
    assert [v.checkpoint for v in due] == [Checkpoint.FIRST, Checkpoint.SECOND]
    assert [v.state for v in due] == [CheckpointState.OVERDUE, CheckpointState.DUE]


def test_trn_17_reminder_days_are_parameters():
    rules = MeasureRules(followup_reminder_days=10, followup_grace_days=0)
    assert state(work(), date(2026, 3, 6), rules=rules) == CheckpointState.REMINDER
    assert state(work(), date(2026, 3, 16), rules=rules) == CheckpointState.DUE
    assert state(work(), date(2026, 3, 17), rules=rules) == CheckpointState.OVERDUE


@given(first=days, offset=st.integers(min_value=-30, max_value=400))
def test_trn_17_each_checkpoint_moves_forward_through_its_states(first, offset):
    transition = TransitionFacts(first, Destination.IBO)
    today = first + timedelta(days=offset)
    order = [
        CheckpointState.UPCOMING,
        CheckpointState.REMINDER,
        CheckpointState.DUE,
        CheckpointState.OVERDUE,
    ]
    for view in checkpoint_views(transition, today):
        assert view.remind_from == view.due - timedelta(days=3)
        later = {v.checkpoint: v for v in checkpoint_views(transition, today + timedelta(days=1))}
        assert order.index(later[view.checkpoint].state) >= order.index(view.state)
        assert (view.state == CheckpointState.OVERDUE) == (today > view.due + timedelta(days=7))
        assert (view.state in {CheckpointState.DUE, CheckpointState.OVERDUE}) == (today >= view.due)


def test_trn_17_reminders_say_when():
    assert reminders(work(), date(2026, 3, 1)) == ()
    (soon,) = reminders(work(), date(2026, 3, 14))
    assert soon.rule == "TRN-17" and "na 2 weken" in soon.message and "16/03/2026" in soon.message
    (now,) = reminders(work(), date(2026, 3, 16))
    assert "nu aan de beurt" in now.message
    late = reminders(work(), date(2026, 9, 1))
    assert len(late) == 2 and "te laat" in late[0].message and "na 6 maanden" in late[1].message


# ---- still in place ----------------------------------------------------------------------------------


def test_trn_17_still_in_place_unknown_without_records():
    assert still_in_place(work(), Checkpoint.FIRST) is None


@pytest.mark.parametrize("status", [FollowupStatus.IN_WORK, FollowupStatus.IN_IBO])
def test_trn_17_in_work_or_in_ibo_at_the_checkpoint_is_in_place(status):
    transition = TransitionFacts(
        FIRST_DAY,
        Destination.IBO,
        records=(FollowupRecord(date(2026, 3, 16), status, checkpoint=Checkpoint.FIRST),),
    )
    assert still_in_place(transition, Checkpoint.FIRST) is True
    assert still_in_place(transition, Checkpoint.SECOND) is None


def test_trn_17_stopped_before_or_on_the_checkpoint_is_not_in_place():
    assert (
        still_in_place(
            work(FollowupRecord(date(2026, 3, 16), FollowupStatus.STOPPED)), Checkpoint.FIRST
        )
        is False
    )
    early = work(FollowupRecord(date(2026, 3, 5), FollowupStatus.STOPPED))
    assert still_in_place(early, Checkpoint.FIRST) is False
    assert still_in_place(early, Checkpoint.SECOND) is False
    assert stopped_on(early) == date(2026, 3, 5)


def test_trn_17_stopped_after_the_first_checkpoint_still_counts_it():
    transition = work(
        FollowupRecord(date(2026, 3, 16), FollowupStatus.IN_WORK, checkpoint=Checkpoint.FIRST),
        FollowupRecord(date(2026, 5, 1), FollowupStatus.STOPPED),
    )
    assert still_in_place(transition, Checkpoint.FIRST) is True
    assert still_in_place(transition, Checkpoint.SECOND) is False


def test_trn_17_a_later_record_in_place_implies_the_earlier_checkpoint():
    late = work(
        FollowupRecord(date(2026, 9, 2), FollowupStatus.IN_WORK, checkpoint=Checkpoint.SECOND)
    )
    assert still_in_place(late, Checkpoint.FIRST) is True
    assert still_in_place(late, Checkpoint.SECOND) is True


def test_trn_17_a_record_before_the_checkpoint_does_not_tell():
    early = work(FollowupRecord(date(2026, 3, 10), FollowupStatus.IN_WORK))
    assert still_in_place(early, Checkpoint.FIRST) is None


# ---- recording ---------------------------------------------------------------------------------------


def test_trn_17_a_checkpoint_record_on_its_due_day_is_accepted():
    record = FollowupRecord(date(2026, 3, 16), FollowupStatus.IN_WORK, checkpoint=Checkpoint.FIRST)
    assert record_refusal(work(), record, date(2026, 3, 16)) is None


def test_trn_17_a_checkpoint_record_before_its_due_day_is_refused():
    record = FollowupRecord(date(2026, 3, 15), FollowupStatus.IN_WORK, checkpoint=Checkpoint.FIRST)
    refusal = record_refusal(work(), record, date(2026, 3, 15))
    assert refusal.rule == "TRN-17" and "pas vanaf 16/03/2026" in refusal.message


def test_trn_17_a_record_in_the_future_is_refused():
    record = FollowupRecord(date(2026, 3, 20), FollowupStatus.IN_WORK)
    assert "toekomst" in record_refusal(work(), record, date(2026, 3, 19)).message


def test_trn_17_a_record_before_the_first_day_is_refused():
    record = FollowupRecord(date(2026, 3, 1), FollowupStatus.STOPPED)
    assert "eerste dag" in record_refusal(work(), record, date(2026, 3, 19)).message


def test_trn_17_a_checkpoint_recorded_twice_is_refused():
    first = FollowupRecord(date(2026, 3, 16), FollowupStatus.IN_WORK, checkpoint=Checkpoint.FIRST)
    again = FollowupRecord(date(2026, 3, 18), FollowupStatus.IN_WORK, checkpoint=Checkpoint.FIRST)
    assert "al geregistreerd" in record_refusal(work(first), again, date(2026, 3, 18)).message


def test_trn_17_nothing_is_recorded_after_a_stop():
    stop = FollowupRecord(date(2026, 3, 10), FollowupStatus.STOPPED)
    record = FollowupRecord(date(2026, 3, 16), FollowupStatus.IN_WORK, checkpoint=Checkpoint.FIRST)
    assert "afgesloten" in record_refusal(work(stop), record, date(2026, 3, 16)).message


def test_trn_17_in_ibo_after_a_transition_to_work_is_refused():
    record = FollowupRecord(date(2026, 3, 16), FollowupStatus.IN_IBO, checkpoint=Checkpoint.FIRST)
    assert "IBO" in record_refusal(work(), record, date(2026, 3, 16)).message
    ibo = TransitionFacts(FIRST_DAY, Destination.IBO)
    assert record_refusal(ibo, record, date(2026, 3, 16)) is None


def test_trn_17_in_work_after_an_ibo_is_allowed():
    ibo = TransitionFacts(FIRST_DAY, Destination.IBO, "Decathlon")
    record = FollowupRecord(
        date(2026, 9, 2), FollowupStatus.IN_WORK, "Decathlon", Checkpoint.SECOND
    )
    assert record_refusal(ibo, record, date(2026, 9, 2)) is None


def test_trn_17_a_stop_may_be_recorded_any_day_after_the_first():
    record = FollowupRecord(date(2026, 3, 3), FollowupStatus.STOPPED)
    assert record_refusal(work(), record, date(2026, 3, 3)) is None


# ---- employer --------------------------------------------------------------------------------------


def test_trn_17_change_of_employer_is_recorded():
    transition = work(
        FollowupRecord(date(2026, 3, 16), FollowupStatus.IN_WORK, "Brico", Checkpoint.FIRST),
        FollowupRecord(date(2026, 6, 1), FollowupStatus.IN_WORK, "Kinopolis"),
        FollowupRecord(date(2026, 9, 2), FollowupStatus.IN_WORK, None, Checkpoint.SECOND),
    )
    assert employer_changes(transition) == ((date(2026, 6, 1), "Brico", "Kinopolis"),)
    assert current_employer(transition) == "Kinopolis"
    assert current_employer(transition, until=date(2026, 5, 31)) == "Brico"
    assert still_in_place(transition, Checkpoint.SECOND) is True  # another employer is still work


def test_trn_17_no_change_when_the_employer_stays():
    transition = work(FollowupRecord(date(2026, 3, 16), FollowupStatus.IN_WORK, "Brico"))
    assert employer_changes(transition) == ()


def test_trn_17_records_are_read_in_day_order():
    transition = work(
        FollowupRecord(date(2026, 7, 1), FollowupStatus.IN_WORK, "ISS"),
        FollowupRecord(date(2026, 6, 1), FollowupStatus.IN_WORK, "Kinopolis"),
    )
    assert employer_changes(transition) == (
        (date(2026, 6, 1), "Brico", "Kinopolis"),
        (date(2026, 7, 1), "Kinopolis", "ISS"),
    )
