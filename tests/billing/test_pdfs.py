"""BIL-04: the invoice and credit note PDF from the pure frozen invoice value (text read with
pypdf), and the nl-BE labels it prints with."""

import io
from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest
from pypdf import PdfReader

from koers.billing.pdfs import client_totals, css_string, invoice_pdf, invoice_pdf_name
from koers.billing.rules.invoices import credit_note_for, invoice_from_statement
from koers.billing.rules.labels import amount_label, euro_label, month_label, number_label
from koers.billing.rules.periods import Month
from koers.billing.rules.statements import CoachRate, Correction, EntryFacts, build_statement
from tests.billing.samples import BUYER, EXEMPT_SELLER, MARCH, RULES, SELLER, march_invoice


def _text(pdf: bytes) -> str:
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    return " ".join(text.split())


@pytest.fixture(scope="module")
def standard_text():
    return _text(invoice_pdf(march_invoice()))


def test_bil_04_invoice_pdf_shows_what_the_seed_asks(standard_text):
    text = standard_text
    # Career guidance, the client names, hours, the rate, the total per client.
    assert "Loopbaanbegeleiding An Peeters" in text and "Loopbaanbegeleiding Bart Claes" in text
    assert "3,5" in text and "€ 110,00" in text and "€ 385,00" in text
    # Seller: the coach's company with its numbers and account.
    assert "Loopbaanpraktijk Voorbeeld BV" in text and "Kerkstraat 12" in text
    assert "0512.345.684" in text and "BE0512345684" in text and "BE21 0012 3456 7803" in text
    # Buyer: the centre's legal name and its working name (COM-01).
    assert "Loopbaancentrum Voorbeeld VZW" in text and "Werkingsnaam: Voorbeeld" in text
    assert "0200.000.043" in text
    # Number, date, buyer reference, period, VAT, totals, payment terms.
    assert "FACTUUR" in text and "2026-0001" in text and "06/04/2026" in text
    assert "AFR-2026-03-c1" in text and "maart 2026 (01/03/2026 – 31/03/2026)" in text
    assert "S — standaardtarief" in text and "21 %" in text and "€ 103,95" in text
    assert "€ 495,00" in text and "€ 598,95" in text and "Betaalbaar bij ontvangst." in text
    assert "vrijstellingsregeling" not in text


def test_bil_04_exempt_seller_shows_category_e_and_the_mention():
    text = _text(invoice_pdf(march_invoice(EXEMPT_SELLER)))
    assert "E — vrijgesteld" in text and "0 %" in text
    assert "Bijzondere vrijstellingsregeling kleine ondernemingen" in text
    assert "€ 495,00" in text and "€ 0,00" in text


def test_bil_04_working_name_only_when_it_differs():
    same = replace(BUYER, trading_name=BUYER.name)
    text = _text(invoice_pdf(replace(march_invoice(), buyer=same)))
    assert "Werkingsnaam" not in text


def test_bil_04_credit_note_refers_to_the_invoice_it_corrects():
    note, refused = credit_note_for(
        march_invoice(),
        number="CN2026-0001",
        issue_date=date(2026, 4, 20),
        note="Uur dubbel aangerekend",
        ruleset=RULES,
        line_ids=["2"],
    )
    assert refused is None
    text = _text(invoice_pdf(note))
    assert "CREDITNOTA" in text and "CN2026-0001" in text
    assert "Crediteert factuur 2026-0001 van 06/04/2026" in text
    assert "Uur dubbel aangerekend" in text and "Te verrekenen met factuur 2026-0001." in text
    assert "Bart Claes" in text and "An Peeters" not in text and "Te crediteren" in text
    assert invoice_pdf_name(note) == "creditnota-CN2026-0001.pdf"


