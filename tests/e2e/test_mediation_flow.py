"""A partner mediator's main path in a real browser: referral → absent (valid reason) → new first
appointment → present (banner, red bar) → planned contact → first agreement sheet, signed → start
mediation → (maximum duration reached) → final advice, service closed and returned to VDAB
(MED-01..MED-07, MED-12, MED-14, MED-15, MED-17)."""

from datetime import datetime, time, timedelta

import pytest
import time_machine
from django.utils import timezone

from koers.core.models import OrganisationKind, Role
from koers.mediation import jobs
from koers.mediation.models import MediationService
from tests.factories import OrganisationFactory, staff_user
from tests.mediation.conftest import confirm_settings

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _day(offset: int) -> str:
    return (timezone.localdate() + timedelta(days=offset)).strftime("%d/%m/%Y")


def _submit(page, form_selector: str):
    with page.expect_navigation():
        page.locator(f"{form_selector} button[type=submit]").first.click()


def test_med_partner_mediator_main_path_in_the_browser(live_server, browser_page):
    tomorrow = timezone.localdate() + timedelta(days=1)
    afternoon = timezone.make_aware(datetime.combine(tomorrow, time(16, 0)))
    with time_machine.travel(afternoon, tick=True):
        _main_path(live_server, browser_page)


def _main_path(live_server, page):
    partner = OrganisationFactory(
        name="Werkkracht vzw",
        kind=OrganisationKind.MEDIATION_PARTNER,
        email="info@werkkracht.example",
    )
    staff_user(
        partner, Role.MEDIATOR, username="e2e-bemiddelaar", first_name="Edu", last_name="Vlbr06"
    )
    base = live_server.url
    page.goto(f"{base}/accounts/login/")
    page.fill("input[name=username]", "e2e-bemiddelaar")
    page.fill("input[name=password]", "secret-pass-123")
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/")

    # MED-01: the referral, with the planned first appointment (in the past: we finish it now).
    page.goto(f"{base}/bemiddeling/toeleiding/")
    for name, value in {
        "first_name": "Nora",
        "last_name": "Claes",
        "email": "nora@example.org",
        "street": "Stationstraat 15",
        "postal_code": "1861",
        "city": "Wolvertem",
        "lot": "Perceel 3 Leuven",
        "vdab_mediator_name": "Vera Vdab",
        "vdab_mediator_email": "vera@vdab.example",
        "referral_date": _day(-30),
        "date": _day(-20),
        "start_time": "09:00",
        "duration_minutes": "60",
        "place": "Stationstraat 15 1861 WOLVERTEM",
    }.items():
        page.fill(f"main form [name={name}]", value)
    page.fill("main form textarea[name=work_points]", "Zoektocht naar werk\nKinderopvang regelen")
    page.select_option("main form select[name=tender]", "TIBB4")
    page.click("main form button[type=submit]")
    page.wait_for_url("**/bemiddeling/*/")
    service_url = page.url
    page.goto(f"{base}/bemiddeling/")
    assert "Nieuwe service - Intensieve bemiddeling" in page.content()
    page.goto(service_url)

    # MED-02/03: absent with a valid reason; Koers says what comes next.
    page.click("summary:has-text('Aanwezig / Afwezig')")
    page.check("form[data-testid=outcome-form] input[name=present][value='0']")
    page.select_option("form[data-testid=outcome-form] select[name=absence_reason]", "valid")
    _submit(page, "form[data-testid=outcome-form]")
    next_step = page.locator("[data-testid=next-step]").inner_text()
    assert "nieuwe gewone eerste afspraak" in next_step and "MED-03" in next_step

    # "Nieuwe eerste afspraak maken": an ordinary 2nd appointment.
    form = "form[data-testid=new-first]"
    page.fill(f"{form} input[name=date]", _day(-10))
    page.fill(f"{form} input[name=start_time]", "09:00")
    _submit(page, form)
    assert "Gewone afspraak 2 is gepland." in page.content()

    # MED-04: present → the partner becomes the mediator (banner) and the red bar shows.
    page.click("summary:has-text('Aanwezig / Afwezig')")
    page.check("form[data-testid=outcome-form] input[name=present][value='1']")
    _submit(page, "form[data-testid=outcome-form]")
    assert "EDU VLBR06" in page.locator("[data-testid=banner-mediator]").inner_text()
    assert page.locator("[data-testid=red-bar]").is_visible()
    assert "Eerste afsprakenblad uiterlijk" in page.locator("[data-testid=countdown]").inner_text()

    # A next contact, then the first agreement sheet (MED-05/07), signed by both.
    page.click("summary:has-text('Contact plannen of registreren')")
    form = "form[data-testid=contact-form]"
    page.fill(f"{form} input[name=date]", _day(7))
    page.fill(f"{form} input[name=start_time]", "10:00")
    page.fill(f"{form} input[name=place]", "Keizerslaan 11, 1000 Brussel")
    _submit(page, form)
    form = "form[data-testid=sheet-form]"
    page.fill(f"{form} input[name=made_on]", _day(0))
    page.check(f"{form} input[name=work_points][value='Zoektocht naar werk']")
    page.fill(f"{form} input[name=a0_title]", "Zoek passende vacatures")
    page.fill(f"{form} input[name=a0_what]", "Solliciteren op 4 vacatures per week")
    page.fill(f"{form} input[name=a0_deadline]", _day(21))
    _submit(page, form)
    assert "Afsprakenblad 1 van" in page.content()
    _submit(page, "form[data-testid=sign-form]")
    assert "✓ partner en deelnemer" in page.content()

    # MED-06: start the mediation process.
    assert not page.locator("form[action$='/start/'] button[disabled]").count(), (
        page.locator("#h-start").locator("xpath=..").inner_text()
    )
    _submit(page, "form[action$='/start/']")
    # The confirmation page says the dates the start gives (issue 16), then starts it.
    assert "De bemiddeling start vandaag" in page.content()
    _submit(page, "form[data-testid=start-confirm-form]")
    assert "Het bemiddelingsproces is gestart." in page.content()

    # … twelve months of mediation later: the maximum duration is reached (MED-12), "ter afsluiting".
    service = MediationService.objects.get()
    MediationService.objects.filter(pk=service.pk).update(
        mediation_started_on=timezone.localdate() - timedelta(days=370)
    )
    # MED-12: not on an unconfirmed maximum duration; once the partner's administrator confirmed it.
    assert jobs.mediation_closing_signal(timezone.now()) == 0
    page.goto(service_url)
    assert "niet bevestigd" in page.locator("[data-testid=tender-setting]").inner_text()
    confirm_settings(partner)
    assert jobs.mediation_closing_signal(timezone.now()) == 1
    page.goto(service_url)
    advice = page.locator("form[data-testid=advice-form]")
    assert "Nieuwe inschatting nodig" not in advice.inner_text()  # MED-14: three options only
    page.check("form[data-testid=advice-form] input[name=advice][value=need]")
    page.fill("form[data-testid=advice-form] textarea[name=remark]", "Graag verdere opvolging.")
    page.check("form[data-testid=advice-form] input[name=mail]")
    page.once("dialog", lambda dialog: dialog.accept())  # "Geef eindadvies" asks (issue 16)
    _submit(page, "form[data-testid=advice-form]")
    content = page.content()
    assert "Het eindadvies is gegeven" in content
    assert "Ja (Chef OE)" in content  # MED-17, annex 3
    service.refresh_from_db()
    assert service.state == "closed" and service.advice_document_id
