import pytest


@pytest.fixture(autouse=True)
def _voucher_rules_in_force(voucher_rules_in_force):
    """Billing tests live on 15 June 2026 (a shipped voucher rule set in force; the clock ticks)."""
