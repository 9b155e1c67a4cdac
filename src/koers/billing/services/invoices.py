"""BIL-04: the coach's invoice from a statement, and the credit note that corrects it.

Koers prepares, the coach confirms: `invoice_prepare` builds the invoice as it will be (number
"CONCEPT") with every problem Koers finds (the published rule IDs of `invoice_problems`);
`invoice_issue` issues it — only the statement's coach, only without problems, and only while the
statement has no invoice that is not credited (after a full credit note the statement is issued
again: a new number, following that credit note) — and `credit_note_issue` credits an issued
invoice in full, referring to it. Both
copy seller and buyer into the document, allocate the gapless number in the same transaction
(a locked `InvoiceSeries` row) and store the UBL XML; after commit the document goes through the
delivery backend (`invoice_deliver`, retried by the sweep). A refusal changes nothing.
"""

import logging
from dataclasses import dataclass, replace
from datetime import date

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from koers.billing.delivery_backends import OutgoingDocument, backend_path, delivery_backend
from koers.billing.models import (
    CentreBillingDetails,
    CoachCompany,
    Invoice,
    InvoiceDelivery,
    InvoiceKind,
    InvoiceLine,
    InvoiceSeries,
    Statement,
)
from koers.billing.models.invoice_values import (
    buyer_party,
    invoice_value,
    party_json,
    seller_party,
    vat_json,
)
from koers.billing.rules import invoices as rules
from koers.billing.rules import numbering
from koers.billing.rules import statements as statement_rules
from koers.billing.rules.invoice_checks import invoice_problems
from koers.billing.rules.periods import Month
from koers.billing.rules.ruleset import ruleset_for
from koers.billing.ubl import ubl_bytes
from koers.core.history import save_with_user
from koers.core.models import User
from koers.lib.refusals import refusal
from koers.lib.rules import Reason, reason

logger = logging.getLogger(__name__)

CONCEPT = "CONCEPT"  # the number of an invoice not yet issued (the preview)
NO_COMPANY = Reason(
    "BIL-04",
    "Vul eerst de gegevens van je onderneming in (Facturatie › Mijn gegevens › Onderneming): "
    "zij is de verkoper op de factuur.",
)
NO_BILLING_DETAILS = Reason(
    "BIL-04",
    "Het centrum heeft nog geen facturatiegegevens (adres, btw-nummer): centrummedewerkers vullen "
    "ze in onder Facturatie › Facturatiegegevens.",
)


@dataclass(frozen=True)
class Prepared:
    """The invoice of a statement as it will be issued, and why it cannot be yet."""

    statement: Statement
    invoice: rules.Invoice | None  # None while the seller or buyer data are missing
    problems: tuple[Reason, ...]
    issued: Invoice | None  # the statement's invoice that is not credited (it stops a new one)
    follows: Invoice | None = None  # the credit note a new invoice follows (issued again)

    @property
    def may_issue(self) -> bool:
        return self.issued is None and self.invoice is not None and not self.problems


def statement_reference(statement: Statement) -> str:
    """The buyer reference (BT-10): the statement the invoice is for."""
    return f"Afrekening {statement.label} nr. {statement.pk}"


def _statement_value(statement: Statement) -> statement_rules.Statement:
    lines = tuple(
        statement_rules.StatementLine(x.client_name, x.voucher, x.minutes, x.rate, ())
        for x in statement.lines.all()
    )
    return statement_rules.Statement(
        str(statement.coach_id), Month.of(statement.month), lines, (), ()
    )


def _corrections(statement: Statement) -> list[statement_rules.Correction]:
    return [
        statement_rules.Correction(
            str(statement.pk), c.client_name, c.voucher, c.minutes, c.rate, c.note
        )
        for c in statement.corrections.all()
    ]


def _require_coach(statement_or_invoice, user: User) -> None:
    if statement_or_invoice.coach_id != user.pk:
        raise PermissionDenied(_("Enkel de coach van deze afrekening reikt haar factuur uit."))


def _open_invoice(statement: Statement) -> tuple[Invoice | None, Invoice | None]:
    """The statement's invoice that is not credited, else the credit note a new invoice follows
    (the last one that no invoice follows yet; None before the first invoice)."""
    documents = statement.invoices.order_by("pk")
    issued = documents.filter(kind=InvoiceKind.INVOICE, credit_notes__isnull=True).last()
    if issued is not None:
        return issued, None
    follows = documents.filter(kind=InvoiceKind.CREDIT_NOTE, reissues__isnull=True)
    return None, follows.select_related("credited_invoice").last()


