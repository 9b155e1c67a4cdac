"""BIL-04: the checks Koers runs itself before issuing, each refusal naming its rule."""

from dataclasses import replace
from decimal import Decimal

import pytest

from koers.billing.rules.invoice_checks import (
    enterprise_number_refusal,
    iban_refusal,
    invoice_problems,
    vat_number_refusal,
)
from tests.billing.samples import BUYER, EXEMPT_SELLER, RULES, SELLER, march_invoice


def rules_of(invoice):
    return [r.rule for r in invoice_problems(invoice, RULES)]


@pytest.mark.parametrize("seller", [SELLER, EXEMPT_SELLER])
def test_bil_04_a_correct_invoice_has_no_problems(seller):
    assert invoice_problems(march_invoice(seller), RULES) == ()


@pytest.mark.parametrize(
    ("field", "value", "rule"),
    [
        ("line_extension", Decimal("494.99"), "BR-CO-10"),
        ("allowance_total", Decimal("1.00"), "BR-CO-11"),
        ("charge_total", Decimal("1.00"), "BR-CO-12"),
        ("tax_exclusive", Decimal("1.00"), "BR-CO-13"),
        ("tax_total", Decimal("1.00"), "BR-CO-14"),
        ("tax_inclusive", Decimal("1.00"), "BR-CO-15"),
        ("payable", Decimal("1.00"), "BR-CO-16"),
    ],
)
def test_bil_04_a_wrong_total_is_refused_naming_the_rule(field, value, rule):
    invoice = march_invoice()
    wrong = replace(invoice, totals=replace(invoice.totals, **{field: value}))
    assert rule in rules_of(wrong)


def test_bil_04_a_line_amount_not_hours_times_rate_is_refused():
    invoice = march_invoice()
    line = replace(invoice.lines[0], amount=Decimal("384.99"))
    assert "PEPPOL-EN16931-R120" in rules_of(replace(invoice, lines=(line, *invoice.lines[1:])))


def test_bil_04_an_invalid_enterprise_number_is_refused_naming_the_rule():
    refused = enterprise_number_refusal("0512.345.685", "de verkoper")
    assert refused.rule == "PEPPOL-COMMON-R043"
    assert "0512.345.685" in refused.message
    invoice = replace(march_invoice(), seller=replace(SELLER, enterprise_number="0512345685"))
    assert "PEPPOL-COMMON-R043" in rules_of(invoice)
    assert enterprise_number_refusal("0512.345.684", "de verkoper") is None


def test_bil_04_an_invalid_iban_is_refused_naming_the_rule():
    assert iban_refusal("BE21 0012 3456 7804").rule == "BIL-04"
    assert iban_refusal(None).rule == "BR-61"
    assert iban_refusal("BE21 0012 3456 7803") is None
    invoice = replace(march_invoice(), seller=replace(SELLER, iban="BE00 1234"))
    assert "BIL-04" in rules_of(invoice)


def test_bil_04_vat_number_is_valid_and_belongs_to_the_enterprise_number():
    assert vat_number_refusal(SELLER, "de verkoper") is None
    assert "ongeldig" in vat_number_refusal(replace(SELLER, vat_number="BE0512345685"), "v").message
    other = replace(SELLER, vat_number="BE0200000043")
    assert "hoort niet bij" in vat_number_refusal(other, "v").message
    assert "BE ervoor" in vat_number_refusal(replace(SELLER, vat_number="0512345684"), "v").message


def test_bil_04_mandatory_fields_are_named_by_their_rule():
    invoice = march_invoice()
    blank = replace(
        invoice,
        number=" ",
        buyer_reference="",
        lines=(),
        seller=replace(SELLER, name=""),
        buyer=replace(BUYER, address=replace(BUYER.address, street="")),
    )
    assert {"BR-02", "PEPPOL-EN16931-R003", "BR-16", "BR-06", "BR-10"} <= set(rules_of(blank))


def test_bil_04_vat_breakdown_rules_s_and_e():
    standard = march_invoice()
    sub = standard.vat[0]
    assert "BR-S-09" in rules_of(replace(standard, vat=(replace(sub, tax=Decimal("100.00")),)))
    assert "BR-S-08" in rules_of(replace(standard, vat=(replace(sub, taxable=Decimal("1.00")),)))
    assert "BR-S-10" in rules_of(replace(standard, vat=(replace(sub, exemption_reason="x"),)))
    assert "BR-S-01" in rules_of(replace(standard, vat=()))
    exempt = march_invoice(EXEMPT_SELLER)
    esub = exempt.vat[0]
    assert "BR-E-10" in rules_of(replace(exempt, vat=(replace(esub, exemption_reason=None),)))
    assert "BR-E-09" in rules_of(replace(exempt, vat=(replace(esub, tax=Decimal("1.00")),)))
    mixed = replace(standard, seller=EXEMPT_SELLER)  # S lines from an exempt seller
    assert "BIL-04" in rules_of(mixed)


def test_bil_04_a_rate_not_allowed_on_a_line_is_refused():
    invoice = march_invoice()
    line = replace(invoice.lines[1], price=Decimal("100.00"), amount=Decimal("100.00"))
    assert "BIL-04" in rules_of(replace(invoice, lines=(invoice.lines[0], line)))
