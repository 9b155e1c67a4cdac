from datetime import timedelta

import pytest
from django.utils import timezone

from koers.vouchers.services import voucher_open


@pytest.fixture(autouse=True)
def _voucher_rules_in_force(voucher_rules_in_force):
    """Every voucher test lives on a day with a shipped rule set in force (tests/conftest.py)."""


@pytest.fixture
def voucher(client_record, coach):
    """A voucher opened a month ago (some test modules open their own)."""
    return voucher_open(
        client=client_record,
        responsible=coach,
        organisation=client_record.organisation,
        start_date=timezone.localdate() - timedelta(days=30),
        career_question="Ik wil iets anders doen na twintig jaar in de logistiek.",
        acting_user=coach,
    )
