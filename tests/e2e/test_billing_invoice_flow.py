"""Invoicing in a real browser (BIL-04): after the flow of test_billing_flow (hours marked, May
settled, the coach sees the statement) the coach enters their company (a wrong IBAN refused next to
the field first), centre staff enter the centre's billing details, the coach prepares the invoice
from the statement, issues it after the confirmation, downloads its PDF and UBL XML (checked by the
official Peppol validator), centre staff see it in their list, and the coach credits it.

`KOERS_SCREENSHOTS=<folder>` also saves each invoice page at 1366×900 and 820×1180 there.
"""

import io
import sys
from datetime import datetime
from pathlib import Path

import pytest
import time_machine

from koers.billing.models import CentreBillingDetails, CoachCompany, Invoice, Statement
from koers.core.models import User
from tests.e2e.test_billing_flow import BRUSSELS, _hours_to_statement, _log_in, _shots

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
expect = pytest.importorskip("playwright.sync_api").expect

PEPPOL = Path(__file__).resolve().parents[2].parent / "shared" / "peppol"
WRONG_IBAN = "BE21001234567804"
IBAN = "BE21001234567803"


@pytest.fixture(autouse=True)
def _outbox(settings, tmp_path):
    """Issued invoices are "delivered" into a folder, never to a real Peppol access point."""
    settings.KOERS_PEPPOL_OUTBOX = tmp_path / "peppol-outbox"
    settings.KOERS_PEPPOL_BACKEND = "koers.billing.delivery_backends.FileDropBackend"


def test_bil_04_company_details_invoice_issued_downloaded_and_credited(
    live_server, browser_page, tmp_path
):
    with time_machine.travel(datetime(2026, 6, 15, 10, 0, tzinfo=BRUSSELS), tick=True):
        _hours_to_statement(live_server.url, browser_page)
        _invoice_flow(live_server.url, browser_page, tmp_path)


def _invoice_flow(base, page, folder: Path) -> None:
    coach = User.objects.get(username="e2e-coach")
    staff = User.objects.get(username="e2e-staff")
    statement = Statement.objects.get()
    client_name = statement.lines.first().client_name

    _log_in(page, base, coach)
    _company(base, page)
    # Before the centre's billing details exist the preview says what is missing, and no button.
    page.goto(f"{base}/facturatie/afrekeningen/{statement.pk}/factuur/")
    expect(page.locator("#h-problems")).to_be_visible()
    expect(page.locator("button:has-text('Factuur uitreiken')")).to_have_count(0)
    _shots(page, "invoice-preview-problems")
    _log_in(page, base, staff)
    _centre_details(base, page)

    _log_in(page, base, coach)
    invoice = _issue(base, page, statement)
    _downloads(page, invoice, client_name, folder)

    _log_in(page, base, staff)
    page.goto(f"{base}/facturatie/facturen/")
    expect(page.locator(f"a:has-text('{invoice.number}')")).to_be_visible()
    _shots(page, "invoices-staff")
    # Centre staff read the invoice but do not credit it.
    page.click(f"a:has-text('{invoice.number}')")
    page.wait_for_url(f"**/facturatie/facturen/{invoice.pk}/")
    expect(page.locator("summary:has-text('Creditnota maken')")).to_have_count(0)

    _log_in(page, base, coach)
    _credit(base, page, invoice)


def _company(base, page) -> None:
    page.goto(f"{base}/facturatie/mijn-gegevens/onderneming/")
    _shots(page, "company-empty")
    page.fill("input[name=legal_name]", "Loopbaanpraktijk Eva BV")
    page.fill("input[name=enterprise_number]", "0512.345.684")
    page.fill("input[name=vat_number]", "BE0512345684")
    page.fill("input[name=street]", "Kerkstraat 12")
    page.fill("input[name=postal_code]", "2000")
    page.fill("input[name=city]", "Antwerpen")
    page.fill("input[name=iban]", WRONG_IBAN)
    page.fill("input[name=email]", "eva@praktijk.test")
    page.click("button:has-text('Bewaren')")
    # Refused next to the field, in Dutch, with what was typed kept.
    errors = page.locator("#id_iban_errors")
    expect(errors).to_contain_text("geen geldig IBAN")
    expect(page.locator("input[name=iban]")).to_have_value(WRONG_IBAN)
    expect(page.locator("input[name=legal_name]")).to_have_value("Loopbaanpraktijk Eva BV")
    assert not CoachCompany.objects.exists()
    _shots(page, "company-refused")
    page.fill("input[name=iban]", IBAN)
    page.click("button:has-text('Bewaren')")
    expect(page.locator("body")).to_contain_text("De gegevens van je onderneming zijn bewaard.")
    assert CoachCompany.objects.get().iban == IBAN


