import pytest


@pytest.fixture(autouse=True)
def _voucher_rules_in_force(voucher_rules_in_force):
    """Billing tests live on 15 June 2026 (a shipped voucher rule set in force; the clock ticks)."""


@pytest.fixture
def outsider(other_centre):
    """Centre staff of another centre."""
    from koers.core.models import Role
    from tests.factories import staff_user

    return staff_user(other_centre, Role.CENTRE_STAFF, username="elders")
