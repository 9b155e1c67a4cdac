"""LBC rules beyond hours: entitlement, intake, POP, dossier, evaluation, aftercare, scope, certificate, phases."""

from dataclasses import replace
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from koers.vouchers.rules import ruleset_for
from koers.vouchers.rules.aftercare import (
    aftercare_deadline,
    aftercare_refusal,
    aftercare_within_right,
)
from koers.vouchers.rules.certificate import academic_year_start, certificate_refusal
from koers.vouchers.rules.dossier import (
    DossierFacts,
    GuidanceContact,
    closes_early,
    dossier_checklist,
    dossier_complete,
    open_at_closing,
)
from koers.vouchers.rules.entitlement import voucher_entitlement
from koers.vouchers.rules.evaluation import EvaluationStep, evaluation_next_step
from koers.vouchers.rules.intake import INTAKE_TOPICS, missing_intake_topics
from koers.vouchers.rules.phases import Phase, can_move
from koers.vouchers.rules.pop import (
    Action,
    MalformedPop,
    PopFacts,
    pop_blocks_finalising,
    pop_facts_from_content,
    pop_file_name,
    pop_is_empty,
    pop_problems,
    pop_title,
)
from koers.vouchers.rules.scope import scope_warnings

RULES = ruleset_for(date(2024, 6, 1))
TODAY = date(2026, 3, 10)


# LBC-01 -------------------------------------------------------------------------------------
def test_lbc_01_client_from_before_the_reform_may_use_a_second_voucher():
    ent = voucher_entitlement(started_on=[date(2024, 5, 1)], today=TODAY)
    assert ent.allowed and ent.next_number == 2 and ent.limit == 2


def test_lbc_01_new_client_under_2025_reform_gets_one_voucher():
    assert voucher_entitlement(started_on=[], today=TODAY).next_number == 1
    ent = voucher_entitlement(started_on=[date(2025, 9, 1)], today=TODAY)
    assert not ent.allowed
    assert "maximum is 1" in ent.reason.message


def test_lbc_01_never_a_third_voucher():
    ent = voucher_entitlement(
        started_on=[date(2023, 1, 5), date(2024, 2, 1)], today=date(2024, 6, 1)
    )
    assert not ent.allowed
    assert ent.reason.rule == "LBC-01"


# LBC-10 -------------------------------------------------------------------------------------
def test_lbc_10_intake_has_the_ten_topics_of_the_seed():
    assert len(INTAKE_TOPICS) == 10
    assert missing_intake_topics(set(INTAKE_TOPICS)) == []
    assert missing_intake_topics({"confidentiality"})[0] == "right_to_guidance"


# LBC-12 / 13 / 14 ---------------------------------------------------------------------------
GOOD_ACTION = Action("Solliciteren bij drie woonzorgcentra", date(2026, 4, 1), "cliënt")


def _pop(**kw):
    base = {
        "sections": {
            "career_question": "Blijf ik in de zorg?",
            "reflections": "Ik haal energie uit contact.",
        },
        "actions": (GOOD_ACTION,),
    }
    base.update(kw)
    return PopFacts(**base)


def test_lbc_12_title_per_voucher_and_combined():
    assert pop_title((1,)) == "POP (loopbaancheque 1)"
    assert pop_title((2,)) == "POP (loopbaancheque 2)"
    assert pop_title((2, 1)) == "POP (loopbaancheque 1 en 2)"


def test_lbc_12_complete_action_pop_has_no_problems():
    assert pop_problems(_pop(), actions_required=False) == []


@pytest.mark.parametrize(
    ("action", "expected"),
    [
        (Action("Nadenken over mijn toekomst", date(2026, 4, 1), "cliënt"), "concrete handeling"),
        (Action("Solliciteren bij drie woonzorgcentra", None, "cliënt"), "datum"),
        (Action("Solliciteren bij drie woonzorgcentra", date(2026, 4, 1), ""), "verantwoordelijke"),
        (Action("Misschien eens solliciteren", date(2026, 4, 1), "cliënt"), "concrete handeling"),
    ],
)
def test_lbc_12_action_without_verb_date_or_owner_is_flagged(action, expected):
    reasons = pop_problems(_pop(actions=(action,)), actions_required=False)
    assert any(expected in r.message for r in reasons)
    assert all(r.rule == "LBC-12" for r in reasons)


