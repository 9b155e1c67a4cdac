"""TRN-02, TRN-15: the referral — who proposes and why, the dialogue, the checks before the
invitation to intake, calling off, and the referral's states."""

from dataclasses import replace
from itertools import product

import pytest
from hypothesis import given
from hypothesis import strategies as st

from koers.transition.rules.referral import (
    DIALOGUE_QUESTIONS,
    PRETEXT_LABELS,
    REFERRAL_TRANSITIONS,
    STATE_LABELS,
    CallOffGround,
    DialoguePoint,
    PretextSignal,
    Proposer,
    ReferralFacts,
    ReferralState,
    call_off_refusal,
    invitation_refusal,
    missing_dialogue_points,
    proposal_refusals,
    referral_state_refusal,
)

ANSWERS = {
    DialoguePoint.MOTIVATION: "Wil meer verdienen en vast werk.",
    DialoguePoint.STRENGTHS: "Stipt; aandachtspunt: tempo.",
    DialoguePoint.WHY_READY: "Werkt zelfstandig in de ploeg.",
    DialoguePoint.JOB_TARGET: "Magazijnier.",
}
READY = ReferralFacts(
    proposed_by=Proposer.SUPERVISOR,
    why="Voelt zich klaar en de ploegbaas steunt het.",
    answers=ANSWERS,
    basic_dutch_confirmed=True,
    no_pretext_confirmed=True,
    state=ReferralState.DIALOGUE,
)


def test_trn_02_anyone_may_propose_the_worker_too():
    assert Proposer.WORKER in Proposer
    for proposer in Proposer:
        assert proposal_refusals(replace(READY, proposed_by=proposer)) == ()


def test_trn_15_the_referral_records_who_and_why():
    refusals = proposal_refusals(ReferralFacts(why="  "))
    assert [r.rule for r in refusals] == ["TRN-15", "TRN-15"]
    assert "wie" in refusals[0].message
    assert "waarom" in refusals[1].message


def test_trn_02_the_four_dialogue_questions_are_the_seeds():
    assert list(DIALOGUE_QUESTIONS) == list(DialoguePoint)
    assert DIALOGUE_QUESTIONS[DialoguePoint.JOB_TARGET] == (
        "Heeft de doelgroepwerknemer een duidelijk jobdoelwit?"
    )
    assert "(intrinsieke) motivering" in DIALOGUE_QUESTIONS[DialoguePoint.MOTIVATION]


def test_trn_02_a_ready_referral_may_be_invited():
    assert invitation_refusal(READY) == ()


@given(st.sets(st.sampled_from(list(DialoguePoint))))
def test_trn_02_each_unanswered_dialogue_point_blocks_the_invitation(unanswered):
    answers = {p: ("   " if p in unanswered else a) for p, a in ANSWERS.items()}
    facts = replace(READY, answers=answers)
    assert set(missing_dialogue_points(facts)) == unanswered
    refusals = invitation_refusal(facts)
    assert bool(refusals) == bool(unanswered)
    if unanswered:
        assert refusals[0].rule == "TRN-02"


def test_trn_15_basic_dutch_must_be_confirmed():
    (refusal,) = invitation_refusal(replace(READY, basic_dutch_confirmed=False))
    assert refusal.rule == "TRN-15"
    assert "basiskennis Nederlands" in refusal.message


def test_trn_15_the_coach_confirms_it_is_no_pretext_with_the_seeds_examples():
    (refusal,) = invitation_refusal(replace(READY, no_pretext_confirmed=False))
    assert refusal.rule == "TRN-15"
    assert "voorwendsel" in refusal.message
    assert "einde subsidie" in refusal.message
    assert "herhaaldelijk slecht functioneren" in refusal.message


@pytest.mark.parametrize("signal", list(PretextSignal))
def test_trn_15_a_noticed_pretext_blocks_even_when_confirmed(signal):
    (refusal,) = invitation_refusal(replace(READY, pretext_signals=frozenset({signal})))
    assert refusal.rule == "TRN-15"
    assert str(PRETEXT_LABELS[signal]) in refusal.message


@pytest.mark.parametrize("state", [s for s in ReferralState if s != ReferralState.DIALOGUE])
def test_trn_02_only_a_referral_in_dialogue_is_invited(state):
    (refusal,) = invitation_refusal(replace(READY, state=state))
    assert refusal.rule == "TRN-02"
    assert str(STATE_LABELS[state]) in refusal.message


def test_trn_02_everything_missing_is_listed_at_once():
    rules = [r.rule for r in invitation_refusal(ReferralFacts())]
    assert rules == ["TRN-15", "TRN-15", "TRN-02", "TRN-02", "TRN-15", "TRN-15"]


ALLOWED = {
    (ReferralState.PROPOSED, ReferralState.DIALOGUE),
    (ReferralState.DIALOGUE, ReferralState.INVITED),
    (ReferralState.INVITED, ReferralState.INTAKE),
    (ReferralState.PROPOSED, ReferralState.CALLED_OFF),
    (ReferralState.DIALOGUE, ReferralState.CALLED_OFF),
    (ReferralState.INVITED, ReferralState.CALLED_OFF),
    (ReferralState.INTAKE, ReferralState.CALLED_OFF),
}


@pytest.mark.parametrize(("current", "new"), list(product(ReferralState, ReferralState)))
def test_trn_02_the_referral_state_table_is_complete(current, new):
    refusal = referral_state_refusal(current, new)
    assert (refusal is None) == ((current, new) in ALLOWED)
    if refusal is not None:
        assert refusal.rule == "TRN-02"
        assert str(STATE_LABELS[current]) in refusal.message


def test_trn_02_the_table_names_every_state():
    assert set(REFERRAL_TRANSITIONS) == set(ReferralState)
    assert set(STATE_LABELS) == set(ReferralState)
    assert REFERRAL_TRANSITIONS[ReferralState.CALLED_OFF] == frozenset()


@pytest.mark.parametrize("state", [s for s in ReferralState if s != ReferralState.CALLED_OFF])
def test_trn_02_calling_off_needs_a_ground_and_a_reason(state):
    ground = CallOffGround.LACK_OF_ENGAGEMENT
    assert call_off_refusal(state, ground, "Kwam drie keer niet naar het jobcenter.") is None
    assert call_off_refusal(state, None, "iets").rule == "TRN-02"
    refusal = call_off_refusal(state, ground, "  ")
    assert refusal.rule == "TRN-02"
    assert "reden" in refusal.message


def test_trn_02_a_called_off_referral_is_not_called_off_again():
    refusal = call_off_refusal(ReferralState.CALLED_OFF, CallOffGround.OTHER, "nog eens")
    assert refusal.rule == "TRN-02"
