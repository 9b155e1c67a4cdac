"""BIL-04 reads: invoices and credit notes (a coach their own, centre staff their centre's), the
documents of a statement, the coach's company and the centre's billing details. A fixed number of
queries per page whatever the number of invoices."""

from dataclasses import dataclass

from django.core.paginator import Paginator
from django.db.models import Prefetch, QuerySet
from django.http import Http404

from koers.billing.models import (
    CentreBillingDetails,
    CoachCompany,
    Invoice,
    InvoiceKind,
    InvoiceLine,
    Statement,
)
from koers.billing.models.invoice_values import buyer_party, invoice_value
from koers.billing.rules import invoices as rules
from koers.billing.rules.invoice_checks import party_problems
from koers.core.models import Organisation, Role, User
from koers.lib.rules import Reason

PAGE_SIZE = 25


def invoices_for(user: User) -> QuerySet[Invoice]:
    """A coach sees their own invoices and credit notes, centre staff their centre's."""
    return Invoice.objects.visible_to(user).select_related(
        "coach", "centre", "credited_invoice", "delivery"
    )


def invoices_page(*, user: User, page: str | None) -> dict:
    found = Paginator(invoices_for(user), PAGE_SIZE).get_page(page)
    return {"page": found, "invoices": list(found)}


def invoice_get(*, user: User, pk: int) -> Invoice:
    invoice = (
        invoices_for(user)
        .prefetch_related(
            Prefetch("lines", queryset=InvoiceLine.objects.order_by("pk")),
            Prefetch("credit_notes", queryset=Invoice.objects.order_by("pk")),
        )
        .filter(pk=pk)
        .first()
    )
    if invoice is None:
        raise Http404("no such invoice")
    return invoice


@dataclass(frozen=True)
class InvoiceView:
    invoice: Invoice
    value: rules.Invoice
    can_credit: bool  # the coach who issued it, an invoice not yet credited

    @property
    def credit_notes(self) -> list[Invoice]:
        return list(self.invoice.credit_notes.all())

    @property
    def delivery(self):
        return getattr(self.invoice, "delivery", None)


def invoice_view(*, user: User, pk: int) -> InvoiceView:
    invoice = invoice_get(user=user, pk=pk)
    value = invoice_value(invoice)
    can_credit = (
        invoice.coach_id == user.pk
        and invoice.kind == InvoiceKind.INVOICE
        and not invoice.credit_notes.all()
    )
    return InvoiceView(invoice, value, can_credit)


def invoice_document(*, user: User, pk: int) -> rules.Invoice:
    """The issued document as the PDF renders it."""
    return invoice_value(invoice_get(user=user, pk=pk))


def invoice_xml(*, user: User, pk: int) -> tuple[str, bytes]:
    """The number and the UBL XML as it was issued (stored, never rebuilt)."""
    invoice = Invoice.objects.visible_to(user).filter(pk=pk).only("number", "ubl_xml").first()
    if invoice is None:
        raise Http404("no such invoice")
    return invoice.number, bytes(invoice.ubl_xml)


@dataclass(frozen=True)
class StatementDocument:
    """One line of a statement's invoice history."""

    document: Invoice
    credit_note: Invoice | None  # an invoice: the credit note that credited it
    replaces: Invoice | None  # an invoice issued again: the invoice it replaces


@dataclass(frozen=True)
class StatementInvoices:
    """On the statement page: its invoices and credit notes in the order issued (invoice, its
    credit note, the new invoice, ...), and whether the coach may prepare one: while no invoice is
    open (not credited)."""

    history: list[StatementDocument]
    open_invoice: Invoice | None
    can_prepare: bool

    @property
    def documents(self) -> list[Invoice]:
        return [row.document for row in self.history]

    @property
    def again(self) -> bool:
        """Every invoice was credited: the next one is the statement issued again."""
        return self.open_invoice is None and bool(self.history)


