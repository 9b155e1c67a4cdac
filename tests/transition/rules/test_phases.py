"""TRN-01: the phases, the flow, the coach's role, where a worker is and the milestones."""

from dataclasses import fields, replace
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from koers.transition.rules.phases import (
    CANDIDATE,
    ENFORCED_MILESTONES,
    MAIN_PHASE_LABELS,
    ORDER,
    PHASE_LABELS,
    ROLE_LABELS,
    WORKER,
    CoachRole,
    Flow,
    Milestone,
    Phase,
    Step,
    TrajectoryFacts,
    coach_role,
    flow_of,
    main_phase,
    milestone_warnings,
    phase_of,
    step_refusal,
    worker_word,
)

DAY = date(2026, 3, 2)


def test_trn_01_the_seeds_eight_phases_in_order():
    assert [p.value for p in ORDER] == ["1.1", "1.2", "1.3", "2.1", "2.2", "2.3", "2.4", "3"]
    assert set(PHASE_LABELS) == set(Phase)
    assert str(PHASE_LABELS[Phase.READY]) == "Doorstroomklaar?"
    assert str(PHASE_LABELS[Phase.PLAN]) == "Persoonlijk Doorstroom Plan (PDP)"
    assert MAIN_PHASE_LABELS == {
        "1": "Selectie",
        "2": "Naar de actieve arbeidsmarkt",
        "3": "In de actieve arbeidsmarkt",
    }


@pytest.mark.parametrize(
    ("phase", "main", "flow", "role"),
    [
        (Phase.READY, "1", Flow.IN, CoachRole.GUIDING),
        (Phase.INTAKE, "1", Flow.IN, CoachRole.GUIDING),
        (Phase.ASSESSMENT, "1", Flow.IN, CoachRole.GUIDING),
        (Phase.PLAN, "2", Flow.THROUGH, CoachRole.MEDIATING),
        (Phase.APPLICATION, "2", Flow.THROUGH, CoachRole.MEDIATING),
        (Phase.JOB_HUNTING, "2", Flow.THROUGH, CoachRole.MEDIATING),
        (Phase.THROUGH_MEASURES, "2", Flow.THROUGH, CoachRole.MEDIATING),
        (Phase.IN_WORK, "3", Flow.OUT, CoachRole.SUPPORTING),
    ],
)
def test_trn_01_flow_and_coach_role_per_phase(phase, main, flow, role):
    assert main_phase(phase) == main
    assert flow_of(phase) == flow
    assert coach_role(phase) == role


def test_trn_01_the_roles_are_the_seeds_words():
    assert ROLE_LABELS == {
        CoachRole.GUIDING: "begeleidend",
        CoachRole.MEDIATING: "bemiddelend",
        CoachRole.SUPPORTING: "ondersteunend",
    }


@pytest.mark.parametrize("phase", list(Phase))
def test_trn_01_kandidaat_from_job_hunting_on(phase):
    expected = CANDIDATE if ORDER.index(phase) >= ORDER.index(Phase.JOB_HUNTING) else WORKER
    assert worker_word(phase) == expected
    assert CANDIDATE == "kandidaat"


def test_trn_01_no_referral_no_phase():
    assert phase_of(TrajectoryFacts()) is None


# Each fact, recorded alone on top of the earlier ones, and the phase it brings the worker to.
WALK = [
    ("referred_on", Phase.READY),
    ("invited_on", Phase.INTAKE),
    ("engagement_signed_on", Phase.ASSESSMENT),
    ("assessment_done_on", Phase.PLAN),
    ("plan_made_on", Phase.APPLICATION),
    ("application_action_on", Phase.APPLICATION),
    ("job_hunting_on", Phase.JOB_HUNTING),
    ("through_measure_on", Phase.THROUGH_MEASURES),
    ("transition_on", Phase.IN_WORK),
]


def test_trn_01_the_phase_follows_the_recorded_facts():
    facts = TrajectoryFacts()
    for name, phase in WALK:
        facts = replace(facts, **{name: DAY})
        if name == "engagement_signed_on":
            facts = replace(facts, intake_start=True)
        position = phase_of(facts)
        assert position.phase == phase, name
        assert position.stopped is False
        assert position.reason.rule == "TRN-01"
        assert phase.value in position.reason.message


DATE_FACTS = [name for name, _ in WALK]


@given(st.sets(st.sampled_from(DATE_FACTS), min_size=1))
def test_trn_01_the_furthest_fact_wins_and_the_phase_never_goes_back(recorded):
    facts = TrajectoryFacts(intake_start=True, **dict.fromkeys(recorded, DAY))
    furthest = max((p for n, p in WALK if n in recorded), key=ORDER.index)
    assert phase_of(facts).phase == furthest
    for name in DATE_FACTS:
        more = replace(facts, **{name: DAY})
        assert ORDER.index(phase_of(more).phase) >= ORDER.index(furthest)


def test_trn_02_called_off_stays_in_its_phase_and_says_so():
    facts = TrajectoryFacts(referred_on=DAY, invited_on=DAY, called_off_on=DAY)
    position = phase_of(facts)
    assert (position.phase, position.stopped) == (Phase.INTAKE, True)
    assert position.reason.rule == "TRN-02"
    assert "afgeblazen" in position.reason.message


def test_trn_03_no_start_after_intake_stops_in_the_intake():
    facts = TrajectoryFacts(referred_on=DAY, invited_on=DAY, intake_start=False)
    position = phase_of(facts)
    assert (position.phase, position.stopped) == (Phase.INTAKE, True)
    assert position.reason.rule == "TRN-03"


def test_trn_01_field_list_is_what_the_walk_covers():
    names = {f.name for f in fields(TrajectoryFacts)}
    assert names == set(DATE_FACTS) | {"intake_start", "called_off_on", "kick_off_on"}


@pytest.mark.parametrize("step", list(Step))
def test_trn_01_every_step_after_the_intake_needs_the_engagement_statement(step):
    facts = TrajectoryFacts(referred_on=DAY, invited_on=DAY, intake_start=True)
    refusal = step_refusal(facts, step)
    assert refusal.rule == "TRN-01"
    assert "engagementsverklaring" in refusal.message
    assert step_refusal(replace(facts, engagement_signed_on=DAY), step) is None


@pytest.mark.parametrize("step", list(Step))
def test_trn_02_nothing_is_recorded_once_called_off(step):
    facts = TrajectoryFacts(referred_on=DAY, engagement_signed_on=DAY, called_off_on=DAY)
    assert step_refusal(facts, step).rule == "TRN-02"


def test_trn_01_the_engagement_is_the_one_enforced_milestone():
    assert {Milestone.ENGAGEMENT} == ENFORCED_MILESTONES


def test_trn_01_a_missing_kick_off_warns_once_the_trajectory_runs():
    before = TrajectoryFacts(referred_on=DAY, invited_on=DAY)
    assert milestone_warnings(before) == ()
    running = replace(before, intake_start=True, engagement_signed_on=DAY)
    (warning,) = milestone_warnings(running)
    assert warning.rule == "TRN-01"
    assert "kick-off" in warning.message
    assert milestone_warnings(replace(running, kick_off_on=DAY)) == ()
    assert len(milestone_warnings(replace(running, transition_on=DAY))) == 1