def test_lbc_12_reflexive_pop_without_actions_only_warned_by_default():
    pop = _pop(
        actions=(),
        style="reflexive",
        sections={"career_question": "x", "reflections": "y", "choices": "z"},
    )
    reasons = pop_problems(pop, actions_required=False)
    assert [r.rule for r in reasons] == ["LBC-12"]
    assert "geen concrete acties" in reasons[0].message
    assert not pop_blocks_finalising(reasons, actions_required=False)
    reasons = pop_problems(pop, actions_required=True)
    assert reasons and pop_blocks_finalising(reasons, actions_required=True)


def test_lbc_12_pop_with_nothing_written_is_empty():
    assert pop_is_empty(PopFacts(sections={"career_question": "  ", "reflections": ""}))
    assert not pop_is_empty(PopFacts(sections={"career_question": "Blijf ik in de zorg?"}))
    assert not pop_is_empty(PopFacts(sections={}, actions=(GOOD_ACTION,)))


@pytest.mark.parametrize(
    "content",
    [
        "tekst",
        {"actions": "Twee dagen meelopen in een dagcentrum"},
        {"actions": ["Meelopen"]},
        {"actions": [{"what": "Meelopen", "by_when": "eind volgende maand"}]},
        {"actions": [{"what": "Meelopen", "voucher": 3}]},
        {"sections": "Loopbaanvraag"},
        {"sections": {"loopbaanvraag": "x"}},
        {"career_question": "x", "reflections": "y"},
        {"style": "dromerig"},
        {"covered": {"3": "x"}},
    ],
)
def test_lbc_12_malformed_pop_content_is_refused_loudly(content):
    with pytest.raises(MalformedPop):
        pop_facts_from_content(content, (1,))


def test_lbc_12_lbc_13_well_formed_content_is_read():
    facts = pop_facts_from_content(
        {
            "style": "reflexive",
            "sections": {"career_question": "x"},
            "actions": [
                {"what": "Bellen", "by_when": "2026-04-01", "by_whom": "cliënt", "voucher": 2},
                {"what": "Mailen", "by_when": "", "by_whom": ""},
            ],
            "covered": {"1": "Intake"},
        },
        (1, 2),
    )
    assert facts.actions[0] == Action("Bellen", date(2026, 4, 1), "cliënt", 2)
    assert facts.actions[1].by_when is None
    assert facts.covered == {1: "Intake"} and facts.style == "reflexive"


def test_lbc_12_action_pop_without_concrete_actions_warns_but_does_not_block_by_default():
    pop = _pop(actions=(Action("Nadenken", None, ""),))
    reasons = pop_problems(pop, actions_required=False)
    assert any("geen concrete acties" in r.message for r in reasons)
    assert not pop_blocks_finalising(reasons, actions_required=False)
    assert pop_blocks_finalising(reasons, actions_required=True)


def test_lbc_12_missing_career_question_blocks():
    reasons = pop_problems(_pop(sections={"reflections": "y"}), actions_required=False)
    assert pop_blocks_finalising(reasons, actions_required=False)


def test_lbc_13_combined_pop_must_show_each_voucher():
    pop = _pop(vouchers=(1, 2), actions=(replace(GOOD_ACTION, voucher=1),))
    reasons = pop_problems(pop, actions_required=False)
    assert [r.rule for r in reasons] == ["LBC-13"]
    assert "cheque 2" in reasons[0].message
    ok = replace(pop, covered={2: "Arbeidsmarktonderzoek en netwerkgesprekken."})
    assert pop_problems(ok, actions_required=False) == []


def test_lbc_14_file_name():
    assert pop_file_name("Ann", "Peeters") == "POP Ann Peeters"
    assert pop_file_name("Ann", "Peeters", 2) == "POP Ann Peeters cheque 2"


# LBC-11 / 13 / 15 dossier -------------------------------------------------------------------
def _facts(**kw):
    base = {
        "voucher_number": 1,
        "counted_minutes": 240,
        "individual_minutes": 180,
        "contract_original": True,
        "code_of_conduct_given": True,
        "contacts": (GuidanceContact("02/03/2026 10:00", False, True, False),),
        "pop_copy": True,
        "pop_checklist": False,
        "pop_follows_with_voucher_2": False,
        "intake_topics_missing": 0,
        "evaluation_received": True,
        "evaluation_correspondence_added": False,
        "aftercare_informed": True,
    }
    base.update(kw)
    return DossierFacts(**base)


def _failing(facts):
    return [i.key for i in dossier_checklist(facts, RULES) if not i.ok]


def test_lbc_11_complete_dossier():
    assert dossier_complete(dossier_checklist(_facts(), RULES))