def _prepare(statement: Statement, acting_user: User, today: date) -> Prepared:
    _require_coach(statement, acting_user)
    issued, follows = _open_invoice(statement)
    company = CoachCompany.objects.filter(coach_id=statement.coach_id).first()
    details = CentreBillingDetails.objects.filter(organisation_id=statement.centre_id).first()
    missing = tuple(
        r
        for r, absent in ((NO_COMPANY, company is None), (NO_BILLING_DETAILS, details is None))
        if absent
    )
    if missing:
        return Prepared(statement, None, missing, issued, follows)
    ruleset = ruleset_for(today)
    value = rules.invoice_from_statement(
        _statement_value(statement),
        number=CONCEPT,
        issue_date=today,
        seller=seller_party(company),
        buyer=buyer_party(statement.centre, details),
        statement_reference=statement_reference(statement),
        ruleset=ruleset,
        corrections=_corrections(statement),
    )
    if follows is not None:
        note = rules.reissue_note(value.note, follows.credited_invoice.number, follows.number)
        value = replace(value, note=note)
    return Prepared(statement, value, invoice_problems(value, ruleset), issued, follows)


def invoice_prepare(*, statement: Statement, acting_user: User, today: date) -> Prepared:
    """BIL-04: the invoice of `statement` as it will be issued today, with its problems (the
    preview; nothing is written and no number is taken)."""
    return _prepare(statement, acting_user, today)


def _allocate(seller: str, kind: str, year: int) -> tuple[int, str]:
    """The next number of the series, inside the caller's transaction."""
    series, _created = InvoiceSeries.objects.get_or_create(
        seller_enterprise_number=seller, kind=kind, year=year
    )
    # The row lock serialises every issue of one series: two coaches of one company, or two tabs,
    # issuing at once wait for each other, so no number is given twice; a refused or failed
    # issue rolls the increment back together with its invoice, so no number is skipped.
    series = InvoiceSeries.objects.select_for_update().get(pk=series.pk)
    used = Invoice.objects.filter(seller_enterprise_number=seller, kind=kind, year=year)
    sequence = numbering.next_sequence(used.values_list("sequence", flat=True))
    if sequence != series.last_sequence + 1:  # pragma: no cover - a fault to look at
        raise RuntimeError(f"invoice series {series.pk} is out of step")
    series.last_sequence = sequence
    series.save(update_fields=["last_sequence"])
    return sequence, numbering.format_number(numbering.Series(seller, kind, year), sequence)


def _write(value: rules.Invoice, *, kind: str, sequence: int, acting_user: User, **links):
    invoice = Invoice(
        kind=kind,
        number=value.number,
        issue_date=value.issue_date,
        year=value.issue_date.year,
        sequence=sequence,
        seller_enterprise_number=value.seller.enterprise_number,
        seller=party_json(value.seller),
        buyer=party_json(value.buyer),
        vat=vat_json(value.vat),
        buyer_reference=value.buyer_reference,
        period=value.period.first_day if value.period else None,
        currency=value.currency,
        payment_terms=value.payment_terms,
        note=value.note,
        net_total=value.totals.tax_exclusive,
        vat_total=value.totals.tax_total,
        payable=value.totals.payable,
        ubl_xml=ubl_bytes(value),
        issued_by=acting_user,
        **links,
    )
    save_with_user(invoice, acting_user)
    InvoiceLine.objects.bulk_create(
        InvoiceLine(
            invoice=invoice,
            line_id=x.line_id,
            client_name=x.client_name,
            voucher=x.voucher,
            quantity=x.quantity,
            price=x.price,
            amount=x.amount,
            vat_category=x.vat_category,
            vat_percent=x.vat_percent,
            note=x.note,
        )
        for x in value.lines
    )
    InvoiceDelivery.objects.create(invoice=invoice)
    transaction.on_commit(lambda: invoice_deliver(invoice_id=invoice.pk))
    return invoice


def _issue_number(value: rules.Invoice, kind: str, ruleset) -> tuple[rules.Invoice, int]:
    sequence, number = _allocate(value.seller.enterprise_number, kind, value.issue_date.year)
    value = replace(value, number=number)
    problems = invoice_problems(value, ruleset)
    if problems:  # pragma: no cover - the same checks ran on the concept
        raise refusal("__all__", *problems)
    return value, sequence


