"""INT-08: a matched lead becomes a client; the introduction never counts."""

from datetime import timedelta

import pytest

from koers.intake.models import CallKind
from koers.intake.services import (
    IntroductionData,
    lead_convert,
    lead_record_call,
)
from tests.intake.conftest import NOW

pytestmark = pytest.mark.django_db


def test_int_08_introduction_is_never_voucher_hours(coach, submit):
    from koers.vouchers.selectors import voucher_summary

    lead = submit()
    lead_record_call(
        lead=lead,
        kind=CallKind.MATCH,
        now=NOW + timedelta(hours=1),
        acting_user=coach,
        introduction=IntroductionData(
            starts_at=NOW + timedelta(hours=2), form="phone", duration_minutes=45
        ),
    )
    lead = lead_convert(
        lead=lead, acting_user=coach, open_voucher=True, now=NOW + timedelta(hours=3)
    )
    summary = voucher_summary(lead.trajectory.voucher)
    assert summary.counted_minutes == 0
    assert summary.contacts[0].is_introduction
