"""TRN-03: the intake — the second coach, the intake form, STARR, the decision, the feedback, the
engagement statement and the kick-off."""

from dataclasses import replace
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from koers.transition.rules.competences import (
    SEED_CODES,
    SEED_COMPETENCES,
    SEED_INDICATORS,
    OrganisationProfile,
    profile_competences,
)
from koers.transition.rules.intake import (
    STARR_LABELS,
    STARR_PROMPTS,
    Decision,
    IntakeFacts,
    KickOffInvitee,
    StarrNote,
    StarrPart,
    decision_refusal,
    engagement_refusal,
    engagement_signed_on,
    feedback_missing,
    intake_warnings,
    kick_off_refusals,
    kick_off_warnings,
    notes_by_competence,
    observation_prompts,
    starr_complete,
    starr_missing,
    starr_refusal,
)
from koers.transition.rules.ruleset import ruleset_for

DAY = date(2026, 3, 2)
RULES = ruleset_for(DAY)
NOTE = StarrNote(
    competence="initiatief",
    situation="Vrachtwagen kwam te vroeg.",
    task="Lossen met de ploeg.",
    action="Zette zelf de transpallet klaar.",
    result="Gelost voor de pauze.",
    reflection="Volgende keer vraag ik de planning op.",
)
HELD = IntakeFacts(
    held_on=DAY,
    coach="An",
    second_coach="Bart",
    second_coach_independent=True,
    administrative_by_worker=True,
    administrative_completed=True,
    starr_notes=(NOTE,),
)


def test_trn_03_starr_is_the_seeds_five_parts_with_its_prompts():
    assert [str(STARR_LABELS[p]) for p in StarrPart] == [
        "Situatie", "Taak", "Acties", "Resultaat", "Reflectie"
    ]  # fmt: skip
    assert STARR_PROMPTS[StarrPart.SITUATION] == ("Wat speelde er?",)
    assert "Wat heb je hieruit geleerd?" in STARR_PROMPTS[StarrPart.REFLECTION]
    assert set(STARR_PROMPTS) == set(StarrPart)


def test_trn_03_a_complete_starr_note_has_all_five_parts_under_a_competence():
    assert starr_complete(NOTE)
    assert starr_refusal(NOTE, SEED_CODES) == ()


@given(st.sets(st.sampled_from(list(StarrPart)), min_size=1))
def test_trn_03_a_starr_note_names_every_missing_part(missing):
    note = replace(NOTE, **{p.value: " " for p in missing})
    assert set(starr_missing(note)) == missing
    assert not starr_complete(note)
    (refusal,) = starr_refusal(note, SEED_CODES)
    assert refusal.rule == "TRN-03"
    for part in missing:
        assert str(STARR_LABELS[part]) in refusal.message


def test_trn_03_a_starr_note_belongs_to_a_competence_of_the_profile():
    (refusal,) = starr_refusal(replace(NOTE, competence="zwemmen"), SEED_CODES)
    assert "competentie" in refusal.message
    assert not starr_complete(replace(NOTE, competence=""))


def test_trn_03_notes_grouped_by_competence():
    other = replace(NOTE, competence="motivatie")
    assert notes_by_competence([NOTE, other, NOTE]) == {
        "initiatief": (NOTE, NOTE),
        "motivatie": (other,),
    }


def test_trn_03_two_independent_coaches_and_the_worker_filling_page_one_give_no_warning():
    assert intake_warnings(HELD, RULES) == ()


@pytest.mark.parametrize(
    ("change", "words"),
    [
        ({"second_coach": ""}, "tweede, onafhankelijke"),
        ({"second_coach": "An"}, "andere dan de eerste"),
        ({"second_coach_independent": False}, "onafhankelijk"),
        ({"administrative_by_worker": False}, "zelf invullen"),
    ],
)
def test_trn_03_the_intake_advice_warns(change, words):
    (warning,) = intake_warnings(replace(HELD, **change), RULES)
    assert warning.rule == "TRN-03"
    assert words in warning.message


def test_trn_03_the_second_coach_is_not_asked_when_the_ruleset_says_so():
    rules = replace(RULES, intake_second_coach_preferred=False)
    assert intake_warnings(replace(HELD, second_coach=""), rules) == ()