@pytest.mark.parametrize(
    ("change", "key"),
    [
        ({"contract_original": False}, "contract"),
        ({"code_of_conduct_given": False}, "code_of_conduct"),
        ({"contacts": (GuidanceContact("a", False, False, False),)}, "attendance"),
        ({"contacts": (GuidanceContact("b", True, True, False),)}, "attendance"),
        ({"pop_copy": False}, "pop"),
        ({"counted_minutes": 210}, "hours"),
        ({"individual_minutes": 120}, "individual"),
        ({"intake_topics_missing": 2}, "intake"),
    ],
)
def test_lbc_11_each_missing_piece_blocks_delivery(change, key):
    assert _failing(_facts(**change)) == [key]


def test_lbc_06_video_contact_needs_screenshot_not_signature():
    facts = _facts(contacts=(GuidanceContact("v", True, False, True),))
    assert _failing(facts) == []


def test_lbc_11_checklist_pop_replaces_the_copy():
    assert _failing(_facts(pop_copy=False, pop_checklist=True)) == []


def test_lbc_13_combined_pop_noted_on_voucher_1():
    assert _failing(_facts(pop_copy=False, pop_follows_with_voucher_2=True)) == []


def test_lbc_15_evaluation_or_reminder_correspondence():
    assert _failing(_facts(evaluation_received=False)) == ["evaluation"]
    assert _failing(_facts(evaluation_received=False, evaluation_correspondence_added=True)) == []


def test_lbc_11_attendance_lists_only_the_contacts_without_a_signed_sheet():
    facts = _facts(
        contacts=(
            GuidanceContact("02/02/2026 10:00", False, True, False),
            GuidanceContact("16/02/2026 10:00", False, False, False),
        )
    )
    item = next(i for i in dossier_checklist(facts, RULES) if i.key == "attendance")
    assert not item.ok
    assert "16/02/2026 10:00" in item.reason.message and "02/02/2026" not in item.reason.message


def test_closing_with_hours_short_is_early_and_names_the_rule():
    items = dossier_checklist(
        _facts(counted_minutes=180, individual_minutes=180, evaluation_received=False), RULES
    )
    early = closes_early(items)
    assert early is not None and early.rule == "LBC-01"
    assert "180 van 240" in early.message
    assert [i.key for i in open_at_closing(items)] == ["hours"]  # the evaluation follows closing


def test_closing_with_the_individual_minimum_short_is_early():
    items = dossier_checklist(_facts(individual_minutes=120), RULES)
    assert closes_early(items).rule == "LBC-03"


def test_closing_with_only_documents_open_is_not_early():
    items = dossier_checklist(
        _facts(contract_original=False, code_of_conduct_given=False, evaluation_received=False),
        RULES,
    )
    assert closes_early(items) is None
    assert [i.key for i in open_at_closing(items)] == ["contract", "code_of_conduct"]


def test_lbc_03_individual_minimum_on_second_voucher_is_three_hours():
    assert _failing(_facts(voucher_number=2, individual_minutes=150)) == ["individual"]


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


# LBC-18 aftercare ------------------------------------------------------------------------------
SYNTHESIS = date(2026, 1, 15)


def test_lbc_18_thirty_minutes_within_a_year():
    assert (
        aftercare_refusal(minutes=30, on=date(2026, 6, 1), synthesis_date=SYNTHESIS, ruleset=RULES)
        is None
    )


@pytest.mark.parametrize(
    ("minutes", "on", "text"),
    [
        (20, date(2026, 6, 1), "per half uur"),
        (45, date(2026, 6, 1), "per half uur"),
        (0, date(2026, 6, 1), "per half uur"),
        (30, date(2027, 1, 16), "een jaar"),
        (30, date(2026, 1, 10), "na het synthesegesprek"),
    ],
)
def test_lbc_18_refusals(minutes, on, text):
    reason = aftercare_refusal(minutes=minutes, on=on, synthesis_date=SYNTHESIS, ruleset=RULES)
    assert reason.rule == "LBC-18" and text in reason.message


def test_lbc_18_more_than_thirty_minutes_may_be_registered():
    assert (
        aftercare_refusal(minutes=60, on=date(2026, 6, 1), synthesis_date=SYNTHESIS, ruleset=RULES)
        is None
    )
    assert aftercare_within_right(90, RULES) == 30
    assert aftercare_within_right(0, RULES) == 0


def test_lbc_18_no_aftercare_before_a_synthesis():
    assert aftercare_refusal(minutes=30, on=TODAY, synthesis_date=None, ruleset=RULES)


