"""rules/process.py: the letter size, the first sheet, the start, the file checklist and
trainings (MED-02, MED-05, MED-06, MED-08, MED-11)."""

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from koers.mediation.rules import RULESETS
from koers.mediation.rules.process import (
    file_checklist,
    first_sheet_countdown,
    first_sheet_signatures_missing,
    letter_size,
    own_training_refusal,
    start_refusals,
    training_cancel_refusal,
)

RS = RULESETS[0]


def test_med_02_letter_adds_blank_pages_and_caps_at_twelve():
    size = letter_size(letter_pages=1, attachment_pages=[3, 2, 5], by_letter=True, ruleset=RS)
    assert size.blank_pages == 2 and size.total == 13 and size.refusal.rule == "MED-02"
    size = letter_size(letter_pages=1, attachment_pages=[3, 2, 4], by_letter=True, ruleset=RS)
    assert size.total == 11 and size.refusal is None
    by_mail = letter_size(letter_pages=1, attachment_pages=[7, 7], by_letter=False, ruleset=RS)
    assert by_mail.blank_pages == 0 and by_mail.refusal is None


@given(st.lists(st.integers(min_value=1, max_value=6), max_size=6))
def test_med_02_letter_total_is_even_per_attachment(pages):
    size = letter_size(letter_pages=1, attachment_pages=pages, by_letter=True, ruleset=RS)
    assert (size.total - 1) % 2 == 0
    assert (size.refusal is None) == (size.total <= 12)


def test_med_05_first_sheet_countdown():
    c = first_sheet_countdown(present_on=date(2019, 3, 15), today=date(2019, 3, 20), ruleset=RS)
    assert c.due_on == date(2019, 3, 30) and c.days_left == 10 and not c.late
    late = first_sheet_countdown(present_on=date(2019, 3, 1), today=date(2019, 3, 20), ruleset=RS)
    assert late.late and late.reason.rule == "MED-05"


def test_med_06_start_guard_follows_the_seed_without_signatures():
    ok = start_refusals(
        first_present=True, first_sheet=True, next_contact_planned=True, started=False
    )
    assert ok == []
    refusals = start_refusals(
        first_present=False, first_sheet=False, next_contact_planned=False, started=False
    )
    assert {r.rule for r in refusals} == {"MED-06"} and len(refusals) == 3
    missing = first_sheet_signatures_missing(partner_signed=True, participant_signed=False)
    assert [r.rule for r in missing] == ["MED-05"] and "de deelnemer" in missing[0].message
    assert first_sheet_signatures_missing(partner_signed=True, participant_signed=True) == []


def test_med_08_file_checklist_is_an_open_list():
    items = file_checklist(has_contact_data=True, ticked={"cv": True}, extra={"Rijbewijs": False})
    missing = [i.label for i in items if not i.ok]
    assert "Cv gepubliceerd" not in missing and "Rijbewijs" in missing
    assert "Competenties gescoord" in missing


def test_med_11_training_rules():
    assert training_cancel_refusal(requested=True, organiser_is_vdab=False, started=False) is None
    assert training_cancel_refusal(requested=True, organiser_is_vdab=False, started=True)
    vdab = training_cancel_refusal(requested=True, organiser_is_vdab=True, started=False)
    assert "seintje" in vdab.message and vdab.rule == "MED-11"
    assert own_training_refusal(is_bvs=True, code="953030", ruleset=RS) is None
    assert own_training_refusal(is_bvs=True, code="123", ruleset=RS).rule == "MED-11"