@pytest.mark.parametrize("decision", list(Decision))
def test_trn_03_a_held_and_completed_intake_may_be_decided(decision):
    assert decision_refusal(HELD, decision, DAY) == ()


def test_trn_03_the_decision_needs_the_interview_and_the_completed_form():
    facts = IntakeFacts()
    refusals = decision_refusal(facts, Decision.START, DAY)
    assert len(refusals) == 3
    assert {r.rule for r in refusals} == {"TRN-03"}
    # "no start" needs no STARR example
    assert len(decision_refusal(facts, Decision.NO_START, DAY)) == 2


def test_trn_03_the_decision_is_not_before_the_interview():
    (refusal,) = decision_refusal(HELD, Decision.NO_START, date(2026, 3, 1))
    assert "vóór" in refusal.message


def test_trn_03_feedback_goes_to_the_worker_and_the_supervisors():
    assert feedback_missing(HELD) == ()  # nothing decided yet
    decided = replace(HELD, decision=Decision.NO_START, decided_on=DAY)
    assert len(feedback_missing(decided)) == 2
    told = replace(decided, feedback_worker_on=DAY)
    (missing,) = feedback_missing(told)
    assert "omkadering" in missing.message
    assert feedback_missing(replace(told, feedback_supervisors_on=DAY)) == ()


STARTED = replace(HELD, decision=Decision.START, decided_on=DAY)


def test_trn_03_the_engagement_statement_signed_by_both_is_the_first_milestone():
    signed = replace(
        STARTED, engagement_worker_signed_on=DAY, engagement_coach_signed_on=date(2026, 3, 4)
    )
    assert engagement_refusal(signed) is None
    assert engagement_signed_on(signed) == date(2026, 3, 4)


@pytest.mark.parametrize(
    "facts",
    [
        replace(HELD, engagement_worker_signed_on=DAY, engagement_coach_signed_on=DAY),
        replace(
            HELD,
            decision=Decision.NO_START,
            engagement_worker_signed_on=DAY,
            engagement_coach_signed_on=DAY,
        ),
        replace(STARTED, engagement_worker_signed_on=DAY),
        replace(STARTED, engagement_coach_signed_on=DAY),
        replace(
            STARTED, engagement_worker_signed_on=date(2026, 3, 1), engagement_coach_signed_on=DAY
        ),
    ],
)
def test_trn_03_no_engagement_without_a_start_both_signatures_and_after_the_decision(facts):
    refusal = engagement_refusal(facts)
    assert refusal.rule == "TRN-03"
    assert engagement_signed_on(facts) is None


def test_trn_03_the_kick_off_invites_the_selected_with_their_supervisors():
    ok = KickOffInvitee("Jan", True, ("Ploegbaas Els",), frozenset({"Ploegbaas Els"}))
    partly = KickOffInvitee(
        "Mia", True, ("Instructeur Tom", "Begeleider Ria"), frozenset({"Instructeur Tom"})
    )
    stranger = KickOffInvitee("Piet", False)
    assert kick_off_refusals([ok, partly]) == ()
    (refusal,) = kick_off_refusals([ok, stranger])
    assert refusal.rule == "TRN-03"
    assert "Piet" in refusal.message
    (warning,) = kick_off_warnings([ok, partly, stranger])
    assert "Mia" in warning.message
    assert "Begeleider Ria" in warning.message
    assert "Instructeur Tom" not in warning.message


def test_trn_03_observation_prompts_follow_the_profile_and_its_indicators():
    prompts = observation_prompts(profile_competences(OrganisationProfile()), SEED_INDICATORS)
    assert [p.competence for p in prompts] == [c.code for c in SEED_COMPETENCES]
    initiatief = next(p for p in prompts if p.competence == "initiatief")
    assert initiatief.definition.startswith("Zelfstandig werken")
    assert initiatief.cues[0] == "Ziet werk, maar moet aangepord worden om het aan te pakken."
    assert len(initiatief.cues) == 4
    motivatie = next(p for p in prompts if p.competence == "motivatie")
    assert (motivatie.definition, motivatie.cues) == ("", ())