def statement_invoices(*, user: User, statement: Statement) -> StatementInvoices:
    documents = list(
        invoices_for(user)
        .select_related("after_credit_note__credited_invoice")
        .filter(statement=statement)
        .order_by("pk")
    )
    notes = {d.credited_invoice_id: d for d in documents if d.kind == InvoiceKind.CREDIT_NOTE}
    history = [
        StatementDocument(
            d,
            notes.get(d.pk),
            d.after_credit_note.credited_invoice if d.after_credit_note_id else None,
        )
        for d in documents
    ]
    open_invoice = next(
        (
            r.document
            for r in history
            if r.document.kind == InvoiceKind.INVOICE and not r.credit_note
        ),
        None,
    )
    return StatementInvoices(
        history, open_invoice, statement.coach_id == user.pk and open_invoice is None
    )


def coach_company(user: User) -> CoachCompany | None:
    return CoachCompany.objects.filter(coach=user).first()


def billing_centres(user: User) -> QuerySet[Organisation]:
    """The centres whose billing details the user keeps (centre staff; an administrator all
    career centres)."""
    if user.is_administrator:
        return Organisation.objects.filter(is_active=True, kind="career_centre")
    return Organisation.objects.filter(pk__in=user.organisation_ids(Role.CENTRE_STAFF))


@dataclass(frozen=True)
class BillingDetailsPage:
    centres: list[Organisation]
    centre: Organisation | None
    details: CentreBillingDetails | None
    problems: tuple[Reason, ...]  # what an invoice to this centre would still lack


def billing_details_page(*, user: User, centre_id: str | None) -> BillingDetailsPage:
    centres = list(billing_centres(user).order_by("name"))
    chosen = next((c for c in centres if str(c.pk) == str(centre_id)), None)
    if centre_id and chosen is None:
        raise Http404("not a centre of this user")
    centre = chosen or (centres[0] if centres else None)
    if centre is None:
        return BillingDetailsPage([], None, None, ())
    details = CentreBillingDetails.objects.filter(organisation=centre).first()
    problems = tuple(party_problems(buyer_party(centre, details), "buyer")) if details else ()
    return BillingDetailsPage(centres, centre, details, problems)


def invoice_out(invoice: Invoice) -> dict:
    """An invoice as the API lists it."""
    delivery = getattr(invoice, "delivery", None)
    return {
        "id": invoice.pk,
        "kind": invoice.kind,
        "number": invoice.number,
        "issue_date": invoice.issue_date,
        "coach_id": invoice.coach_id,
        "centre_id": invoice.centre_id,
        "statement_id": invoice.statement_id,
        "credited_invoice_id": invoice.credited_invoice_id,
        "credited_invoice_number": (
            invoice.credited_invoice.number if invoice.credited_invoice_id else None
        ),
        "after_credit_note_id": invoice.after_credit_note_id,
        "net_total": invoice.net_total,
        "vat_total": invoice.vat_total,
        "payable": invoice.payable,
        "delivered_at": delivery.delivered_at if delivery else None,
    }


def line_out(x: rules.InvoiceLine) -> dict:
    return {
        "line_id": x.line_id,
        "item_name": x.item_name,
        "client_name": x.client_name,
        "voucher": x.voucher,
        "hours": x.quantity,
        "rate": x.price,
        "amount": x.amount,
        "vat_category": x.vat_category,
        "vat_percent": x.vat_percent,
        "note": x.note,
    }


def invoice_detail_out(view: InvoiceView) -> dict:
    value = view.value
    return invoice_out(view.invoice) | {
        "seller": view.invoice.seller,
        "buyer": view.invoice.buyer,
        "buyer_reference": value.buyer_reference,
        "note": value.note,
        "payment_terms": value.payment_terms,
        "lines": [line_out(x) for x in value.lines],
        "credit_note_ids": [c.pk for c in view.credit_notes],
    }


def prepared_out(prepared) -> dict:
    """The invoice a statement would get, as the API shows it before issuing."""
    value = prepared.invoice
    return {
        "statement_id": prepared.statement.pk,
        "may_issue": prepared.may_issue,
        "issued_invoice_id": prepared.issued.pk if prepared.issued else None,
        "after_credit_note_id": prepared.follows.pk if prepared.follows else None,
        "problems": [p.as_dict() for p in prepared.problems],
        "net_total": value.totals.tax_exclusive if value else None,
        "vat_total": value.totals.tax_total if value else None,
        "payable": value.totals.payable if value else None,
        "lines": [line_out(x) for x in (value.lines if value else ())],
    }
