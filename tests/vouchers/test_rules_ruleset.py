"""The voucher rule sets (rules/ruleset.py): versions in order, the 2025 reform."""

from datetime import date

from koers.vouchers.rules import RULESETS, ruleset_for


def test_rulesets_do_not_overlap_and_2025_reform_allows_one_voucher():
    assert ruleset_for(date(2024, 12, 31)).vouchers_per_client == 2
    assert ruleset_for(date(2025, 1, 1)).vouchers_per_client == 1
    for a, b in zip(RULESETS, RULESETS[1:], strict=False):
        assert a.valid_until < b.valid_from
