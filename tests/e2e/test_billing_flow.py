"""Billing in a real browser (BIL-01, BIL-02, BIL-03): a coach marks hours entered at VDAB, centre
staff settle the month after the confirmation, the coach sees the statement; a coach makes a
delivery batch of complete dossiers and posts it, centre staff record receipt.

`KOERS_SCREENSHOTS=<folder>` also saves each billing page at 1366×900 and 820×1180 there.
"""

import os
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import time_machine

from koers.billing.models import DeliveryBatch, HourEntry, Statement
from koers.core.models import Role
from koers.vouchers.models import AftercareEntry
from tests.billing.delivery.factories import fake_dossiers  # noqa: F401
from tests.billing.factories import held_contact, open_voucher, rate
from tests.factories import OrganisationFactory, staff_user

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

BRUSSELS = ZoneInfo("Europe/Brussels")
SIZES = ((1366, 900), (820, 1180))


def _shots(page, name: str) -> None:
    folder = os.environ.get("KOERS_SCREENSHOTS")
    if not folder:
        return
    Path(folder).mkdir(parents=True, exist_ok=True)
    for width, height in SIZES:
        page.set_viewport_size({"width": width, "height": height})
        page.screenshot(path=f"{folder}/{name}-{width}.png", full_page=True)
    page.set_viewport_size({"width": 1280, "height": 900})


def _log_in(page, base, user) -> None:
    page.context.clear_cookies()
    page.goto(f"{base}/accounts/login/")
    page.fill("input[name=username]", user.username)
    page.fill("input[name=password]", "secret-pass-123")
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/")


def _people():
    centre = OrganisationFactory(name="Loopbaancentrum Testhuis")
    coach = staff_user(
        centre, Role.COACH, username="e2e-coach", first_name="Eva", last_name="Coach"
    )
    staff = staff_user(
        centre, Role.CENTRE_STAFF, username="e2e-staff", first_name="Bart", last_name="Balie"
    )
    return centre, coach, staff


def test_bil_03_hours_entered_settled_and_seen_by_the_coach(live_server, browser_page):
    with time_machine.travel(datetime(2026, 6, 15, 10, 0, tzinfo=BRUSSELS), tick=True):
        _hours_to_statement(live_server.url, browser_page)


def _hours_to_statement(base, page):
    centre, coach, staff = _people()
    rate(coach, centre)
    voucher = open_voucher(coach, centre)
    held_contact(voucher, date(2026, 5, 4), 60)
    held_contact(voucher, date(2026, 5, 11), 90)
    AftercareEntry.objects.create(
        voucher=voucher, on=date(2026, 5, 20), minutes=30, form="phone", recorded_by=coach
    )

    # The coach marks one hour, then the rest of May at once (after the confirmation).
    _log_in(page, base, coach)
    page.goto(f"{base}/facturatie/uren/")
    assert "Nog in te geven bij VDAB" in page.content()
    assert "Nazorg — niet factureerbaar" in page.content()
    _shots(page, "hours-to-enter")
    first = page.locator("form[action$='/ingegeven/']:not([action*='nazorg'])").first
    first.locator("input[name=entered_on]").fill("12/05/2026")
    first.locator("button[type=submit]").click()
    page.wait_for_load_state("load")
    assert "gemarkeerd als ingegeven bij VDAB" in page.content()
    page.once("dialog", lambda dialog: dialog.accept())
    month = page.locator("form[action$='/uren/maand/']")
    month.locator("input[name=entered_on]").fill("20/05/2026")
    month.locator("button[type=submit]").click()
    page.wait_for_load_state("load")
    assert "1 uren gemarkeerd" in page.content()
    # Aftercare is registered too, never billable.
    aftercare = page.locator("form[action*='/nazorg/'][action$='/ingegeven/']")
    aftercare.locator("input[name=entered_on]").fill("21/05/2026")
    aftercare.locator("button[type=submit]").click()
    page.wait_for_load_state("load")
    assert HourEntry.objects.count() == 3
    _shots(page, "hours-entered")

    # Centre staff settle May; the confirmation comes first (dismissed: nothing happens).
    _log_in(page, base, staff)
    page.goto(f"{base}/facturatie/afrekeningen/")
    page.fill("input[name=month]", "2026-05")
    page.once("dialog", lambda dialog: dialog.dismiss())
    page.click("form[action$='/afrekenen/'] button[type=submit]")
    assert not Statement.objects.exists()
    page.once("dialog", lambda dialog: dialog.accept())
    page.click("form[action$='/afrekenen/'] button[type=submit]")
    page.wait_for_load_state("load")
    assert "1 afrekening(en) klaar." in page.content()
    _shots(page, "statements-staff")
    statement = Statement.objects.get()
    assert statement.total == 225  # 2,5 hours × € 90; the aftercare is not on it

    # The coach sees the statement.
    _log_in(page, base, coach)
    page.goto(f"{base}/facturatie/afrekeningen/")
    page.click("a:has-text('05/2026')")
    page.wait_for_url(f"**/facturatie/afrekeningen/{statement.pk}/")
    assert "225" in page.content()
    _shots(page, "statement-detail")
    page.goto(f"{base}/facturatie/uren/")
    assert "op afrekening 05/2026" in page.content()
    _shots(page, "hours-settled")


def test_bil_01_batch_of_complete_dossiers_posted_and_received(
    live_server,
    browser_page,
    fake_dossiers,  # noqa: F811
):
    with time_machine.travel(datetime(2026, 3, 20, 10, 0, tzinfo=BRUSSELS), tick=True):
        _batch_to_received(live_server.url, browser_page, fake_dossiers)


def _batch_to_received(base, page, dossiers):
    page.on("dialog", lambda d: d.accept())  # data-confirm buttons ask first (issue 16)
    _centre, coach, staff = _people()
    dossiers.dossier(coach, name="An Peeters")
    dossiers.dossier(coach, name="Bram Janssens")
    dossiers.dossier(coach, name="Cas Maes", missing=("Bewijs van deelname per contact",))

    _log_in(page, base, coach)
    page.goto(f"{base}/facturatie/dossiers/")
    assert "Cas Maes" in page.content()
    _shots(page, "delivery-coach")
    page.click("button:has-text('Zending maken met de gekozen dossiers')")
    page.wait_for_load_state("load")
    assert not DeliveryBatch.objects.exists()  # a confirmation step first
    _shots(page, "batch-confirm")
    page.click("button:has-text('Zending maken')")
    page.wait_for_url("**/facturatie/dossiers/zending/*/")
    batch = DeliveryBatch.objects.get()
    assert batch.dossiers.count() == 2
    page.click("button[value=posted]")  # not confirmed: refused next to the box
    page.wait_for_load_state("load")
    assert "Vink aan dat je dit bevestigt." in page.content()
    page.check("input[name=confirm]")
    page.click("button[value=posted]")
    page.wait_for_load_state("load")
    assert "op risico van de coach" in page.content()
    _shots(page, "batch-posted")

    _log_in(page, base, staff)
    page.goto(f"{base}/facturatie/dossiers/")
    assert "Wachten op ontvangst" in page.content()
    _shots(page, "delivery-staff")
    page.goto(f"{base}/facturatie/dossiers/zending/{batch.pk}/")
    page.check("input[name=confirm]")
    page.click("button[value=received]")
    page.wait_for_load_state("load")
    batch.refresh_from_db()
    assert batch.is_received
    assert "Ontvangen" in page.locator(".subtitle").inner_text()
    _shots(page, "batch-received")