def test_lbc_18_deadline_is_the_same_date_a_year_later():
    assert aftercare_deadline(SYNTHESIS, RULES) == date(2027, 1, 15)
    # 365 days after 2027-03-01 is 2028-02-29: a calendar year runs to 2028-03-01.
    assert aftercare_deadline(date(2027, 3, 1), RULES) == date(2028, 3, 1)
    assert (
        aftercare_refusal(
            minutes=30, on=date(2028, 3, 1), synthesis_date=date(2027, 3, 1), ruleset=RULES
        )
        is None
    )


def test_lbc_18_deadline_from_29_february_is_28_february():
    assert aftercare_deadline(date(2028, 2, 29), RULES) == date(2029, 2, 28)
    assert aftercare_refusal(
        minutes=30, on=date(2029, 3, 1), synthesis_date=date(2028, 2, 29), ruleset=RULES
    )


@given(synthesis=st.dates(date(2019, 1, 1), date(2040, 12, 31)), days=st.integers(0, 800))
def test_lbc_18_window_is_one_calendar_year_inclusive(synthesis, days):
    on = synthesis + timedelta(days=days)
    try:
        same_date_next_year = synthesis.replace(year=synthesis.year + 1)
    except ValueError:  # 29 February
        same_date_next_year = date(synthesis.year + 1, 2, 28)
    refused = aftercare_refusal(minutes=30, on=on, synthesis_date=synthesis, ruleset=RULES)
    assert (refused is None) == (on <= same_date_next_year)
    assert aftercare_deadline(synthesis, RULES) == same_date_next_year


@given(minutes=st.integers(-60, 1000))
def test_lbc_18_any_number_of_half_hours_may_be_registered(minutes):
    refused = aftercare_refusal(
        minutes=minutes, on=date(2026, 6, 1), synthesis_date=SYNTHESIS, ruleset=RULES
    )
    assert (refused is None) == (minutes > 0 and minutes % 30 == 0)
    if minutes >= 0:
        assert aftercare_within_right(minutes, RULES) == min(minutes, 30)


# LBC-19 scope ----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("question", "exclusion"),
    [
        ("Ik zit thuis met een burn-out en wil herstellen", "burnout"),
        ("Ik zoek therapie voor mijn rouwverwerking", "therapy"),
        ("Welke studie moet mijn zoon kiezen? Studiekeuze", "study_advice"),
        ("Ik ben ontslagen en de werkgever betaalt outplacement", "outplacement"),
        ("Hoe bereid ik mijn pensioen voor?", "end_of_career"),
        ("Ik wil mijn businessplan laten nakijken", "business_coaching"),
    ],
)
def test_lbc_19_excluded_questions_raise_a_warning_with_the_risk(question, exclusion):
    warnings = scope_warnings(question, RULES)
    assert exclusion in [w.exclusion for w in warnings]
    assert all(w.reason.rule == "LBC-19" for w in warnings)
    assert "€ 1.020" in warnings[0].reason.message


def test_lbc_19_plain_career_question_raises_nothing():
    assert (
        scope_warnings(
            "Ik werk twintig jaar als boekhouder en zoek meer contact met mensen.", RULES
        )
        == []
    )


# LBC-20 certificate ----------------------------------------------------------------------------
def _cert(**kw):
    base = {
        "already_issued": False,
        "training_named_in_pop": True,
        "guidance_started_on": date(2026, 3, 1),
        "benefit_academic_year_start": date(2026, 9, 1),
        "only_to_obtain_benefit": False,
    }
    base.update(kw)
    return certificate_refusal(**base)


def test_lbc_20_certificate_allowed():
    assert _cert() is None


@pytest.mark.parametrize(
    "change",
    [
        {"already_issued": True},
        {"training_named_in_pop": False},
        {"guidance_started_on": date(2026, 10, 1)},
        {"only_to_obtain_benefit": True},
    ],
)
def test_lbc_20_certificate_refused_with_reason(change):
    reason = _cert(**change)
    assert reason is not None and reason.rule == "LBC-20"


def test_lbc_20_academic_year_starts_first_of_september():
    assert academic_year_start(date(2026, 8, 31)) == date(2025, 9, 1)
    assert academic_year_start(date(2026, 9, 1)) == date(2026, 9, 1)


# LBC-21 phases ---------------------------------------------------------------------------------
def test_lbc_21_phases_in_order_and_forward_only():
    assert [p.value for p in Phase] == [
        "introduction",
        "intake",
        "deepening",
        "assignments",
        "synthesis",
        "evaluation",
        "aftercare",
    ]
    assert can_move("intake", "deepening")
    assert can_move("assignments", "deepening")
    assert not can_move("synthesis", "intake")
    assert not can_move("intake", "unknown")
