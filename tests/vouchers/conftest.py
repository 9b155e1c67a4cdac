import pytest


@pytest.fixture(autouse=True)
def _voucher_rules_in_force(voucher_rules_in_force):
    """Every voucher test lives on a day with a shipped rule set in force (tests/conftest.py)."""