def _centre_details(base, page) -> None:
    page.goto(f"{base}/facturatie/facturatiegegevens/")
    expect(page.locator("input[name=legal_name]")).to_have_value("Loopbaancentrum Testhuis")
    _shots(page, "centre-details-empty")
    page.fill("input[name=enterprise_number]", "0200.000.043")
    page.fill("input[name=vat_number]", "BE0200000043")
    page.fill("input[name=street]", "Dorpsstraat 1")
    page.fill("input[name=postal_code]", "2970")
    page.fill("input[name=city]", "Schilde")
    page.fill("input[name=email]", "admin@testhuis.example.be")
    page.click("button:has-text('Bewaren')")
    expect(page.locator("body")).to_contain_text(
        "De facturatiegegevens van het centrum zijn bewaard."
    )
    assert CentreBillingDetails.objects.get().city == "Schilde"
    _shots(page, "centre-details")


def _issue(base, page, statement: Statement) -> Invoice:
    page.goto(f"{base}/facturatie/afrekeningen/{statement.pk}/")
    page.click("a:has-text('Factuur opmaken')")
    page.wait_for_url(f"**/facturatie/afrekeningen/{statement.pk}/factuur/")
    expect(page.locator("body")).to_contain_text("Loopbaanpraktijk Eva BV")
    expect(page.locator("body")).to_contain_text("€ 225,00")
    _shots(page, "invoice-preview")
    issue = page.locator("button:has-text('Factuur uitreiken')")
    # Not ticked: refused next to the box, nothing issued.
    page.once("dialog", lambda dialog: dialog.accept())
    issue.click()
    expect(page.locator("#id_confirm_errors")).to_be_visible()
    assert not Invoice.objects.exists()
    # Ticked, but the confirmation dismissed: still nothing.
    page.check("input[name=confirm]")
    page.once("dialog", lambda dialog: dialog.dismiss())
    page.locator("button:has-text('Factuur uitreiken')").click()
    assert not Invoice.objects.exists()
    page.once("dialog", lambda dialog: dialog.accept())
    page.locator("button:has-text('Factuur uitreiken')").click()
    page.wait_for_url("**/facturatie/facturen/*/")
    invoice = Invoice.objects.get()
    expect(page.locator("h1")).to_contain_text(invoice.number)
    expect(page.locator("body")).to_contain_text(f"Factuur {invoice.number} is uitgereikt.")
    _shots(page, "invoice-detail")
    return invoice


def _downloads(page, invoice: Invoice, client_name: str, folder: Path) -> None:
    pypdf = pytest.importorskip("pypdf")
    with page.expect_download() as pdf_download:
        page.click("a:has-text('PDF downloaden')")
    pdf = Path(pdf_download.value.path()).read_bytes()
    (folder / "invoice.pdf").write_bytes(pdf)
    assert pdf.startswith(b"%PDF")
    text = " ".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf)).pages)
    assert client_name in " ".join(text.split())

    with page.expect_download() as xml_download:
        page.click("a:has-text('UBL-XML downloaden')")
    xml = Path(xml_download.value.path()).read_bytes()
    assert xml == bytes(invoice.ubl_xml)
    _assert_peppol_valid(xml)


def _assert_peppol_valid(xml: bytes) -> None:
    if not (PEPPOL / "validate.py").exists():
        pytest.skip(f"the Peppol validator is not here ({PEPPOL}): ../shared/peppol is absent")
    pytest.importorskip("saxonche", reason="the Peppol validator needs saxonche<14 (dev extras)")
    sys.path.insert(0, str(PEPPOL))
    try:
        from validate import validate
    finally:
        sys.path.remove(str(PEPPOL))
    result = validate(xml)
    assert (result["xsd"], result["cen"], result["peppol"]) == ([], [], [])


def _credit(base, page, invoice: Invoice) -> None:
    page.goto(f"{base}/facturatie/facturen/{invoice.pk}/")
    page.click("summary:has-text('Creditnota maken')")
    page.fill("textarea[name=reason]", "Verkeerde maand gefactureerd")
    page.check("input[name=confirm]")
    page.once("dialog", lambda dialog: dialog.accept())
    page.click("button:has-text('Creditnota uitreiken')")
    page.wait_for_url(lambda url: not url.endswith(f"/facturen/{invoice.pk}/"))
    note = Invoice.objects.exclude(pk=invoice.pk).get()
    assert note.credited_invoice_id == invoice.pk
    expect(page.locator("body")).to_contain_text(f"Creditnota {note.number} is uitgereikt.")
    expect(page.locator("body")).to_contain_text(invoice.number)
    _shots(page, "credit-note")
    page.goto(f"{base}/facturatie/facturen/")
    expect(page.locator(f"a:has-text('{note.number}')")).to_be_visible()
    _shots(page, "invoices-coach")
