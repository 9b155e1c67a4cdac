"""Administrators and centre staff see on their dashboard that the voucher rule sets run out, before
new vouchers are refused (LBC-01: a voucher is judged by the rule set in force when it starts)."""

import pytest
import time_machine
from django.urls import reverse

from tests.dashboard_html import dashboard_html

pytestmark = pytest.mark.django_db


def _dashboard(logged_in, user):
    return dashboard_html(logged_in(user))


@time_machine.travel("2026-12-01T10:00:00+01:00", tick=False)
def test_lbc_01_administrator_is_warned_thirty_days_before_the_last_voucher_version_ends(
    logged_in, administrator
):
    page = _dashboard(logged_in, administrator)
    assert 'data-testid="ruleset-ending"' in page
    assert "loopt tot 31/12/2026 (nog 30 dagen)" in page
    assert reverse("ruleset_list") in page


@time_machine.travel("2027-01-05T10:00:00+01:00", tick=False)
def test_lbc_01_centre_staff_see_that_the_voucher_rule_sets_ended_and_who_can_fix_it(
    logged_in, centre_staff
):
    page = _dashboard(logged_in, centre_staff)
    assert "Sinds 31/12/2026 is er geen regelset meer voor loopbaancheques" in page
    assert "Een beheerder van het centrum publiceert de volgende versie." in page


@time_machine.travel("2026-06-15T10:00:00+02:00", tick=False)
def test_lbc_01_no_warning_months_before_the_end(logged_in, administrator):
    assert 'data-testid="ruleset-ending"' not in _dashboard(logged_in, administrator)


@time_machine.travel("2026-12-01T10:00:00+01:00", tick=False)
def test_lbc_01_a_coach_gets_no_rule_set_warning(logged_in, coach):
    assert 'data-testid="ruleset-ending"' not in _dashboard(logged_in, coach)
