"""The billing rule set through the registry (RULESET; BIL-02, BIL-03, BIL-04): a version an
administrator publishes on Centrum ▾ Regelsets takes effect, and until one is published centre
staff are told that Koers' placeholders are in force."""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from koers.billing.models import StatementHour
from koers.billing.rules.periods import Month
from koers.billing.selectors.hours import allowed_rates, coach_hours
from koers.billing.selectors.ruleset import billing_ruleset, ruleset_notice
from koers.billing.services.hours import hour_mark_entered, statement_settle
from koers.trajectories.rulesets import ruleset_publish
from tests.billing.factories import held_contact, open_voucher, rate

TODAY = date(2026, 6, 15)
MAY = Month(2026, 5)
NOTICE = "De facturatieregels gebruiken nog voorlopige waarden van Koers"


@pytest.fixture
def voucher(coach, centre):
    return open_voucher(coach, centre)


def _publish(administrator, valid_from=date(2026, 5, 1), **changes):
    return ruleset_publish(
        programme="billing",
        version="2026-centrum",
        valid_from=valid_from,
        valid_until=None,
        based_on="2026-seeds",
        changes=changes,
        reason="Bevestigd met de mededeling van VDAB van 2 mei 2026.",
        acting_user=administrator,
    )


def _entered(voucher, coach, day, entered_on):
    contact = held_contact(voucher, day)
    hour_mark_entered(contact_id=contact.pk, entered_on=entered_on, acting_user=coach, today=TODAY)
    return contact


def test_bil_02_the_built_in_version_judges_until_one_is_published(db):
    assert billing_ruleset(TODAY).version == "2026-seeds"
    assert billing_ruleset(TODAY).vdab_deadline_days_before_month_end == 3


def test_bil_02_a_published_deadline_moves_what_the_settlement_carries(
    voucher, coach, centre, centre_staff, administrator
):
    rate(coach, centre)
    # Built in: May's VDAB deadline is 28 May; an hour entered on the 30th waits for June.
    late = _entered(voucher, coach, date(2026, 5, 4), date(2026, 5, 30))
    [row] = coach_hours(user=coach, today=TODAY).rows
    assert row.paid_in == "07/2026"
    _publish(administrator, vdab_deadline_days_before_month_end=0)  # the deadline is the 31st
    assert billing_ruleset(TODAY).vdab_deadline_days_before_month_end == 0
    [row] = coach_hours(user=coach, today=TODAY).rows
    assert row.paid_in == "06/2026"
    [statement] = statement_settle(centre=centre, month=MAY, acting_user=centre_staff, today=TODAY)
    assert StatementHour.objects.filter(entry__contact=late, line__statement=statement).exists()


def test_bil_04_published_rates_decide_what_staff_may_give(db, administrator):
    assert allowed_rates(TODAY) == (Decimal("90.00"), Decimal("110.00"))
    _publish(administrator, allowed_hourly_rates=["95.00", "115.00"])
    assert allowed_rates(TODAY) == (Decimal("95.00"), Decimal("115.00"))


def test_bil_04_the_billing_check_refuses_numbers_that_do_not_hang_together(db, administrator):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as refused:
        _publish(administrator, allowed_hourly_rates=["90.001"], settlement_day=31)
    errors = refused.value.message_dict
    assert "BIL-04" in errors["parameters.allowed_hourly_rates"][0]
    assert "BIL-03" in errors["parameters.settlement_day"][0]
    with pytest.raises(ValidationError) as refused:
        _publish(administrator, currency="USD")
    assert refused.value.message_dict == {
        "parameters.currency": ["Deze parameter wordt hier niet gewijzigd."]
    }


def test_bil_02_staff_are_told_the_placeholders_until_an_administrator_confirms(
    coach, centre_staff, administrator, logged_in
):
    assert ruleset_notice(user=coach, today=TODAY) is None
    staff_notice = ruleset_notice(user=centre_staff, today=TODAY)
    assert NOTICE in staff_notice.message and "3 dagen" in staff_notice.message
    assert "Centrum ▾ Regelsets" in staff_notice.message and not staff_notice.can_confirm
    assert ruleset_notice(user=administrator, today=TODAY).can_confirm
    web = logged_in(centre_staff)
    for name in ("billing_statements", "billing_delivery", "billing_rates", "billing_coaches"):
        assert NOTICE in web.get(reverse(name)).content.decode(), name
    admin_page = logged_in(administrator).get(reverse("billing_statements")).content.decode()
    assert NOTICE in admin_page and reverse("ruleset_list") in admin_page
    assert NOTICE not in logged_in(coach).get(reverse("billing_delivery")).content.decode()
    # The same numbers, confirmed by a person with a reason: the notice is gone.
    _publish(administrator, valid_from=TODAY)
    assert ruleset_notice(user=centre_staff, today=TODAY) is None
    assert NOTICE not in logged_in(centre_staff).get(reverse("billing_statements")).content.decode()


def test_bil_02_the_rule_set_page_marks_the_placeholders_and_publishes_decimals(
    db, administrator, logged_in
):
    web = logged_in(administrator)
    page = web.get(reverse("ruleset_list")).content.decode()
    assert 'data-testid="ruleset-billing"' in page and "Facturatie" in page
    assert "te bevestigen" in page and "7 waarden te bevestigen" in page
    url = reverse("ruleset_new", args=["billing"])
    form = web.get(url).content.decode()
    assert 'value="90,00; 110,00"' in form and "Te bevestigen: een voorlopige waarde" in form
    assert 'name="p_currency"' not in form  # Peppol's code list, not changed here
    data = {
        "based_on": "2026-seeds",
        "version": "2026-centrum",
        "valid_from": "15/06/2026",
        "valid_until": "",
        "reason": "Bevestigd met de mededeling van VDAB van 2 juni 2026.",
        "p_allowed_hourly_rates": "90,00; 110,00",
        "p_vdab_deadline_days_before_month_end": "2",
        "p_deadline_warning_days": "5",
        "p_settlement_day": "5",
        "p_quarter_reminder_days": "14",
        "p_audit_reminder_days": "7",
        "p_development_plan_due_month": "12",
        "p_development_plan_due_day": "31",
        "p_development_plan_reminder_days": "30",
        "p_vat_standard_percent": "21",
        "p_vat_exempt_percent": "0",
        "p_vat_exemption_reason": "Bijzondere vrijstellingsregeling kleine ondernemingen",
    }
    wrong = web.post(url, {**data, "p_allowed_hourly_rates": "90,00, 110,00"})
    assert wrong.status_code == 200 and "geen getal" in wrong.content.decode()
    confirm = web.post(url, data).content.decode()
    assert "Wat verandert" in confirm and "VDAB-deadline" in confirm
    done = web.post(url, {**data, "confirm": "1"})
    assert done.status_code == 302
    assert billing_ruleset(TODAY).vdab_deadline_days_before_month_end == 2
    page = web.get(reverse("ruleset_list")).content.decode()
    assert "2026-centrum" in page
