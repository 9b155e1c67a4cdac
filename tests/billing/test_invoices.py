"""BIL-04: the coach's invoice from a statement, VAT per registration, credit notes."""

from dataclasses import replace
from datetime import date
from decimal import Decimal

from koers.billing.rules.invoices import (
    CREDIT_NOTE,
    INVOICE,
    credit_note_for,
    invoice_from_statement,
    issued_edit_refusal,
)
from koers.billing.rules.statements import Correction
from tests.billing.samples import (
    BUYER,
    EXEMPT_SELLER,
    RULES,
    SELLER,
    march_invoice,
    march_statement,
)


def test_bil_04_invoice_lines_per_client_with_hours_rate_and_total():
    invoice = march_invoice()
    assert invoice.type_code == INVOICE
    assert [(x.item_name, x.quantity, x.unit_code, x.price, x.amount) for x in invoice.lines] == [
        (
            "Loopbaanbegeleiding An Peeters",
            Decimal("3.50"),
            "HUR",
            Decimal("110.00"),
            Decimal("385.00"),
        ),
        (
            "Loopbaanbegeleiding Bart Claes",
            Decimal("1.00"),
            "HUR",
            Decimal("110.00"),
            Decimal("110.00"),
        ),
    ]
    assert invoice.totals.line_extension == march_statement().total == Decimal("495.00")
    assert invoice.buyer_reference == "AFR-2026-03-c1"
    assert (
        invoice.buyer.name == "Loopbaancentrum Voorbeeld VZW"
    )  # the legal entity, not "Voorbeeld"


def test_bil_04_vat_registered_seller_charges_21_percent_category_s():
    invoice = march_invoice()
    assert {(x.vat_category, x.vat_percent) for x in invoice.lines} == {("S", Decimal("21"))}
    (sub,) = invoice.vat
    assert (sub.category, sub.taxable, sub.tax, sub.exemption_reason) == (
        "S",
        Decimal("495.00"),
        Decimal("103.95"),
        None,
    )
    assert invoice.totals.payable == Decimal("598.95")


def test_bil_04_small_business_exemption_is_category_e_with_its_mention():
    invoice = march_invoice(EXEMPT_SELLER)
    (sub,) = invoice.vat
    assert (sub.category, sub.percent, sub.tax) == ("E", Decimal("0"), Decimal("0.00"))
    assert sub.exemption_reason == "Bijzondere vrijstellingsregeling kleine ondernemingen"
    assert invoice.totals.payable == Decimal("495.00")


def test_bil_04_parties_are_copied_so_a_later_edit_changes_no_issued_invoice():
    invoice = march_invoice()
    renamed = replace(SELLER, name="Andere naam BV")
    assert invoice.seller.name == "Loopbaanpraktijk Voorbeeld BV" != renamed.name


def test_bil_03_correction_entries_become_their_own_invoice_lines():
    back = Correction("S1", "Bart Claes", "2", -30, Decimal("110.00"), "Half uur te veel")
    invoice = invoice_from_statement(
        march_statement(),
        number="2026-0002",
        issue_date=date(2026, 4, 6),
        seller=SELLER,
        buyer=BUYER,
        statement_reference="AFR-2026-03-c1",
        ruleset=RULES,
        corrections=[back],
    )
    last = invoice.lines[-1]
    assert (last.quantity, last.amount) == (Decimal("-0.50"), Decimal("-55.00"))
    assert "correctie: Half uur te veel" in last.description
    assert invoice.totals.line_extension == Decimal("440.00")


def test_bil_04_credit_note_refers_to_the_invoice_it_corrects():
    invoice = march_invoice()
    note, refused = credit_note_for(
        invoice,
        number="CN2026-0001",
        issue_date=date(2026, 4, 20),
        note="Foute cliënt",
        ruleset=RULES,
    )
    assert refused is None
    assert note.type_code == CREDIT_NOTE and note.is_credit_note
    assert (note.preceding_number, note.preceding_date) == ("2026-0001", date(2026, 4, 6))
    assert note.totals.payable == invoice.totals.payable
    partial, _ = credit_note_for(
        invoice,
        number="CN2026-0002",
        issue_date=date(2026, 4, 20),
        note="x",
        ruleset=RULES,
        line_ids=["2"],
    )
    assert [x.line_id for x in partial.lines] == ["1"] and partial.totals.line_extension == Decimal(
        "110.00"
    )


def test_bil_04_credit_note_refusals_name_the_rule():
    invoice = march_invoice()
    kw = {"number": "CN2026-0001", "issue_date": date(2026, 4, 20), "ruleset": RULES}
    assert credit_note_for(invoice, note=" ", **kw)[1].rule == "BIL-04"
    assert (
        "niet op factuur 2026-0001: 9"
        in credit_note_for(invoice, note="x", line_ids=["9"], **kw)[1].message
    )
    note, _ = credit_note_for(invoice, note="x", **kw)
    assert credit_note_for(note, note="x", **kw)[1].rule == "BIL-04"
    early = {**kw, "issue_date": date(2026, 4, 1)}
    assert credit_note_for(invoice, note="x", **early)[1].rule == "BIL-04"


def test_bil_04_an_issued_invoice_is_never_edited():
    assert issued_edit_refusal().rule == "BIL-04"
    assert "creditnota" in issued_edit_refusal().message
