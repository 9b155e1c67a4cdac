"""The billing documents as A4 PDFs in the house style: the coach's invoice or credit note to the
centre (BIL-04) and the coach's monthly statement (BIL-03).

The invoice PDF renders the frozen invoice value (`rules.invoices.Invoice`) and nothing else, so
the PDF, the UBL XML and the checks before issuing show the same seller, buyer, lines and totals.
Amounts as nl-BE writes them ("€ 1.234,50"), hours with a decimal comma ("1,5").

Rendering takes a second (WeasyPrint): callers render outside database transactions.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.http import HttpResponse
from stdnum import iban as iban_number
from stdnum.be import vat as be_vat

from koers.billing.models import Statement
from koers.billing.rules.invoices import Address, Invoice, InvoiceLine, Party, VatSubtotal
from koers.billing.rules.labels import euro_label, month_label, number_label
from koers.billing.rules.periods import day_label
from koers.billing.selectors.statement_documents import statement_document
from koers.documents.render import css_string, render_pdf

VAT_CATEGORY_NAMES = {
    "S": "standaardtarief",
    "E": "vrijgesteld",
    "Z": "nultarief",
    "AE": "verlegd",
}


@dataclass(frozen=True)
class PartyLines:
    """A seller or buyer as the document prints it."""

    name: str
    trading_name: str | None  # the working name, only when it differs (COM-01)
    address: tuple[str, ...]
    enterprise_number: str
    vat_number: str
    iban: str
    email: str


@dataclass(frozen=True)
class LineRow:
    line_id: str
    item: str  # "Loopbaanbegeleiding <client>" (BIL-04)
    voucher: str
    note: str  # a correction's reason
    hours: str
    rate: str
    vat: str
    amount: str


@dataclass(frozen=True)
class ClientTotal:
    client: str
    hours: str
    amount: str


@dataclass(frozen=True)
class VatRow:
    category: str
    percent: str
    taxable: str
    tax: str
    exemption_reason: str | None


def _enterprise_number(number: str) -> str:
    digits = be_vat.compact(number) if number else ""
    return f"{digits[:4]}.{digits[4:7]}.{digits[7:]}" if len(digits) == 10 else number


def _address(address: Address) -> tuple[str, ...]:
    lines = (address.street, f"{address.postal_code} {address.city}".strip())
    return lines + (() if address.country == "BE" else (address.country,))


def _party(party: Party) -> PartyLines:
    differs = party.trading_name and party.trading_name.strip() != party.name.strip()
    return PartyLines(
        name=party.name,
        trading_name=party.trading_name if differs else None,
        address=_address(party.address),
        enterprise_number=_enterprise_number(party.enterprise_number),
        vat_number=party.vat_number or "",
        iban=iban_number.format(party.iban) if party.iban else "",
        email=party.email or "",
    )


def _vat_label(category: str, percent: Decimal) -> str:
    return f"{number_label(percent)} % ({category})"


def _line_row(line: InvoiceLine) -> LineRow:
    return LineRow(
        line_id=line.line_id,
        item=line.item_name,
        voucher=line.voucher,
        note=line.note,
        hours=number_label(line.quantity),
        rate=euro_label(line.price),
        vat=_vat_label(line.vat_category, line.vat_percent),
        amount=euro_label(line.amount),
    )


def client_totals(lines: Iterable[InvoiceLine]) -> list[ClientTotal]:
    """BIL-04: the total per client (a client's lines per voucher and rate and its corrections
    together), in the order the clients first appear."""
    hours: dict[str, Decimal] = {}
    amounts: dict[str, Decimal] = {}
    for line in lines:
        hours[line.client_name] = hours.get(line.client_name, Decimal(0)) + line.quantity
        amounts[line.client_name] = amounts.get(line.client_name, Decimal(0)) + line.amount
    return [
        ClientTotal(name, number_label(hours[name]), euro_label(amounts[name])) for name in hours
    ]


def _vat_row(sub: VatSubtotal) -> VatRow:
    name = VAT_CATEGORY_NAMES.get(sub.category, sub.category)
    return VatRow(
        category=f"{sub.category} — {name}",
        percent=f"{number_label(sub.percent)} %",
        taxable=euro_label(sub.taxable),
        tax=euro_label(sub.tax),
        exemption_reason=sub.exemption_reason,
    )


def invoice_context(invoice: Invoice) -> dict:
    """What the invoice template shows, every value already formatted."""
    period = invoice.period
    sums = invoice.totals
    title = "Creditnota" if invoice.is_credit_note else "Factuur"
    totals = client_totals(invoice.lines)
    return {
        "invoice": invoice,
        "title": title,
        "footer_css": css_string(f"{title} {invoice.number} · {invoice.seller.name}"),
        "issue_date": day_label(invoice.issue_date),
        "seller": _party(invoice.seller),
        "buyer": _party(invoice.buyer),
        "period": (
            f"{month_label(period)} ({day_label(period.first_day)} – {day_label(period.last_day)})"
            if period
            else ""
        ),
        "preceding_date": day_label(invoice.preceding_date) if invoice.preceding_date else "",
        "lines": [_line_row(line) for line in invoice.lines],
        "hours": number_label(sum((line.quantity for line in invoice.lines), Decimal(0))),
        # One seller has one VAT registration, so a rate per line repeats the breakdown below.
        "show_vat_per_line": len({(x.vat_category, x.vat_percent) for x in invoice.lines}) > 1,
        "client_totals": totals,
        "one_line_per_client": len(totals) == len(invoice.lines),
        "vat": [_vat_row(sub) for sub in invoice.vat],
        "exemptions": sorted({s.exemption_reason for s in invoice.vat if s.exemption_reason}),
        "net": euro_label(sums.tax_exclusive),
        "tax": euro_label(sums.tax_total),
        "gross": euro_label(sums.tax_inclusive),
        "payable": euro_label(sums.payable),
    }


def invoice_pdf(invoice: Invoice) -> bytes:
    """BIL-04: the invoice or credit note as the centre receives it on paper."""
    return render_pdf("billing/pdf/invoice.html", invoice_context(invoice))


def invoice_pdf_name(invoice: Invoice) -> str:
    kind = "creditnota" if invoice.is_credit_note else "factuur"
    return f"{kind}-{invoice.number}.pdf"


def statement_pdf(statement: Statement) -> bytes:
    """BIL-03: the coach's monthly statement: the billable guidance per client and voucher, the
    correction entries, the amount to invoice."""
    document = statement_document(statement_id=statement.pk)
    centre = document.centre
    footer = css_string(f"Afrekening {document.month} · {centre.working_name or centre.name}")
    return render_pdf(
        "billing/pdf/statement.html", {"doc": document, "centre": centre, "footer_css": footer}
    )


def statement_pdf_name(statement: Statement) -> str:
    """No names in the file name: it travels as a mail attachment and a download."""
    return f"afrekening-{statement.month:%Y-%m}.pdf"


def pdf_response(pdf: bytes, file_name: str) -> HttpResponse:
    """A rendered PDF as a download (the pages and the API)."""
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{file_name}"'
    return response
