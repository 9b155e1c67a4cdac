"""An invoice or credit note as Peppol BIS Billing 3.0 UBL 2.1 XML, built with lxml.

The element order follows the UBL 2.1 schemas (as in the official examples in
`../shared/peppol/examples/`); what is written follows the Peppol rules: CustomizationID and
ProfileID of BIS Billing 3.0, electronic addresses and legal identifiers with scheme 0208 (the
Belgian enterprise number), the statement as BuyerReference, hours with unit code HUR, one VAT
subtotal per category, payment by credit transfer to the seller's IBAN.

No Django: the input is the frozen `koers.billing.rules.invoices.Invoice`, checked before by
`invoice_checks.invoice_problems`.
"""

from decimal import Decimal

from lxml import etree

from koers.billing.rules.invoices import Invoice, InvoiceLine, Party, VatSubtotal

CUSTOMIZATION_ID = "urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0"
PROFILE_ID = "urn:fdc:peppol.eu:2017:poacc:billing:01:1.0"
ENTERPRISE_SCHEME = "0208"  # Peppol EAS / ICD: Belgian enterprise number
CREDIT_TRANSFER = "30"  # UNCL 4461

CAC = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
CBC = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"
ROOT = {
    "Invoice": "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2",
    "CreditNote": "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2",
}


def _el(parent: etree._Element, ns: str, tag: str, text: str | None = None, **attrs: str):
    el = etree.SubElement(parent, f"{{{ns}}}{tag}", attrs)
    if text is not None:
        el.text = text
    return el


def cac(parent, tag: str):
    return _el(parent, CAC, tag)


def cbc(parent, tag: str, text: str, **attrs: str):
    return _el(parent, CBC, tag, text, **attrs)


def _amount(value: Decimal) -> str:
    return f"{value.quantize(Decimal('0.01')):f}"


def _number(value: Decimal) -> str:
    """A quantity or percent without trailing zeros: 1.5, 21."""
    text = f"{value:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def _digits(number: str) -> str:
    return "".join(ch for ch in number if ch.isdigit())


def _vat_id(vat: str) -> str:
    return vat.upper().replace(" ", "").replace(".", "")


def _party(parent, party: Party) -> None:
    p = cac(parent, "Party")
    enterprise = _digits(party.enterprise_number)
    cbc(p, "EndpointID", enterprise, schemeID=ENTERPRISE_SCHEME)
    ident = cac(p, "PartyIdentification")
    cbc(ident, "ID", enterprise, schemeID=ENTERPRISE_SCHEME)
    if party.trading_name:
        cbc(cac(p, "PartyName"), "Name", party.trading_name)
    address = cac(p, "PostalAddress")
    cbc(address, "StreetName", party.address.street)
    cbc(address, "CityName", party.address.city)
    cbc(address, "PostalZone", party.address.postal_code)
    cbc(cac(address, "Country"), "IdentificationCode", party.address.country)
    if party.vat_number:
        tax = cac(p, "PartyTaxScheme")
        cbc(tax, "CompanyID", _vat_id(party.vat_number))
        cbc(cac(tax, "TaxScheme"), "ID", "VAT")
    legal = cac(p, "PartyLegalEntity")
    cbc(legal, "RegistrationName", party.name)
    cbc(legal, "CompanyID", enterprise, schemeID=ENTERPRISE_SCHEME)
    if party.email:
        cbc(cac(p, "Contact"), "ElectronicMail", party.email)


def _tax_category(parent, name: str, category: str, percent: Decimal, reason: str | None = None):
    cat = cac(parent, name)
    cbc(cat, "ID", category)
    cbc(cat, "Percent", _number(percent))
    if reason:
        cbc(cat, "TaxExemptionReason", reason)
    cbc(cac(cat, "TaxScheme"), "ID", "VAT")


def _tax_total(parent, invoice: Invoice) -> None:
    currency = invoice.currency
    total = cac(parent, "TaxTotal")
    cbc(total, "TaxAmount", _amount(invoice.totals.tax_total), currencyID=currency)
    for sub in invoice.vat:
        _subtotal(total, sub, currency)


