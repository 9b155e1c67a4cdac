"""A coach's day with one voucher, in a real browser: open it, log four contacts, write the POP,
make the documents, and see the dossier turn complete (LBC-01, LBC-02, LBC-10, LBC-11, LBC-12, LBC-15, LBC-18)."""

from datetime import datetime, time, timedelta

import pytest
import time_machine
from django.utils import timezone

from koers.core.models import Role
from tests.factories import OrganisationFactory, staff_user

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.usefixtures("voucher_rules_in_force"),
    pytest.mark.django_db(transaction=True),
]


def _submit(page, form_selector: str):
    page.locator(f"{form_selector} button[type=submit]").first.click()
    page.wait_for_load_state("load")


def test_lbc_coach_completes_a_voucher_dossier_in_the_browser(live_server, browser_page):
    # The voucher starts today and held contacts lie in the past: run the server clock at 16:00
    # tomorrow (ahead, so the browser's session cookie stays valid) and log the morning's contacts.
    tomorrow = timezone.localdate() + timedelta(days=1)
    afternoon = timezone.make_aware(datetime.combine(tomorrow, time(16, 0)))
    with time_machine.travel(afternoon, tick=True):
        _coach_day(live_server, browser_page)


def _coach_day(live_server, browser_page):
    centre = OrganisationFactory(name="Loopbaancentrum Testhuis")
    coach = staff_user(
        centre, Role.COACH, username="e2e-coach", first_name="Eva", last_name="Coach"
    )
    page = browser_page
    page.on("dialog", lambda d: d.accept())  # data-confirm buttons ask first (issue 16)
    base = live_server.url

    # Log in.
    page.goto(f"{base}/accounts/login/")
    page.fill("input[name=username]", coach.username)
    page.fill("input[name=password]", "secret-pass-123")
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/")

    # Register the client with a career voucher: Koers opens voucher 1 (LBC-01).
    page.goto(f"{base}/clienten/nieuw/")
    page.fill("input[name=first_name]", "Lotte")
    page.fill("input[name=last_name]", "Claes")
    page.fill("input[name=email]", "lotte@example.org")
    page.fill("input[name=phone]", "0470 12 34 56")
    page.select_option("select[name=programme]", "voucher")
    page.click("main form button[type=submit]")
    page.wait_for_url("**/clienten/*/")
    page.click("a:has-text('Loopbaancheque 1')")
    page.wait_for_url("**/cheques/*/")
    voucher_url = page.url
    assert "loopbaancheque 1" in page.content()

    # Four contacts of one hour (LBC-02): each shows at once what counts.
    for start in ("09:00", "10:30", "12:00", "13:30"):
        form = "form[action$='/contacten/']"
        page.fill(f"{form} input[name=date]", timezone.localdate().strftime("%d/%m/%Y"))
        page.fill(f"{form} input[name=start_time]", start)
        page.fill(f"{form} input[name=duration_minutes]", "60")
        page.select_option(f"{form} select[name=form]", "individual")
        page.select_option(f"{form} select[name=outcome]", "held")
        _submit(page, form)
        assert "60 minuten tellen mee" in page.content()
    assert "telt mee van 4 u" in page.content()

    # Intake checklist (LBC-10): tick every topic.
    for box in page.locator("form[action$='/intake/'] input[type=checkbox]").all():
        box.check()
    _submit(page, "form[action$='/intake/']")

    # The POP, written with the client (LBC-12), then finalised.
    page.goto(f"{voucher_url}pop/")
    page.fill("textarea[name=section_career_question]", "Blijf ik in de boekhouding?")
    page.fill("textarea[name=section_reflections]", "Ik haal energie uit contact met mensen.")
    page.fill("input[name=action_0_what]", "Inschrijven voor de opleiding HR-assistent")
    page.fill(
        "input[name=action_0_by_when]",
        (timezone.localdate() + timedelta(days=60)).strftime("%d/%m/%Y"),
    )
    page.fill("input[name=action_0_by_whom]", "Lotte")
    page.click("form.pop-form button[type=submit]")
    page.wait_for_url(voucher_url)
    page.once("dialog", lambda dialog: dialog.accept())
    _submit(page, "form[action$='/pop/finaliseren/']")
    assert "gefinaliseerd" in page.content()

    # Documents (LBC-11): generate, then record the signed originals.
    for kind in ("contract", "code_of_conduct", "attendance", "pop"):
        page.click(f"form[action$='/documenten/'] button[value={kind}]")
        page.wait_for_load_state("load")
    for select in page.locator(
        "form[action*='/documenten/'][action$='/status/'] select[name=status]"
    ).all():
        select.select_option("original_received")
        select.locator("xpath=ancestor::form").locator("button[type=submit]").click()
        page.wait_for_load_state("load")
        page.goto(voucher_url)

    # The code of conduct handed over (LBC-11): an act the coach records, not the PDF.
    page.check("form[action$='/gedragscode/'] input[name=how][value=given]")
    _submit(page, "form[action$='/gedragscode/']")

    # Aftercare told (LBC-18), voucher closed after the confirmation, evaluation received (LBC-15).
    _submit(page, "form[action$='/nazorg/ingelicht/']")
    page.click("a:has-text('Cheque afronden')")
    page.wait_for_url("**/afronden/")
    assert "Alles staat in orde" in page.content()
    _submit(page, "main form[method=post]")
    page.wait_for_url(voucher_url)
    _submit(page, "form[action$='/evaluatie-ontvangen/']")

    page.goto(voucher_url)
    assert "Volledig: mag ingediend worden" in page.content()
