"""BIL-04: a statement has at most one invoice that is not credited. After a full credit note the
coach issues the statement again — a new number of the same gapless series, the statement's
corrections as lines, a document the official validator accepts — and a second invoice while one
is open is refused, in the service and by the database."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from koers.billing.models import Invoice, InvoiceSeries
from koers.billing.rules.numbering import parse_number, series_refusal
from koers.billing.services.invoices import credit_note_issue, invoice_issue, invoice_prepare
from tests.billing.invoices import factories

TODAY = date(2026, 6, 15)


def issue(statement, coach, today=TODAY):
    return invoice_issue(statement_id=statement.pk, acting_user=coach, today=today)


def credit(invoice, coach, reason="Vergeten sessie", today=TODAY):
    return credit_note_issue(invoice_id=invoice.pk, reason=reason, acting_user=coach, today=today)


def test_bil_04_after_a_credit_note_the_statement_is_invoiced_again_with_its_corrections(
    ready, coach, centre_staff
):
    first = issue(ready, coach)
    factories.correction(ready, centre_staff, minutes=30, note="Vergeten sessie")
    note = credit(first, coach)
    prepared = invoice_prepare(statement=ready, acting_user=coach, today=TODAY)
    assert prepared.may_issue and prepared.issued is None and prepared.follows == note
    again = issue(ready, coach)
    assert (again.number, again.kind, again.statement_id) == ("2026-0002", "invoice", ready.pk)
    assert again.after_credit_note == note and note.credited_invoice == first
    assert again.payable == Decimal("435.60")  # 315 + 45 (the correction) + 21 % VAT
    lines = list(again.lines.values_list("client_name", "quantity", "note"))
    assert lines[-1] == ("An Peeters", Decimal("0.50"), "Vergeten sessie")
    assert "Vervangt factuur 2026-0001, gecrediteerd met creditnota CN2026-0001." in again.note
    assert b"Vervangt factuur 2026-0001" in bytes(again.ubl_xml)


def test_bil_04_the_invoice_issued_again_passes_the_official_checks(
    ready, coach, centre_staff, peppol_validate
):
    first = issue(ready, coach)
    factories.correction(ready, centre_staff, minutes=-30, note="Dubbel geteld")
    credit(first, coach)
    result = peppol_validate(bytes(issue(ready, coach).ubl_xml))
    assert (result["xsd"], result["cen"], result["peppol"]) == ([], [], [])


def test_bil_04_a_second_uncredited_invoice_is_refused_naming_the_open_one(ready, coach):
    first = issue(ready, coach)
    with pytest.raises(ValidationError) as refused:
        issue(ready, coach)
    text = " ".join(refused.value.messages)
    assert "al factuur 2026-0001 uitgereikt en niet gecrediteerd" in text
    assert "creditnota" in text and "BIL-04" in text
    credit(first, coach)
    issue(ready, coach)
    with pytest.raises(ValidationError, match="al factuur 2026-0002 uitgereikt"):
        issue(ready, coach)
    assert Invoice.objects.filter(kind="invoice").count() == 2
    assert InvoiceSeries.objects.get(kind="invoice").last_sequence == 2


def test_bil_04_numbers_stay_gapless_through_credit_notes_and_new_invoices(ready, coach, centre):
    other = factories.statement(coach, centre, date(2026, 4, 1))
    invoice = issue(ready, coach)
    for _round in range(2):
        credit(invoice, coach)
        invoice = issue(ready, coach)
    issue(other, coach)
    invoices = list(Invoice.objects.filter(kind="invoice").order_by("pk"))
    notes = list(Invoice.objects.filter(kind="credit_note").order_by("pk"))
    assert [x.number for x in invoices] == ["2026-0001", "2026-0002", "2026-0003", "2026-0004"]
    assert [x.number for x in notes] == ["CN2026-0001", "CN2026-0002"]
    for documents in (invoices, notes):
        assert series_refusal(parse_number(x.number)[2] for x in documents) is None
    # the history hangs together: each new invoice follows the credit note of the one before
    assert [x.after_credit_note for x in invoices[:3]] == [None, notes[0], notes[1]]
    assert [x.credited_invoice for x in notes] == invoices[:2]


def test_bil_04_the_reissued_invoice_is_credited_like_any_other(ready, coach):
    credit(issue(ready, coach), coach)
    again = issue(ready, coach)
    note = credit(again, coach, reason="Verkeerde maand")
    assert (note.number, note.credited_invoice) == ("CN2026-0002", again)
    with pytest.raises(ValidationError, match="al gecrediteerd"):
        credit(again, coach)


def _copy(invoice: Invoice, sequence: int, **changes) -> Invoice:
    """The row written directly, past the service (an import, a bug): the database decides."""
    row = Invoice.objects.get(pk=invoice.pk)
    row.pk, row._state.adding = None, True
    row.sequence, row.number = sequence, f"2026-{sequence:04d}"
    for name, value in changes.items():
        setattr(row, name, value)
    return row


def test_bil_04_the_database_refuses_a_second_first_invoice_for_a_statement(ready, coach):
    first = issue(ready, coach)
    with pytest.raises(IntegrityError, match="statement|first_once"), transaction.atomic():
        _copy(first, 9).save()


def test_bil_04_the_database_refuses_two_invoices_after_one_credit_note(ready, coach):
    note = credit(issue(ready, coach), coach)
    again = issue(ready, coach)
    with pytest.raises(IntegrityError, match="after_credit_note"), transaction.atomic():
        _copy(again, 9, after_credit_note=note).save()
    with pytest.raises(IntegrityError, match="follows"), transaction.atomic():
        # a credit note follows no credit note (this one credits the open invoice, so only the
        # "follows" check is broken)
        _copy(note, 9, after_credit_note=note, credited_invoice=again, number="CN2026-0009").save()
