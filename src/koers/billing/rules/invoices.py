"""BIL-04: the coach's invoice to the centre, built from a monthly statement, and the credit note
that corrects an issued invoice.

The coach's company is the seller and the issuer (Koers prepares, the coach confirms; the centre
does not self-bill by default); the buyer is the centre's legal billing entity, not its working
name (COM-01). Seller and buyer are copied into the document when it is made: the dataclasses are
frozen values, so a later edit of an organisation changes no issued invoice. VAT follows the
seller's registration: 21 % standard rate (category S), or the small-business exemption
(category E, 0 %, with its mandatory mention). An issued invoice is never edited or deleted: a
correction is a credit note that refers to it (type 381, BillingReference).

The same value is checked before issuing (`invoice_checks`) and written as Peppol BIS Billing 3.0
UBL (`koers.billing.ubl`).

Pure: no Django, no clock (the issue date is a parameter).
"""

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal

from koers.billing.rules.periods import Month
from koers.billing.rules.ruleset import BillingRuleset
from koers.billing.rules.statements import Correction, Statement, money
from koers.lib.rules import Reason, reason

INVOICE = "380"  # UNTDID 1001: commercial invoice
CREDIT_NOTE = "381"  # UNTDID 1001: credit note
ZERO = Decimal("0.00")


@dataclass(frozen=True)
class Address:
    street: str
    postal_code: str
    city: str
    country: str = "BE"


@dataclass(frozen=True)
class Party:
    """A seller or buyer as the invoice keeps it (copied when issued)."""

    name: str  # the legal (registration) name
    enterprise_number: str  # the Belgian enterprise number (KBO/BCE), Peppol scheme 0208
    vat_number: str | None  # e.g. BE0123456749
    address: Address
    trading_name: str | None = None  # the working name, when it differs
    email: str | None = None
    iban: str | None = None  # the seller's account the centre pays to
    vat_exempt: bool = False  # the seller uses the small-business exemption (category E)


@dataclass(frozen=True)
class InvoiceLine:
    line_id: str
    client_name: str
    voucher: str
    quantity: Decimal  # hours
    price: Decimal  # the hourly rate
    amount: Decimal  # quantity × price, to the cent
    vat_category: str
    vat_percent: Decimal
    note: str = ""  # a correction's reason
    unit_code: str = "HUR"  # UN/ECE rec. 20: hour

    @property
    def item_name(self) -> str:
        """BIL-04: clear that it is career guidance, with the client's name."""
        return f"Loopbaanbegeleiding {self.client_name}"

    @property
    def description(self) -> str:
        text = f"Loopbaancheque {self.voucher}"
        return f"{text} — correctie: {self.note}" if self.note else text


@dataclass(frozen=True)
class VatSubtotal:
    category: str
    percent: Decimal
    taxable: Decimal
    tax: Decimal
    exemption_reason: str | None = None


@dataclass(frozen=True)
class Totals:
    """EN 16931 BG-22. Koers has no allowances, charges, prepayments or rounding; they are kept as
    zero so the totals rules (BR-CO-10..16) are checked in full."""

    line_extension: Decimal
    tax_exclusive: Decimal
    tax_total: Decimal
    tax_inclusive: Decimal
    payable: Decimal
    allowance_total: Decimal = ZERO
    charge_total: Decimal = ZERO
    prepaid: Decimal = ZERO
    rounding: Decimal = ZERO


@dataclass(frozen=True)
class Invoice:
    """An invoice (type 380) or a credit note (type 381) of a coach's company to the centre."""

    number: str
    type_code: str
    issue_date: date
    seller: Party
    buyer: Party
    buyer_reference: str  # the statement the invoice is for
    period: Month | None
    lines: tuple[InvoiceLine, ...]
    vat: tuple[VatSubtotal, ...]
    totals: Totals
    currency: str = "EUR"
    payment_terms: str = "Betaalbaar bij ontvangst."
    note: str = ""
    preceding_number: str | None = None  # a credit note: the invoice it corrects
    preceding_date: date | None = None

    @property
    def is_credit_note(self) -> bool:
        return self.type_code == CREDIT_NOTE


def vat_of(seller: Party, ruleset: BillingRuleset) -> tuple[str, Decimal]:
    """BIL-04: the VAT category and rate of the seller's registration."""
    if seller.vat_exempt:
        return ruleset.vat_exempt_category, ruleset.vat_exempt_percent
    return ruleset.vat_standard_category, ruleset.vat_standard_percent


