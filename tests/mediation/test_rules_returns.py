"""rules/returns.py: the return-to-VDAB tables of annexes 3 and 4 (MED-17)."""

import pytest

from koers.mediation.rules.closing import (
    ReturnTo,
    return_to_vdab,
)

# ---- MED-17: annexes 3 and 4 -------------------------------------------------------------------

ANNEX_3 = [
    ("passive", "partner_advice", "need", ReturnTo.NONE),
    ("passive", "partner_advice", "reassess", ReturnTo.NONE),
    ("passive", "partner_advice", "no_need", ReturnTo.NONE),
    ("passive", "partner_advice", "exhausted", ReturnTo.NONE),
    ("passive", "automatic", None, ReturnTo.NONE),
    ("passive", "vdab", None, ReturnTo.VDAB_MEDIATOR),
    ("max_duration", "partner_advice", "need", ReturnTo.CHEF_OE),
    ("max_duration", "partner_advice", "no_need", ReturnTo.NONE),
    ("max_duration", "partner_advice", "exhausted", ReturnTo.NONE),
    ("max_duration", "automatic", None, ReturnTo.CHEF_OE),
    ("max_duration", "vdab", None, ReturnTo.VDAB_MEDIATOR),
]


@pytest.mark.parametrize(("reason", "way", "advice", "to"), ANNEX_3)
def test_med_17_annex_3_rows(reason, way, advice, to):
    decision = return_to_vdab(
        tender="TIBB4", reason=reason, way=way, advice=advice, open_items=False
    )
    assert decision.to == to and decision.reasons[0].rule == "MED-17"


@pytest.mark.parametrize(
    ("reason", "way", "advice", "to"), [r for r in ANNEX_3 if r[0] == "max_duration"]
)
def test_med_17_annex_4_wij3_rows(reason, way, advice, to):
    decision = return_to_vdab(
        tender="WIJ3", reason=reason, way=way, advice=advice, open_items=False
    )
    assert decision.to == to and "bijlage 4" in decision.reasons[0].message


def test_med_17_wij3_has_no_passive_rows():
    with pytest.raises(ValueError):
        return_to_vdab(
            tender="WIJ3", reason="passive", way="automatic", advice=None, open_items=False
        )


@pytest.mark.parametrize(("reason", "way", "advice", "to"), ANNEX_3)
def test_med_17_open_actions_always_return_to_vdab(reason, way, advice, to):
    decision = return_to_vdab(tender="SAB3", reason=reason, way=way, advice=advice, open_items=True)
    assert decision.to != ReturnTo.NONE
    if to == ReturnTo.CHEF_OE:
        assert decision.to == ReturnTo.CHEF_OE
