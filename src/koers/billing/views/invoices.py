"""BIL-04 pages: the invoice of a statement (preview with its problems, then "Factuur uitreiken"),
the invoice list and detail with PDF and UBL XML, and the credit note. A coach sees and issues
their own; centre staff read their centre's. Every write goes through a service."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from koers.billing.forms.invoices import CreditNoteForm, InvoiceIssueForm
from koers.billing.models import Statement
from koers.billing.selectors import hours as statement_selectors
from koers.billing.selectors import invoices as sel
from koers.billing.services import invoices as services
from koers.core.form_pages import REJECTED_STATUS, FormRejected, object_post, submitted


def _statement(request, pk: int) -> Statement:
    try:
        return statement_selectors.statement_get(user=request.user, pk=pk)
    except Statement.DoesNotExist:
        raise Http404 from None


def _prepare_page(request, statement: Statement, rejected: FormRejected | None = None):
    prepared = services.invoice_prepare(
        statement=statement, acting_user=request.user, today=timezone.localdate()
    )
    context = {
        "prepared": prepared,
        "statement": statement,
        "value": prepared.invoice,
        "issue_form": rejected.form if rejected else InvoiceIssueForm(),
    }
    status = REJECTED_STATUS if rejected else 200
    return render(request, "billing/invoice_prepare.html", context, status=status)


@login_required
@require_GET
def billing_invoice_prepare(request, pk: int):
    return _prepare_page(request, _statement(request, pk))


@object_post(
    load=_statement,
    page=_prepare_page,
    back=lambda statement: redirect("billing_invoice_prepare", pk=statement.pk),
)
def billing_invoice_issue(request, statement):
    form = InvoiceIssueForm(request.POST)
    with submitted(form, "issue_form"):
        invoice = services.invoice_issue(
            statement_id=statement.pk, acting_user=request.user, today=timezone.localdate()
        )
    messages.success(request, _("Factuur %(number)s is uitgereikt.") % {"number": invoice.number})
    return redirect("billing_invoice", pk=invoice.pk)


@login_required
@require_GET
def billing_invoices(request):
    context = sel.invoices_page(user=request.user, page=request.GET.get("page"))
    return render(request, "billing/invoices.html", context)


def _invoice_page(request, pk: int, rejected: FormRejected | None = None):
    view = sel.invoice_view(user=request.user, pk=pk)
    form = rejected.form if rejected else (CreditNoteForm() if view.can_credit else None)
    context = {"view": view, "invoice": view.invoice, "value": view.value, "credit_form": form}
    status = REJECTED_STATUS if rejected else 200
    return render(request, "billing/invoice_detail.html", context, status=status)


@login_required
@require_GET
def billing_invoice(request, pk: int):
    return _invoice_page(request, pk)


@object_post(
    load=lambda request, pk: sel.invoice_get(user=request.user, pk=pk),
    page=lambda request, invoice, rejected: _invoice_page(request, invoice.pk, rejected),
    back=lambda invoice: redirect("billing_invoice", pk=invoice.pk),
)
def billing_invoice_credit(request, invoice):
    form = CreditNoteForm(request.POST)
    with submitted(form, "credit_form") as data:
        note = services.credit_note_issue(
            invoice_id=invoice.pk,
            reason=data["reason"],
            acting_user=request.user,
            today=timezone.localdate(),
        )
    messages.success(request, _("Creditnota %(number)s is uitgereikt.") % {"number": note.number})
    return redirect("billing_invoice", pk=note.pk)


def _download(content: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
@require_GET
def billing_invoice_xml(request, pk: int):
    """The Peppol BIS Billing 3.0 UBL XML exactly as it was issued."""
    number, xml = sel.invoice_xml(user=request.user, pk=pk)
    return _download(xml, "application/xml", f"factuur-{number}.xml")


@login_required
@require_GET
def billing_invoice_pdf(request, pk: int):
    document = sel.invoice_document(user=request.user, pk=pk)
    from koers.billing.pdfs import invoice_pdf  # WeasyPrint (Pango) loads only for a PDF

    return _download(invoice_pdf(document), "application/pdf", f"factuur-{document.number}.pdf")