def vat_breakdown(lines: Iterable[InvoiceLine], ruleset: BillingRuleset) -> tuple[VatSubtotal, ...]:
    """One subtotal per VAT category and rate; the tax rounded per subtotal (BR-CO-17)."""
    taxable: dict[tuple[str, Decimal], Decimal] = {}
    for line in lines:
        key = (line.vat_category, line.vat_percent)
        taxable[key] = taxable.get(key, ZERO) + line.amount
    return tuple(
        VatSubtotal(
            category,
            percent,
            amount,
            money(amount * percent / 100),
            ruleset.vat_exemption_reason if category == ruleset.vat_exempt_category else None,
        )
        for (category, percent), amount in sorted(taxable.items())
    )


def totals_of(lines: Iterable[InvoiceLine], vat: Iterable[VatSubtotal]) -> Totals:
    net = sum((line.amount for line in lines), ZERO)
    tax = sum((sub.tax for sub in vat), ZERO)
    return Totals(net, net, tax, net + tax, net + tax)


def invoice_from_statement(
    statement: Statement,
    *,
    number: str,
    issue_date: date,
    seller: Party,
    buyer: Party,
    statement_reference: str,
    ruleset: BillingRuleset,
    corrections: Iterable[Correction] = (),
) -> Invoice:
    """The invoice for a statement: one line per client, voucher and rate (hours × rate), then
    one line per correction entry (negative hours take hours back)."""
    category, percent = vat_of(seller, ruleset)
    lines = [
        InvoiceLine(
            str(i),
            line.client_name,
            line.voucher,
            line.hours,
            line.rate,
            line.amount,
            category,
            percent,
        )
        for i, line in enumerate(statement.lines, start=1)
    ]
    for c in corrections:
        hours = (Decimal(c.minutes) / 60).quantize(Decimal("0.01"))
        lines.append(
            InvoiceLine(
                str(len(lines) + 1),
                c.client_name,
                c.voucher,
                hours,
                c.rate,
                c.amount,
                category,
                percent,
                note=c.note,
            )
        )
    vat = vat_breakdown(lines, ruleset)
    return Invoice(
        number=number,
        type_code=INVOICE,
        issue_date=issue_date,
        seller=seller,
        buyer=buyer,
        buyer_reference=statement_reference,
        period=statement.month,
        lines=tuple(lines),
        vat=vat,
        totals=totals_of(lines, vat),
        currency=ruleset.currency,
        note="Loopbaanbegeleiding met loopbaancheques",
    )


def credit_note_for(
    invoice: Invoice,
    *,
    number: str,
    issue_date: date,
    note: str,
    ruleset: BillingRuleset,
    line_ids: Iterable[str] | None = None,
) -> tuple[Invoice | None, Reason | None]:
    """BIL-04: a credit note that refers to `invoice` and credits all its lines (or `line_ids`)."""
    if invoice.is_credit_note:
        return None, Reason(
            "BIL-04", "Een creditnota verwijst naar een factuur, niet naar een creditnota."
        )
    if not note.strip():
        return None, Reason("BIL-04", "Vermeld waarom de factuur gecrediteerd wordt.")
    if issue_date < invoice.issue_date:
        return None, Reason("BIL-04", "Een creditnota is niet ouder dan de factuur.")
    wanted = None if line_ids is None else set(line_ids)
    unknown = (wanted or set()) - {line.line_id for line in invoice.lines}
    if wanted is not None and (unknown or not wanted):
        return None, reason(
            "BIL-04",
            "Deze lijnen staan niet op factuur {number}: {lines}.",
            number=invoice.number,
            lines=", ".join(sorted(unknown)) or "—",
        )
    credited = [
        replace(line, line_id=str(i))
        for i, line in enumerate(
            (line for line in invoice.lines if wanted is None or line.line_id in wanted), start=1
        )
    ]
    vat = vat_breakdown(credited, ruleset)
    return replace(
        invoice,
        number=number,
        type_code=CREDIT_NOTE,
        issue_date=issue_date,
        lines=tuple(credited),
        vat=vat,
        totals=totals_of(credited, vat),
        note=note.strip(),
        payment_terms=f"Te verrekenen met factuur {invoice.number}.",
        preceding_number=invoice.number,
        preceding_date=invoice.issue_date,
    ), None


def issued_edit_refusal() -> Reason:
    """BIL-04: an issued invoice is never edited or deleted."""
    return Reason(
        "BIL-04",
        "Een uitgereikte factuur wordt nooit gewijzigd of verwijderd: maak een creditnota die "
        "ernaar verwijst.",
    )


def reissue_note(note: str, credited_number: str, credit_note_number: str) -> str:
    """BIL-04: the note of a statement's invoice issued again after a credit note names the
    invoice it replaces and the credit note that credited it (the centre's bookkeeping)."""
    replaces = (
        f"Vervangt factuur {credited_number}, gecrediteerd met creditnota {credit_note_number}."
    )
    return f"{note}. {replaces}" if note else replaces
