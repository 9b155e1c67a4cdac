"""LBC-21: the phases in order (rules/phases.py)."""

from koers.vouchers.rules.phases import Phase, can_move


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
