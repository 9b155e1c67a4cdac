"""BIL-04: an issued invoice row as the pure value `koers.billing.rules.invoices.Invoice` (for the
PDF, the credit note and the pages), and the parties as the JSON the row keeps of them."""

from dataclasses import asdict
from datetime import date
from decimal import Decimal

from koers.billing.rules import invoices as rules
from koers.billing.rules.periods import Month


def seller_party(company) -> rules.Party:
    """The coach's company as the invoice copies it."""
    return rules.Party(
        name=company.legal_name,
        enterprise_number=company.enterprise_number,
        vat_number=company.vat_number or None,
        address=rules.Address(company.street, company.postal_code, company.city, company.country),
        email=company.email or None,
        iban=company.iban,
        vat_exempt=company.vat_exempt,
    )


def buyer_party(centre, details) -> rules.Party:
    """The centre's legal billing entity (its legal name; the working name beside it)."""
    working = centre.working_name.strip()
    return rules.Party(
        name=centre.name,
        enterprise_number=centre.enterprise_number,
        vat_number=details.vat_number or None,
        address=rules.Address(details.street, details.postal_code, details.city, details.country),
        trading_name=working if working and working != centre.name else None,
        email=details.email or centre.email or None,
    )


def party_json(party: rules.Party) -> dict:
    """A party as copied into the invoice when it is issued."""
    return asdict(party)


def party_from_json(data: dict) -> rules.Party:
    return rules.Party(**{**data, "address": rules.Address(**data["address"])})


def vat_json(vat: tuple[rules.VatSubtotal, ...]) -> list[dict]:
    return [
        {
            "category": s.category,
            "percent": str(s.percent),
            "taxable": str(s.taxable),
            "tax": str(s.tax),
            "exemption_reason": s.exemption_reason,
        }
        for s in vat
    ]


def _vat_from_json(data: list[dict]) -> tuple[rules.VatSubtotal, ...]:
    return tuple(
        rules.VatSubtotal(
            s["category"],
            Decimal(s["percent"]),
            Decimal(s["taxable"]),
            Decimal(s["tax"]),
            s["exemption_reason"],
        )
        for s in data
    )


def invoice_value(invoice, preceding=None) -> rules.Invoice:
    """The frozen value of an issued `Invoice` row (its `lines` prefetched where many are read);
    `preceding`: the credited invoice of a credit note (else read through the relation)."""
    lines = tuple(
        rules.InvoiceLine(
            x.line_id,
            x.client_name,
            x.voucher,
            x.quantity,
            x.price,
            x.amount,
            x.vat_category,
            x.vat_percent,
            note=x.note,
        )
        for x in invoice.lines.all()
    )
    if invoice.credited_invoice_id and preceding is None:
        preceding = invoice.credited_invoice
    totals = rules.Totals(
        invoice.net_total,
        invoice.net_total,
        invoice.vat_total,
        invoice.net_total + invoice.vat_total,
        invoice.payable,
    )
    return rules.Invoice(
        number=invoice.number,
        type_code=rules.CREDIT_NOTE if invoice.kind == "credit_note" else rules.INVOICE,
        issue_date=invoice.issue_date,
        seller=party_from_json(invoice.seller),
        buyer=party_from_json(invoice.buyer),
        buyer_reference=invoice.buyer_reference,
        period=Month.of(invoice.period) if isinstance(invoice.period, date) else None,
        lines=lines,
        vat=_vat_from_json(invoice.vat),
        totals=totals,
        currency=invoice.currency,
        payment_terms=invoice.payment_terms,
        note=invoice.note,
        preceding_number=preceding.number if preceding else None,
        preceding_date=preceding.issue_date if preceding else None,
    )
