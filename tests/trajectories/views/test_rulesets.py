"""Centrum ▾ Regelsets (views/rulesets.py): administrators only, the list, a new version checked,
confirmed and published.

The clock is frozen where it matters: 2027-03-15 is after the last built-in voucher version
(2025-reform, until 2026-12-31)."""

from datetime import date

import pytest
import time_machine
from django.urls import reverse

from koers.trajectories.models import RulesetVersion
from tests.dashboard_html import dashboard_html
from tests.trajectories.rulesets.cliff import (
    AFTER_THE_END,
    BEFORE_THE_END,
    open_voucher,
)

pytestmark = pytest.mark.ruleset_cliff


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["ruleset_list", "ruleset_new"])
def test_ruleset_pages_are_for_administrators_only(name, coach, centre_staff, logged_in, client):
    url = reverse(name, args=["voucher"] if name == "ruleset_new" else [])
    for user in (coach, centre_staff):
        assert logged_in(user).get(url).status_code == 403
    client.logout()
    assert client.get(url).status_code == 302  # to the login page


@pytest.mark.django_db
@time_machine.travel(AFTER_THE_END, tick=False)
def test_ruleset_list_shows_versions_status_and_use(client_record, coach, administrator, logged_in):
    with time_machine.travel(BEFORE_THE_END, tick=False):
        open_voucher(client_record, coach, date(2026, 6, 1))
    web = logged_in(administrator)
    assert reverse("ruleset_list") in dashboard_html(web)
    page = web.get(reverse("ruleset_list")).content.decode()
    assert "Vandaag is geen enkele versie van kracht" in page
    assert "2025-reform" in page and "verlopen" in page and "1 traject" in page
    assert reverse("ruleset_new", args=["voucher"]) in page
    assert reverse("ruleset_list") not in dashboard_html(logged_in(coach))


@pytest.mark.django_db
@time_machine.travel(AFTER_THE_END, tick=False)
def test_ruleset_new_version_page_prefills_checks_confirms_then_publishes(administrator, logged_in):
    web = logged_in(administrator)
    url = reverse("ruleset_new", args=["voucher"])
    form = web.get(url).content.decode()
    # Prefilled from the last version, each parameter with its current value.
    assert 'name="p_vouchers_per_client"' in form and 'value="1: 90, 2: 60"' in form
    assert "In 2025-reform: 240." in form
    data = {
        "based_on": "2025-reform",
        "version": "2027-loopbaankrediet",
        "valid_from": "01/01/2027",
        "valid_until": "",
        "reason": "Mededeling VDAB van 10/03/2027 over het loopbaankrediet.",
    }
    params = {
        "p_vouchers_per_client": "1",
        "p_voucher_minutes": "240",
        "p_block_minutes": "30",
        "p_contact_min_minutes": "30",
        "p_contact_max_minutes": "120",
        "p_group_max_minutes": "1: 90, 2: 60",
        "p_own_contribution_cents": "5000",
        "p_subsidy_at_risk_cents": "102000",
        "p_aftercare_minutes": "30",
        "p_aftercare_window_years": "1",
        "p_evaluation_reminders": "2",
        "p_evaluation_reminder_interval_days": "7",
    }
    # A wrong value: the message stands next to the field, the input is kept, nothing is saved.
    wrong = web.post(url, {**data, **params, "p_group_max_minutes": "1: 90"})
    body = wrong.content.decode()
    assert wrong.status_code == 200 and "Geef een maximum voor cheque 2. (LBC-04)" in body
    assert 'id="id_p_group_max_minutes_errors"' in body and 'value="1: 90"' in body
    # Right: a confirmation page with what changes, still nothing saved.
    confirm = web.post(url, {**data, **params})
    body = confirm.content.decode()
    assert confirm.status_code == 200 and 'data-testid="ruleset-confirm"' in body
    assert "4000" in body and "5000" in body
    assert not RulesetVersion.objects.exists()
    done = web.post(url, {**data, **params, "confirm": "1"})
    assert done.status_code == 302 and done["Location"] == reverse("ruleset_list")
    row = RulesetVersion.objects.get()
    assert (
        row.version == "2027-loopbaankrediet" and row.parameters["own_contribution_cents"] == 5000
    )
    assert row.published_by == administrator


@pytest.mark.django_db
def test_ruleset_new_version_page_for_intake_says_why_not_and_unknown_programme_is_404(
    administrator, logged_in
):
    web = logged_in(administrator)
    response = web.get(reverse("ruleset_new", args=["intake"]), follow=True)
    assert response.redirect_chain[-1][0] == reverse("ruleset_list")
    assert "komt met een nieuwe release" in response.content.decode()
    assert web.get(reverse("ruleset_new", args=["onbekend"])).status_code == 404