def test_bil_04_total_per_client_adds_its_lines_and_corrections():
    correction = Correction("s1", "An Peeters", "1", -30, Decimal("110.00"), "Dubbel geteld")
    invoice = invoice_from_statement(
        march_statement_with_two_rates(),
        number="2026-0003",
        issue_date=date(2026, 4, 6),
        seller=SELLER,
        buyer=BUYER,
        statement_reference="AFR-2026-03-c1",
        ruleset=RULES,
        corrections=[correction],
    )
    totals = {t.client: (t.hours, t.amount) for t in client_totals(invoice.lines)}
    assert totals["An Peeters"] == ("3", "€ 290,00")  # 2 h × 90 + 1,5 h × 110 − 0,5 h × 110
    text = _text(invoice_pdf(invoice))
    assert "Totaal per cliënt" in text and "Correctie: Dubbel geteld" in text and "-0,5" in text


def march_statement_with_two_rates():
    entries = [
        EntryFacts("h1", "An Peeters", "1", date(2026, 3, 3), 120, date(2026, 3, 4)),
        EntryFacts("h2", "An Peeters", "1", date(2026, 3, 20), 90, date(2026, 3, 21)),
        EntryFacts("h3", "Bart Claes", "2", date(2026, 3, 17), 60, date(2026, 3, 18)),
    ]
    rates = (
        CoachRate(Decimal("90.00"), date(2026, 1, 1), date(2026, 3, 15)),
        CoachRate(Decimal("110.00"), date(2026, 3, 16)),
    )
    statement, refused = build_statement(
        coach="c1", month=MARCH, entries=entries, rates=rates, today=date(2026, 4, 5), ruleset=RULES
    )
    assert refused is None
    return statement


def test_bil_04_many_lines_and_long_names_run_over_pages_with_every_line():
    long = "Van Den Broeck-Vanderlinden de la Fontaine-Uitermate"
    entries = [
        EntryFacts(f"h{i}", f"Klant{i:02d} {long}", "1", date(2026, 3, 3), 120, date(2026, 3, 4))
        for i in range(45)
    ]
    statement, _ = build_statement(
        coach="c1",
        month=MARCH,
        entries=entries,
        rates=(CoachRate(Decimal("110.00"), date(2026, 1, 1)),),
        today=date(2026, 4, 5),
        ruleset=RULES,
    )
    seller = replace(SELLER, name="Loopbaanpraktijk Met Een Bijzonder Lange Naam Voor Coaching BV")
    invoice = invoice_from_statement(
        statement,
        number="2026-0009",
        issue_date=date(2026, 4, 6),
        seller=seller,
        buyer=BUYER,
        statement_reference="AFR",
        ruleset=RULES,
    )
    pdf = invoice_pdf(invoice)
    reader = PdfReader(io.BytesIO(pdf))
    text = _text(pdf)
    assert len(reader.pages) >= 2 and f"Pagina 1 van {len(reader.pages)}" in text
    assert all(f"Klant{i:02d}" in text for i in range(45))
    assert "€ 9.900,00" in text and "€ 11.979,00" in text  # 45 × 2 h × € 110, plus 21 %


@pytest.mark.parametrize(
    ("amount", "label"),
    [
        ("1234.5", "€ 1.234,50"),
        ("0", "€ 0,00"),
        ("-45", "€ -45,00"),
        ("1234567.895", "€ 1.234.567,90"),
        ("0.005", "€ 0,01"),
    ],
)
def test_bil_04_euro_amounts_as_nl_be_writes_them(amount, label):
    assert euro_label(Decimal(amount)) == label
    assert amount_label(Decimal(amount)) == label.removeprefix("€ ")


@pytest.mark.parametrize(
    ("value", "label"),
    [("1.50", "1,5"), ("4.00", "4"), ("21", "21"), ("-0.50", "-0,5"), ("0.00", "0"), ("10", "10")],
)
def test_bil_04_hours_and_percentages_with_a_decimal_comma(value, label):
    assert number_label(Decimal(value)) == label


def test_bil_04_month_in_words():
    assert month_label(Month(2026, 3)) == "maart 2026"
    assert month_label(Month(2026, 12)) == "december 2026"


def test_bil_04_footer_text_cannot_break_out_of_its_css_string():
    escaped = css_string('Coach "BV" <\\style> & co')
    assert '"' not in escaped and "<" not in escaped and ">" not in escaped
    assert escaped.startswith("Coach \\22 BV\\22  ")
