"""A coach closes a voucher whose guidance stopped early, in a real browser: the confirmation
lists the open dossier points, asks why, and the voucher stays "afgesloten, onvolledig"."""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.utils import timezone

from koers.core.models import Role
from koers.trajectories.models import ContactOutcome
from koers.trajectories.services import ContactData
from koers.vouchers.models import Voucher
from koers.vouchers.services import voucher_contact_log, voucher_open
from tests.factories import ClientFactory, OrganisationFactory, staff_user

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

FIXED_AFTERNOON = datetime(2026, 3, 11, 16, 0, tzinfo=ZoneInfo("Europe/Brussels"))


def test_coach_closes_an_incomplete_voucher_with_a_reason(live_server, browser_page, settings):
    # The server runs on a fixed day; the browser keeps the real clock, so its cookies get no
    # expiry date that could lie in its past.
    settings.SESSION_EXPIRE_AT_BROWSER_CLOSE = True
    settings.CSRF_COOKIE_AGE = None
    with time_machine.travel(FIXED_AFTERNOON, tick=True):
        _close_early(live_server, browser_page)


def _close_early(live_server, page):
    centre = OrganisationFactory(name="Loopbaancentrum Testhuis")
    coach = staff_user(
        centre, Role.COACH, username="e2e-coach", first_name="Eva", last_name="Coach"
    )
    client = ClientFactory(organisation=centre, first_name="Jonas", last_name="Wouters")
    start = timezone.localdate() - timedelta(days=40)
    voucher = voucher_open(
        client=client,
        responsible=coach,
        organisation=centre,
        start_date=start,
        career_question="Ik twijfel of ik in de logistiek wil blijven.",
        acting_user=coach,
    )
    for days_ago in (30, 20, 10):  # 3 of the 4 hours
        day = timezone.localdate() - timedelta(days=days_ago)
        voucher_contact_log(
            voucher=voucher,
            data=ContactData(
                starts_at=timezone.make_aware(datetime.combine(day, time(10, 0))),
                duration_minutes=60,
                outcome=ContactOutcome.HELD,
            ),
            acting_user=coach,
        )
    base = live_server.url

    page.goto(f"{base}/accounts/login/")
    page.fill("input[name=username]", coach.username)
    page.fill("input[name=password]", "secret-pass-123")
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/")

    page.goto(f"{base}/cheques/{voucher.pk}/")
    page.click("a:has-text('Cheque afronden')")
    page.wait_for_url("**/afronden/")
    confirmation = page.locator("main").inner_text()
    assert "180 van 240 minuten" in confirmation  # the open points, before anything happens
    assert "Overeenkomst: origineel ontvangen" in confirmation
    assert "Bewijs van deelname per contact" in confirmation

    # Without a reason: refused, the error next to the field, the note kept.
    page.fill("textarea[name=note]", "Jonas start volgende week in een nieuwe job.")
    page.click("main form button[type=submit]")
    page.wait_for_load_state("load")
    assert page.locator("#id_reason_errors").is_visible()
    assert page.input_value("textarea[name=note]") == "Jonas start volgende week in een nieuwe job."
    assert Voucher.objects.get(pk=voucher.pk).trajectory.status == "active"

    page.select_option("select[name=reason]", "no_longer_needed")
    page.click("main form button[type=submit]")
    page.wait_for_url(f"{base}/cheques/{voucher.pk}/")
    assert "afgesloten, onvolledig" in page.locator(".statusbar.subtitle").inner_text()
    assert "De cliënt heeft geen verdere begeleiding nodig" in page.content()

    page.goto(f"{base}/clienten/{client.pk}/")
    assert "afgesloten, onvolledig" in page.locator("main").inner_text()

    saved = Voucher.objects.select_related("trajectory").get(pk=voucher.pk)
    assert saved.trajectory.status == "closed" and saved.closed_incomplete
    assert (saved.closing_reason, saved.closing_note) == (
        "no_longer_needed",
        "Jonas start volgende week in een nieuwe job.",
    )
