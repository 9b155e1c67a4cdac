"""BIL-04: the UBL 2.1 documents pass the official checks of a Peppol access point (UBL schema,
CEN EN 16931, Peppol BIS Billing 3.0), with the validator in ../shared/peppol."""

import sys
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from koers.billing.rules.invoice_checks import invoice_problems
from koers.billing.rules.invoices import credit_note_for, invoice_from_statement
from koers.billing.rules.statements import CoachRate, Correction, EntryFacts, build_statement
from koers.billing.ubl import CUSTOMIZATION_ID, PROFILE_ID, ubl_bytes
from tests.billing.samples import (
    BUYER,
    EXEMPT_SELLER,
    MARCH,
    RULES,
    SELLER,
    march_invoice,
    march_statement,
)

PEPPOL = Path(__file__).resolve().parents[2].parent / "shared" / "peppol"
NS = {
    "cbc": "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2",
    "cac": "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2",
}


@pytest.fixture(scope="module")
def validate():
    if not (PEPPOL / "validate.py").exists():
        pytest.skip(f"the Peppol validator is not here ({PEPPOL}): ../shared/peppol is absent")
    pytest.importorskip("saxonche", reason="the Peppol validator needs saxonche<14 (dev extras)")
    sys.path.insert(0, str(PEPPOL))
    try:
        from validate import validate as run
    finally:
        sys.path.remove(str(PEPPOL))
    return run


def credit_note():
    note, refused = credit_note_for(
        march_invoice(),
        number="CN2026-0001",
        issue_date=date(2026, 4, 20),
        note="Foute cliënt",
        ruleset=RULES,
    )
    assert refused is None
    return note


def assert_valid(result):
    assert (result["xsd"], result["cen"], result["peppol"]) == ([], [], [])


def test_bil_04_invoice_with_vat_category_s_passes_the_official_checks(validate):
    assert_valid(validate(ubl_bytes(march_invoice())))


def test_bil_04_invoice_with_vat_category_e_passes_the_official_checks(validate):
    xml = ubl_bytes(march_invoice(EXEMPT_SELLER))
    assert_valid(validate(xml))
    reason = etree.fromstring(xml).findtext(
        ".//cac:TaxSubtotal/cac:TaxCategory/cbc:TaxExemptionReason", namespaces=NS
    )
    assert reason == "Bijzondere vrijstellingsregeling kleine ondernemingen"


def test_bil_04_credit_note_passes_the_official_checks(validate):
    assert_valid(validate(ubl_bytes(credit_note())))


def test_bil_04_the_validator_does_catch_a_wrong_total(validate):
    root = etree.fromstring(ubl_bytes(march_invoice()))
    root.find(".//cac:LegalMonetaryTotal/cbc:PayableAmount", NS).text = "1.00"
    assert "BR-CO-16" in validate(etree.tostring(root))["cen"]


def test_bil_04_invoice_carries_the_peppol_identifiers_hours_and_statement():
    root = etree.fromstring(ubl_bytes(march_invoice()))
    assert root.findtext("cbc:CustomizationID", namespaces=NS) == CUSTOMIZATION_ID
    assert root.findtext("cbc:ProfileID", namespaces=NS) == PROFILE_ID
    assert root.findtext("cbc:BuyerReference", namespaces=NS) == "AFR-2026-03-c1"
    endpoints = root.findall(".//cbc:EndpointID", NS)
    assert [(e.get("schemeID"), e.text) for e in endpoints] == [
        ("0208", "0512345684"),
        ("0208", "0200000043"),
    ]
    quantities = root.findall(".//cbc:InvoicedQuantity", NS)
    assert [(q.get("unitCode"), q.text) for q in quantities] == [("HUR", "3.5"), ("HUR", "1")]
    assert root.findtext(".//cac:PayeeFinancialAccount/cbc:ID", namespaces=NS) == "BE21001234567803"


def test_bil_04_credit_note_refers_to_the_invoice_in_ubl():
    root = etree.fromstring(ubl_bytes(credit_note()))
    assert etree.QName(root).localname == "CreditNote"
    assert root.findtext("cbc:CreditNoteTypeCode", namespaces=NS) == "381"
    ref = root.find("cac:BillingReference/cac:InvoiceDocumentReference", NS)
    assert ref.findtext("cbc:ID", namespaces=NS) == "2026-0001"
    assert ref.findtext("cbc:IssueDate", namespaces=NS) == "2026-04-06"
    assert len(root.findall("cac:CreditNoteLine", NS)) == 2


def test_bil_03_invoice_with_a_correction_line_passes_the_official_checks(validate):
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
    assert invoice_problems(invoice, RULES) == ()
    assert_valid(validate(ubl_bytes(invoice)))


@settings(max_examples=8, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(
        st.tuples(st.sampled_from(["An", "Bart", "Chloë"]), st.integers(1, 16)),
        min_size=1,
        max_size=6,
    ),
    st.sampled_from([Decimal("90.00"), Decimal("110.00")]),
    st.booleans(),
)
def test_bil_04_property_any_statement_gives_an_invoice_the_validator_accepts(
    validate, hours, rate, exempt
):
    entries = [
        EntryFacts(f"h{i}", client, "1", date(2026, 3, 2), blocks * 30, date(2026, 3, 3))
        for i, (client, blocks) in enumerate(hours)
    ]
    statement, _ = build_statement(
        coach="c1",
        month=MARCH,
        entries=entries,
        rates=(CoachRate(rate, date(2026, 1, 1)),),
        today=date(2026, 4, 5),
        ruleset=RULES,
    )
    invoice = invoice_from_statement(
        statement,
        number="2026-0003",
        issue_date=date(2026, 4, 6),
        seller=EXEMPT_SELLER if exempt else SELLER,
        buyer=BUYER,
        statement_reference="AFR",
        ruleset=RULES,
    )
    assert invoice.totals.line_extension == statement.total
    assert invoice_problems(invoice, RULES) == ()
    assert_valid(validate(ubl_bytes(invoice)))
