"""LBC-11, LBC-13, LBC-15: the dossier checklist and closing early (rules/dossier.py)."""

from datetime import date

import pytest

from koers.vouchers.rules import ruleset_for
from koers.vouchers.rules.dossier import (
    DossierFacts,
    GuidanceContact,
    closes_early,
    dossier_checklist,
    dossier_complete,
    open_at_closing,
)

RULES = ruleset_for(date(2024, 6, 1))


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
