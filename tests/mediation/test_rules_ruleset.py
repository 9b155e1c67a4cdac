"""rules/ruleset.py: the five tenders of seed 004 and their parameters (MED-01, MED-12, MED-13)."""

from datetime import date

from koers.mediation.rules import Tender, ruleset_for


def test_med_01_five_tenders_with_their_parameters():
    assert {t.value for t in Tender} == {"TIBB4", "TIBB4_AT", "SCRABA", "SAB3", "WIJ3"}
    ruleset = ruleset_for(date(2025, 5, 1))
    for tender in (Tender.TIBB4, Tender.TIBB4_OTHER_LANGUAGES, Tender.SCRABA, Tender.SAB3):
        assert ruleset.tender(tender).minimum_months == 6
        assert ruleset.tender(tender).closes_on_passive
    assert ruleset.tender(Tender.WIJ3).minimum_months == 18
    assert ruleset.tender(Tender.WIJ3).project_end == date(2020, 11, 30)
    assert ruleset.first_sheet_days == 15 and ruleset.replan_target_days == 7
    assert ruleset.letter_max_pages == 12 and ruleset.passive_month_ends == 3
