"""LBC-12, LBC-13, LBC-14: what a POP holds, its title and file name (rules/pop.py)."""

from dataclasses import replace
from datetime import date

import pytest

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