@transaction.atomic
def invoice_issue(*, statement_id: int, acting_user: User, today: date) -> Invoice:
    """BIL-04: the statement's coach issues its invoice (irreversible). Refused, with nothing
    changed, for someone else's statement, a statement with an invoice not credited, or any
    problem. After a full credit note the statement is issued again: a new number of the same
    series, the statement's lines and corrections, following the credit note."""
    # Two clicks (or the page and the API at once) would both find no open invoice: the statement
    # row lock makes the second wait and then find the first one's invoice. The database guards
    # the same (one first invoice per statement, one invoice after each credit note).
    statement = (
        Statement.objects.visible_to(acting_user)
        .select_for_update(of=("self",))
        .select_related("centre")
        .filter(pk=statement_id)
        .first()
    )
    if statement is None:
        raise Http404("no such statement")
    prepared = _prepare(statement, acting_user, today)
    if prepared.issued is not None:
        raise refusal(
            "__all__",
            reason(
                "BIL-04",
                "Voor deze afrekening is al factuur {number} uitgereikt en niet gecrediteerd: "
                "crediteer ze eerst met een creditnota, dan maak je een nieuwe factuur op.",
                number=prepared.issued.number,
            ),
        )
    if prepared.problems:
        raise refusal("__all__", *prepared.problems)
    value, sequence = _issue_number(prepared.invoice, InvoiceKind.INVOICE, ruleset_for(today))
    return _write(
        value,
        kind=InvoiceKind.INVOICE,
        sequence=sequence,
        acting_user=acting_user,
        coach_id=statement.coach_id,
        centre_id=statement.centre_id,
        statement=statement,
        after_credit_note=prepared.follows,
    )


@transaction.atomic
def credit_note_issue(*, invoice_id: int, reason: str, acting_user: User, today: date) -> Invoice:
    """BIL-04: the coach credits one of their issued invoices in full with a credit note (type
    381) that refers to it and names the reason. An invoice is credited once."""
    # Two credit notes at once for one invoice: the invoice row lock makes the second wait.
    invoice = (
        Invoice.objects.visible_to(acting_user)
        .select_for_update(of=("self",))
        .filter(pk=invoice_id)
        .first()
    )
    if invoice is None:
        raise Http404("no such invoice")
    if invoice.coach_id != acting_user.pk:
        raise PermissionDenied(_("Enkel de coach die de factuur uitreikte, crediteert haar."))
    earlier = None if invoice.is_credit_note else invoice.credit_notes.first()
    if earlier is not None:
        raise refusal(
            "__all__",
            _reason_credited(invoice.number, earlier.number),
        )
    ruleset = ruleset_for(today)
    note, refused = rules.credit_note_for(
        invoice_value(invoice), number=CONCEPT, issue_date=today, note=reason, ruleset=ruleset
    )
    if refused:
        raise refusal("reason", refused)
    note, sequence = _issue_number(note, InvoiceKind.CREDIT_NOTE, ruleset)
    return _write(
        note,
        kind=InvoiceKind.CREDIT_NOTE,
        sequence=sequence,
        acting_user=acting_user,
        coach_id=invoice.coach_id,
        centre_id=invoice.centre_id,
        statement_id=invoice.statement_id,
        credited_invoice=invoice,
    )


def _reason_credited(number: str, note: str) -> Reason:
    return reason(
        "BIL-04",
        "Factuur {number} is al gecrediteerd met creditnota {note}.",
        number=number,
        note=note,
    )


def invoice_deliver(*, invoice_id: int) -> bool:
    """Hand an issued document to the delivery backend unless delivered; a failure is recorded
    and the sweep retries. The row lock keeps two deliverers (on-commit and the sweep) apart."""
    with transaction.atomic():
        delivery = (
            InvoiceDelivery.objects.select_for_update(of=("self",))
            .select_related("invoice")
            .get(invoice_id=invoice_id)
        )
        if delivery.delivered_at is not None:
            return False
        invoice = delivery.invoice
        document = OutgoingDocument(
            number=invoice.number,
            kind=invoice.kind,
            seller_enterprise_number=invoice.seller_enterprise_number,
            buyer_enterprise_number=invoice.buyer.get("enterprise_number", ""),
            ubl_xml=bytes(invoice.ubl_xml),
        )
        delivery.attempts += 1
        delivery.backend = backend_path()
        try:
            receipt = delivery_backend().deliver(document)
        except Exception as exc:  # the backend is down: keep it for the next sweep
            logger.warning("invoice %s not delivered: %s", invoice_id, type(exc).__name__)
            delivery.last_error = str(exc)[:500]
            delivery.save(update_fields=["attempts", "backend", "last_error"])
            return False
        delivery.delivered_at = timezone.now()
        delivery.receipt = receipt.reference[:500]
        delivery.last_error = ""
        delivery.save(
            update_fields=["attempts", "backend", "delivered_at", "receipt", "last_error"]
        )
        return True