def _subtotal(parent, sub: VatSubtotal, currency: str) -> None:
    el = cac(parent, "TaxSubtotal")
    cbc(el, "TaxableAmount", _amount(sub.taxable), currencyID=currency)
    cbc(el, "TaxAmount", _amount(sub.tax), currencyID=currency)
    _tax_category(el, "TaxCategory", sub.category, sub.percent, sub.exemption_reason)


def _monetary_total(parent, invoice: Invoice) -> None:
    t, currency = invoice.totals, invoice.currency
    el = cac(parent, "LegalMonetaryTotal")
    cbc(el, "LineExtensionAmount", _amount(t.line_extension), currencyID=currency)
    cbc(el, "TaxExclusiveAmount", _amount(t.tax_exclusive), currencyID=currency)
    cbc(el, "TaxInclusiveAmount", _amount(t.tax_inclusive), currencyID=currency)
    cbc(el, "PayableAmount", _amount(t.payable), currencyID=currency)


def _line(parent, line: InvoiceLine, invoice: Invoice) -> None:
    credit = invoice.is_credit_note
    el = cac(parent, "CreditNoteLine" if credit else "InvoiceLine")
    cbc(el, "ID", line.line_id)
    quantity = "CreditedQuantity" if credit else "InvoicedQuantity"
    cbc(el, quantity, _number(line.quantity), unitCode=line.unit_code)
    cbc(el, "LineExtensionAmount", _amount(line.amount), currencyID=invoice.currency)
    item = cac(el, "Item")
    cbc(item, "Description", line.description)
    cbc(item, "Name", line.item_name)
    _tax_category(item, "ClassifiedTaxCategory", line.vat_category, line.vat_percent)
    cbc(cac(el, "Price"), "PriceAmount", _amount(line.price), currencyID=invoice.currency)


def ubl_document(invoice: Invoice) -> etree._Element:
    """The UBL tree: an Invoice (type 380) or a CreditNote (type 381)."""
    kind = "CreditNote" if invoice.is_credit_note else "Invoice"
    ns = ROOT[kind]
    root = etree.Element(f"{{{ns}}}{kind}", nsmap={None: ns, "cac": CAC, "cbc": CBC})
    cbc(root, "CustomizationID", CUSTOMIZATION_ID)
    cbc(root, "ProfileID", PROFILE_ID)
    cbc(root, "ID", invoice.number)
    cbc(root, "IssueDate", invoice.issue_date.isoformat())
    cbc(
        root,
        "CreditNoteTypeCode" if invoice.is_credit_note else "InvoiceTypeCode",
        invoice.type_code,
    )
    if invoice.note:
        cbc(root, "Note", invoice.note)
    cbc(root, "DocumentCurrencyCode", invoice.currency)
    cbc(root, "BuyerReference", invoice.buyer_reference)
    if invoice.period is not None:
        period = cac(root, "InvoicePeriod")
        cbc(period, "StartDate", invoice.period.first_day.isoformat())
        cbc(period, "EndDate", invoice.period.last_day.isoformat())
    if invoice.preceding_number:
        ref = cac(cac(root, "BillingReference"), "InvoiceDocumentReference")
        cbc(ref, "ID", invoice.preceding_number)
        if invoice.preceding_date:
            cbc(ref, "IssueDate", invoice.preceding_date.isoformat())
    _party(cac(root, "AccountingSupplierParty"), invoice.seller)
    _party(cac(root, "AccountingCustomerParty"), invoice.buyer)
    if invoice.seller.iban:
        means = cac(root, "PaymentMeans")
        cbc(means, "PaymentMeansCode", CREDIT_TRANSFER, name="Overschrijving")
        cbc(means, "PaymentID", invoice.number)
        account = cac(means, "PayeeFinancialAccount")
        cbc(account, "ID", invoice.seller.iban.replace(" ", "").upper())
        cbc(account, "Name", invoice.seller.name)
    if invoice.payment_terms:
        cbc(cac(root, "PaymentTerms"), "Note", invoice.payment_terms)
    _tax_total(root, invoice)
    _monetary_total(root, invoice)
    for line in invoice.lines:
        _line(root, line, invoice)
    return root


def ubl_bytes(invoice: Invoice) -> bytes:
    """The UBL XML as UTF-8 bytes with an XML declaration: what is downloaded and delivered."""
    return etree.tostring(
        ubl_document(invoice), xml_declaration=True, encoding="UTF-8", pretty_print=True
    )
