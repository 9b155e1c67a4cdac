"""LBC-01: how many vouchers a client may use (rules/entitlement.py)."""

from datetime import date

from koers.vouchers.rules.entitlement import voucher_entitlement

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
