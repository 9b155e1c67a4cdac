"""rules/ladder.py: the first-appointment ladder on every path of seed 004 (MED-02, MED-03,
MED-04)."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from koers.mediation.rules import RULESETS
from koers.mediation.rules.ladder import (
    APPOINTMENT,
    TRANSITIONS,
    AbsenceReason,
    AppointmentKind,
    LadderError,
    LadderState,
    Outcome,
    ladder_fold,
    ladder_step,
    next_step,
    outcome_refusal,
    replan_on_time,
    reschedule_refusal,
)

RS = RULESETS[0]
P, NONE, VALID, INVALID = (
    Outcome.PRESENT,
    Outcome.ABSENT_NONE,
    Outcome.ABSENT_VALID,
    Outcome.ABSENT_INVALID,
)


# ---- MED-03: every path of the seed's text and annexes 1-2 --------------------------------------


@pytest.mark.parametrize(
    ("outcomes", "end"),
    [
        ((P,), LadderState.PRESENT),
        # 1. ordinary 1st: invalid / none -> registered 2nd; valid -> ordinary 2nd
        ((INVALID,), LadderState.REGISTERED_2),
        ((NONE,), LadderState.REGISTERED_2),
        ((VALID,), LadderState.ORDINARY_2),
        # 2. registered 2nd after invalid: invalid/none -> stop (option 1); valid -> registered 3rd
        ((INVALID, INVALID), LadderState.STOPPED),
        ((INVALID, NONE), LadderState.STOPPED),
        ((NONE, NONE), LadderState.STOPPED),
        ((INVALID, VALID), LadderState.REGISTERED_3),
        ((INVALID, P), LadderState.PRESENT),
        # 3. ordinary 2nd after valid: absent for any reason -> registered 3rd
        ((VALID, VALID), LadderState.REGISTERED_3),
        ((VALID, INVALID), LadderState.REGISTERED_3),
        ((VALID, NONE), LadderState.REGISTERED_3),
        ((VALID, P), LadderState.PRESENT),
        # 4. registered 3rd: absent for any reason -> stop
        ((INVALID, VALID, VALID), LadderState.STOPPED),
        ((INVALID, VALID, INVALID), LadderState.STOPPED),
        ((VALID, VALID, VALID), LadderState.STOPPED),
        ((VALID, INVALID, NONE), LadderState.STOPPED),
        ((VALID, VALID, P), LadderState.PRESENT),
        ((INVALID, VALID, P), LadderState.PRESENT),
    ],
)
def test_med_03_ladder_paths_of_the_seed(outcomes, end):
    assert ladder_fold(outcomes) == end


def test_med_03_appointment_kinds_per_state():
    assert APPOINTMENT[LadderState.ORDINARY_1] == (1, AppointmentKind.ORDINARY)
    assert ladder_step(LadderState.ORDINARY_1, INVALID).next_kind == AppointmentKind.REGISTERED
    assert ladder_step(LadderState.ORDINARY_1, VALID).next_kind == AppointmentKind.ORDINARY
    assert ladder_step(LadderState.ORDINARY_2, VALID).next_kind == AppointmentKind.REGISTERED
    assert ladder_step(LadderState.REGISTERED_2, VALID).next_kind == AppointmentKind.REGISTERED


def test_med_03_third_absence_is_recorded_invalid_and_stops_with_signal():
    step = ladder_step(LadderState.REGISTERED_3, VALID)
    assert step.stops and step.recorded_reason == AbsenceReason.INVALID
    assert "service geweigerd wegens afwezigheid" in step.reasons[0].message
    assert step.reasons[0].rule == "MED-03"


def test_med_02_no_reason_counts_as_invalid():
    assert (
        ladder_step(LadderState.ORDINARY_1, NONE).after
        == ladder_step(LadderState.ORDINARY_1, INVALID).after
    )
    assert ladder_step(LadderState.ORDINARY_1, NONE).recorded_reason == AbsenceReason.NONE


def test_med_03_terminal_states_refuse_more_outcomes():
    for state in (LadderState.PRESENT, LadderState.STOPPED):
        with pytest.raises(LadderError) as err:
            ladder_step(state, P)
        assert err.value.reason.rule == "MED-03"


def test_med_03_transition_table_is_complete_for_open_states():
    for state in APPOINTMENT:
        for outcome in Outcome:
            assert (state, outcome) in TRANSITIONS


@given(st.lists(st.sampled_from(list(Outcome)), min_size=1, max_size=8))
def test_med_03_no_sequence_gets_past_the_third_absence(outcomes):
    state = LadderState.ORDINARY_1
    absences = 0
    for outcome in outcomes:
        if state in (LadderState.PRESENT, LadderState.STOPPED):
            with pytest.raises(LadderError):
                ladder_step(state, outcome)
            break
        step = ladder_step(state, outcome)
        # A registered appointment is still a referral appointment; at most 3 of them.
        assert APPOINTMENT[state][0] <= 3
        if outcome != P:
            absences += 1
        state = step.after
        if absences >= 3:
            assert state == LadderState.STOPPED
    assert absences <= 3


@given(st.lists(st.sampled_from([NONE, VALID, INVALID]), min_size=3, max_size=3))
def test_med_03_three_absences_always_stop(outcomes):
    state = LadderState.ORDINARY_1
    for outcome in outcomes:
        if state == LadderState.STOPPED:
            break
        state = ladder_step(state, outcome).after
    assert state == LadderState.STOPPED


def test_med_04_present_passes_mediatorship():
    step = ladder_step(LadderState.REGISTERED_3, P)
    assert step.after == LadderState.PRESENT and step.reasons[0].rule == "MED-04"


def test_med_03_next_step_says_the_deadline_and_what_stops():
    absent = date(2025, 3, 10)
    nxt = next_step(
        state=LadderState.REGISTERED_2,
        last_absent_on=absent,
        appointment_made=False,
        today=date(2025, 3, 12),
        ruleset=RS,
    )
    assert nxt.plan_by == date(2025, 3, 17) and not nxt.late
    assert nxt.kind == AppointmentKind.REGISTERED and nxt.stops_on_next_invalid_absence
    late = next_step(
        state=LadderState.REGISTERED_3,
        last_absent_on=absent,
        appointment_made=False,
        today=date(2025, 3, 20),
        ruleset=RS,
    )
    assert late.late and late.stops_on_next_absence


def test_med_03_replan_target_warns_never_blocks():
    assert replan_on_time(absent_on=date(2025, 3, 1), fixed_on=date(2025, 3, 8), ruleset=RS) is None
    warning = replan_on_time(absent_on=date(2025, 3, 1), fixed_on=date(2025, 3, 12), ruleset=RS)
    assert warning.rule == "MED-03"


def test_med_02_reschedule_only_when_mediator_unavailable_never_changes_type():
    ok = reschedule_refusal(
        appointment_outcome=None,
        mediator_unavailable=True,
        kind_before="ordinary",
        kind_after="ordinary",
    )
    assert ok is None
    after_absence = reschedule_refusal(
        appointment_outcome="absent", mediator_unavailable=True, kind_before="o", kind_after="o"
    )
    assert after_absence.rule == "MED-02" and "Nieuwe eerste afspraak" in after_absence.message
    assert reschedule_refusal(
        appointment_outcome=None, mediator_unavailable=False, kind_before="o", kind_after="o"
    )
    assert reschedule_refusal(
        appointment_outcome=None,
        mediator_unavailable=True,
        kind_before="ordinary",
        kind_after="registered",
    )
    assert outcome_refusal(planned_on_or_before_now=False).rule == "MED-02"
