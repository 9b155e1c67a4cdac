"""BIL-04 services: preparing and issuing an invoice from a statement, credit notes, the parties
copied in, gapless numbers, refusals that change nothing, and delivery through the backend."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404

from koers.billing.models import Invoice, InvoiceDelivery, InvoiceSeries
from koers.billing.services.invoices import (
    credit_note_issue,
    invoice_deliver,
    invoice_issue,
    invoice_prepare,
)
from tests.billing.invoices import factories

TODAY = date(2026, 6, 15)


def issue(statement, user, today=TODAY):
    return invoice_issue(statement_id=statement.pk, acting_user=user, today=today)


def messages(exc: pytest.ExceptionInfo) -> str:
    return " ".join(exc.value.messages)


def test_bil_04_prepare_shows_the_invoice_without_a_number(ready, coach):
    prepared = invoice_prepare(statement=ready, acting_user=coach, today=TODAY)
    assert prepared.may_issue and prepared.problems == ()
    value = prepared.invoice
    assert value.number == "CONCEPT"
    assert [(x.item_name, x.quantity, x.price, x.amount) for x in value.lines] == [
        ("Loopbaanbegeleiding An Peeters", Decimal("2.50"), Decimal("90.00"), Decimal("225.00")),
        ("Loopbaanbegeleiding Bart Claes", Decimal("1.00"), Decimal("90.00"), Decimal("90.00")),
    ]
    assert (value.totals.tax_exclusive, value.totals.tax_total, value.totals.payable) == (
        Decimal("315.00"),
        Decimal("66.15"),
        Decimal("381.15"),
    )
    assert value.buyer.name == "Loopbaancentrum Horizon" and value.buyer.trading_name == "Horizon"
    assert not Invoice.objects.exists() and not InvoiceSeries.objects.exists()


def test_bil_04_issue_copies_seller_and_buyer_and_stores_the_ubl(ready, coach, centre):
    invoice = issue(ready, coach)
    assert (invoice.number, invoice.kind, invoice.payable) == (
        "2026-0001",
        "invoice",
        Decimal("381.15"),
    )
    assert invoice.seller["name"] == "Loopbaanpraktijk Voorbeeld BV"
    assert invoice.buyer["name"] == "Loopbaancentrum Horizon"
    assert b"<cbc:ID>2026-0001</cbc:ID>" in bytes(invoice.ubl_xml)
    assert invoice.lines.count() == 2


def test_bil_04_later_edits_of_company_and_organisation_do_not_change_an_issued_invoice(
    ready, coach, centre
):
    invoice = issue(ready, coach)
    xml = bytes(invoice.ubl_xml)
    coach.billing_company.legal_name = "Nieuwe Naam BV"
    coach.billing_company.save()
    centre.name = "Andere Rechtspersoon VZW"
    centre.save()
    centre.billing_details.street = "Nieuwstraat 1"
    centre.billing_details.save()
    again = Invoice.objects.get(pk=invoice.pk)
    assert again.seller["name"] == "Loopbaanpraktijk Voorbeeld BV"
    assert again.buyer["name"] == "Loopbaancentrum Horizon"
    assert again.buyer["address"]["street"] == "Dorpsstraat 1"
    assert bytes(again.ubl_xml) == xml


def test_bil_04_numbers_run_per_company_kind_and_year_without_gaps(coach, other_coach, centre):
    factories.billing_details(centre)
    factories.company(coach)
    factories.company(
        other_coach,
        enterprise_number=factories.EXEMPT_ENTERPRISE,
        vat_number=f"BE{factories.EXEMPT_ENTERPRISE}",
        vat_exempt=True,
    )
    mine = [factories.statement(coach, centre, date(2026, m, 1)) for m in (3, 4, 5)]
    theirs = factories.statement(other_coach, centre, date(2026, 5, 1))
    numbers = [issue(s, coach).number for s in mine[:2]]
    numbers.append(issue(theirs, other_coach).number)
    numbers.append(issue(mine[2], coach, date(2027, 1, 4)).number)
    assert numbers == ["2026-0001", "2026-0002", "2026-0001", "2027-0001"]
    note = credit_note_issue(
        invoice_id=Invoice.objects.get(number="2026-0002", coach=coach).pk,
        reason="Verkeerde maand",
        acting_user=coach,
        today=date(2027, 1, 5),
    )
    assert note.number == "CN2027-0001"


def test_bil_04_a_refused_issue_changes_nothing_and_takes_no_number(coach, centre):
    factories.billing_details(centre)
    company = factories.company(coach, iban="BE21001234567804")  # a wrong check digit
    made = factories.statement(coach, centre)
    with pytest.raises(ValidationError) as refused:
        issue(made, coach)
    assert "geen geldig IBAN" in messages(refused) and "(BIL-04)" in messages(refused)
    assert not Invoice.objects.exists() and not InvoiceDelivery.objects.exists()
    assert InvoiceSeries.objects.filter(last_sequence__gt=0).count() == 0
    company.iban = factories.IBAN
    company.save()
    assert issue(made, coach).number == "2026-0001"


def test_bil_04_invalid_enterprise_number_of_the_centre_is_refused_with_its_rule(coach, centre):
    factories.company(coach)
    factories.billing_details(centre, vat_number="")
    centre.enterprise_number = "0200000044"
    centre.save()
    with pytest.raises(ValidationError) as refused:
        issue(factories.statement(coach, centre), coach)
    assert "PEPPOL-COMMON-R043" in messages(refused)
    assert not Invoice.objects.exists()


def test_bil_04_invalid_enterprise_number_of_the_seller_is_refused(coach, centre):
    factories.billing_details(centre)
    factories.company(coach, enterprise_number="0512345685", vat_number="BE0512345685")
    with pytest.raises(ValidationError) as refused:
        issue(factories.statement(coach, centre), coach)
    assert "PEPPOL-COMMON-R043" in messages(refused)


def test_bil_04_a_rate_not_allowed_is_refused(coach, centre):
    factories.company(coach)
    factories.billing_details(centre)
    made = factories.statement(coach, centre, lines=(("An Peeters", "1", 60, "95.00"),))
    with pytest.raises(ValidationError) as refused:
        issue(made, coach)
    assert "uurtarief is niet toegelaten" in messages(refused)


def test_bil_04_no_company_or_no_billing_details_is_refused(coach, centre):
    made = factories.statement(coach, centre)
    prepared = invoice_prepare(statement=made, acting_user=coach, today=TODAY)
    assert not prepared.may_issue and prepared.invoice is None
    assert [p.rule for p in prepared.problems] == ["BIL-04", "BIL-04"]
    with pytest.raises(ValidationError) as refused:
        issue(made, coach)
    assert "onderneming" in messages(refused) and "facturatiegegevens" in messages(refused)


def test_bil_04_someone_elses_statement_is_refused(ready, other_coach, centre_staff, outsider):
    with pytest.raises(Http404):
        issue(ready, other_coach)  # another coach does not even see it
    with pytest.raises(Http404):
        issue(ready, outsider)
    with pytest.raises(PermissionDenied):
        issue(ready, centre_staff)  # staff see it, but the coach is the issuer
    assert not Invoice.objects.exists()


def test_bil_04_one_invoice_per_statement(ready, coach):
    first = issue(ready, coach)
    with pytest.raises(ValidationError) as refused:
        issue(ready, coach)
    assert first.number in messages(refused)
    assert Invoice.objects.count() == 1


def test_bil_04_corrections_of_the_statement_are_lines_of_their_own(ready, coach, centre_staff):
    factories.correction(ready, centre_staff, minutes=-30, note="Dubbel geteld")
    invoice = issue(ready, coach)
    last = invoice.lines.order_by("pk").last()
    assert (last.quantity, last.amount, last.note) == (
        Decimal("-0.50"),
        Decimal("-45.00"),
        "Dubbel geteld",
    )
    assert invoice.net_total == Decimal("270.00")


def test_bil_04_credit_note_refers_to_the_invoice_and_credits_it_in_full(ready, coach):
    invoice = issue(ready, coach)
    note = credit_note_issue(
        invoice_id=invoice.pk, reason="Foute cliënt", acting_user=coach, today=TODAY
    )
    assert (note.kind, note.number, note.credited_invoice) == (
        "credit_note",
        "CN2026-0001",
        invoice,
    )
    assert note.payable == invoice.payable and note.statement_id == invoice.statement_id
    assert note.seller == invoice.seller and note.buyer == invoice.buyer
    xml = bytes(note.ubl_xml)
    assert b"<CreditNote" in xml and b"2026-0001" in xml


def test_bil_04_credit_note_needs_a_reason_the_issuer_and_is_made_once(ready, coach, centre_staff):
    invoice = issue(ready, coach)
    with pytest.raises(ValidationError) as refused:
        credit_note_issue(invoice_id=invoice.pk, reason="  ", acting_user=coach, today=TODAY)
    assert "Vermeld waarom" in messages(refused)
    with pytest.raises(PermissionDenied):
        credit_note_issue(invoice_id=invoice.pk, reason="x", acting_user=centre_staff, today=TODAY)
    note = credit_note_issue(invoice_id=invoice.pk, reason="x", acting_user=coach, today=TODAY)
    with pytest.raises(ValidationError) as again:
        credit_note_issue(invoice_id=invoice.pk, reason="x", acting_user=coach, today=TODAY)
    assert note.number in messages(again)
    with pytest.raises(ValidationError):
        credit_note_issue(invoice_id=note.pk, reason="x", acting_user=coach, today=TODAY)
    assert Invoice.objects.count() == 2


def test_bil_04_issued_document_is_delivered_to_the_file_drop(
    ready, coach, settings, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        invoice = issue(ready, coach)
    delivery = InvoiceDelivery.objects.get(invoice=invoice)
    assert delivery.delivered_at is not None and delivery.attempts == 1
    dropped = settings.KOERS_PEPPOL_OUTBOX / delivery.receipt
    assert dropped.read_bytes() == bytes(invoice.ubl_xml)
    assert delivery.receipt == f"{factories.SELLER_ENTERPRISE}-2026-0001.xml"
    assert invoice_deliver(invoice_id=invoice.pk) is False  # never twice


class Broken:
    def deliver(self, document):
        raise OSError("access point down")


def test_bil_04_failed_delivery_is_recorded_and_the_sweep_retries(ready, coach, settings):
    from koers.billing.jobs.invoices import billing_deliver_invoices

    settings.KOERS_PEPPOL_BACKEND = "tests.billing.invoices.test_services.Broken"
    invoice = issue(ready, coach)
    assert billing_deliver_invoices(None) == 0
    delivery = InvoiceDelivery.objects.get(invoice=invoice)
    assert (delivery.attempts, delivery.delivered_at) == (1, None)
    assert "access point down" in delivery.last_error
    settings.KOERS_PEPPOL_BACKEND = "koers.billing.delivery_backends.FileDropBackend"
    assert billing_deliver_invoices(None) == 1
    assert billing_deliver_invoices(None) == 0
