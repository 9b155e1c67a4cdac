"""BIL-04: an issued invoice is never edited or deleted (not its row, not its lines, not in bulk),
and every document Koers issues passes the official validator of a Peppol access point."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from koers.billing.models import Invoice, InvoiceLine
from koers.billing.services.invoices import credit_note_issue, invoice_issue
from tests.billing.invoices import factories

TODAY = date(2026, 6, 15)


@pytest.fixture
def invoice(ready, coach):
    return invoice_issue(statement_id=ready.pk, acting_user=coach, today=TODAY)


def test_bil_04_an_issued_invoice_cannot_be_edited(invoice):
    invoice.note = "anders"
    with pytest.raises(ValidationError, match="nooit gewijzigd"):
        invoice.save()
    with pytest.raises(ValidationError):
        Invoice.objects.filter(pk=invoice.pk).update(note="anders")
    line = invoice.lines.first()
    line.amount = 1
    with pytest.raises(ValidationError):
        line.save()
    with pytest.raises(ValidationError):
        InvoiceLine.objects.filter(invoice=invoice).update(amount=1)
    assert Invoice.objects.get(pk=invoice.pk).note == "Loopbaanbegeleiding met loopbaancheques"


def test_bil_04_an_issued_invoice_cannot_be_deleted(invoice):
    with pytest.raises(ValidationError, match="creditnota"):
        invoice.delete()
    with pytest.raises(ValidationError):
        Invoice.objects.all().delete()
    with pytest.raises(ValidationError):
        invoice.lines.first().delete()
    with pytest.raises(ValidationError):
        InvoiceLine.objects.all().delete()
    assert Invoice.objects.count() == 1 and InvoiceLine.objects.count() == 2


def _assert_valid(result):
    assert (result["xsd"], result["cen"], result["peppol"]) == ([], [], [])


def test_bil_04_issued_invoice_category_s_passes_the_official_checks(invoice, peppol_validate):
    _assert_valid(peppol_validate(bytes(invoice.ubl_xml)))


def test_bil_04_issued_invoice_category_e_with_a_correction_passes_the_official_checks(
    coach, centre, centre_staff, peppol_validate
):
    factories.billing_details(centre)
    factories.company(
        coach,
        enterprise_number=factories.EXEMPT_ENTERPRISE,
        vat_number=f"BE{factories.EXEMPT_ENTERPRISE}",
        vat_exempt=True,
    )
    made = factories.statement(coach, centre)
    factories.correction(made, centre_staff, minutes=30, note="Vergeten sessie")
    invoice = invoice_issue(statement_id=made.pk, acting_user=coach, today=TODAY)
    xml = bytes(invoice.ubl_xml)
    assert b"Bijzondere vrijstellingsregeling kleine ondernemingen" in xml
    _assert_valid(peppol_validate(xml))


def test_bil_04_issued_credit_note_passes_the_official_checks(invoice, coach, peppol_validate):
    note = credit_note_issue(
        invoice_id=invoice.pk, reason="Foute cliënt", acting_user=coach, today=TODAY
    )
    _assert_valid(peppol_validate(bytes(note.ubl_xml)))
