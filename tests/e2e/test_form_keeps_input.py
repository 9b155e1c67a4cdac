"""In a real browser: the mediation agreement-sheet form with one wrong date comes back with the
error next to the date field and every other typed value still there; a field typed past its
maximum length says so."""

from datetime import datetime, time, timedelta

import pytest
from django.utils import timezone

from koers.core.models import OrganisationKind, Role
from koers.mediation import services
from koers.mediation.models import AgreementSheet
from tests.factories import ClientFactory, OrganisationFactory, staff_user

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _present_service():
    partner = OrganisationFactory(name="Werkkracht vzw", kind=OrganisationKind.MEDIATION_PARTNER)
    mediator = staff_user(partner, Role.MEDIATOR, username="e2e-bemiddelaar")
    earlier = timezone.make_aware(
        datetime.combine(timezone.localdate() - timedelta(days=10), time(10, 0))
    )
    service = services.mediation_refer(
        client=ClientFactory(organisation=partner, first_name="Nora", last_name="Claes"),
        responsible=mediator,
        organisation=partner,
        data=services.ReferralData(
            tender="TIBB4",
            lot="Perceel 3 Leuven",
            vdab_mediator_name="Vera VDAB",
            vdab_mediator_email="vera@vdab.example",
            referral_date=timezone.localdate() - timedelta(days=20),
            work_points=["Zoektocht naar werk", "Kinderopvang"],
            thresholds=[],
        ),
        first_appointment=services.AppointmentData(starts_at=earlier, place="Kantoor"),
        acting_user=mediator,
    )
    services.first_appointment_record(
        appointment=service.first_appointments.get(),
        present=True,
        acting_user=mediator,
        now=timezone.now(),
    )
    return service


def test_agreement_sheet_with_a_wrong_date_keeps_every_value_in_the_browser(
    live_server, browser_page
):
    service = _present_service()
    page = browser_page
    base = live_server.url
    page.goto(f"{base}/accounts/login/")
    page.fill("input[name=username]", "e2e-bemiddelaar")
    page.fill("input[name=password]", "secret-pass-123")
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/")

    page.goto(f"{base}/bemiddeling/{service.pk}/")
    form = page.locator("[data-testid=sheet-form]")
    deadline = (timezone.localdate() + timedelta(days=14)).strftime("%d/%m/%Y")
    form.locator("[name=made_on]").fill("31/02/2026")
    form.locator("[name=work_points][value='Kinderopvang']").check()
    form.locator("[name=a0_title]").fill("CV herschrijven")
    form.locator("[name=a0_what]").fill("Twee versies voor de logistiek")
    form.locator("[name=a0_deadline]").fill(deadline)
    form.locator("[name=services_remark]").fill("Via de VDAB-werkwinkel")
    # Typed past its maximum (300): the browser stops at 300 and the field says so.
    form.locator("[name=a0_remark]").press_sequentially("a" * 305)
    note = form.locator("#id_sheet_a0_remark_maxlength")
    assert note.is_visible() and "300/300" in note.inner_text()
    with page.expect_navigation():
        form.locator("button[type=submit]").click()

    form = page.locator("[data-testid=sheet-form]")
    assert form.is_visible()  # its <details> is open again
    errors = form.locator("#id_sheet_made_on_errors")
    assert "geldige datum" in errors.inner_text()
    assert form.locator("[name=made_on]").get_attribute("aria-invalid") == "true"
    assert form.locator("[name=made_on]").input_value() == "31/02/2026"
    assert form.locator("[name=a0_title]").input_value() == "CV herschrijven"
    assert form.locator("[name=a0_what]").input_value() == "Twee versies voor de logistiek"
    assert form.locator("[name=a0_deadline]").input_value() == deadline
    assert form.locator("[name=a0_remark]").input_value() == "a" * 300
    assert form.locator("[name=services_remark]").input_value() == "Via de VDAB-werkwinkel"
    assert form.locator("[name=work_points][value='Kinderopvang']").is_checked()
    assert not form.locator("[name=work_points][value='Zoektocht naar werk']").is_checked()
    # The page went to the field with the error.
    focused = page.evaluate("document.activeElement && document.activeElement.name")
    assert focused == "made_on"
    assert not AgreementSheet.objects.filter(service=service).exists()

    # A paste longer than the maximum, cut by the browser: the field says the rest was not taken.
    page.evaluate(
        """() => {
          const field = document.querySelector("[data-testid=sheet-form] [name=a1_what]");
          const data = new DataTransfer();
          data.setData("text/plain", "b".repeat(400));
          field.focus();
          field.dispatchEvent(new ClipboardEvent("paste", {clipboardData: data, bubbles: true}));
          field.value = "b".repeat(field.maxLength);
          field.dispatchEvent(new Event("input", {bubbles: true}));
        }"""
    )
    assert "Ingekort tot 300 tekens" in form.locator("#id_sheet_a1_what_maxlength").inner_text()
