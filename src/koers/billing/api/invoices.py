"""/billing/invoices (BIL-04): invoices and credit notes with their PDF and UBL XML, issuing from a
statement, crediting; the coach's company and the centre's billing details. The same access as
the pages: a coach sees and issues only their own; centre staff read their centre's."""

from django.http import Http404, HttpRequest, HttpResponse
from django.utils import timezone
from ninja import Router

from koers.api.errors import ERRORS
from koers.api.lookups import PageQuery, auth_user, page
from koers.api.schemas import Id
from koers.billing.models import Statement
from koers.billing.schemas.invoices import (
    BillingCentreDetailsIn,
    BillingCentreDetailsOut,
    BillingCoachCompanyIn,
    BillingCoachCompanyOut,
    BillingCreditNoteIn,
    BillingInvoiceDetailOut,
    BillingInvoiceListOut,
    BillingInvoiceOut,
    BillingInvoicePreviewOut,
)
from koers.billing.selectors import hours as statement_selectors
from koers.billing.selectors import invoices as sel
from koers.billing.services import invoice_parties as parties
from koers.billing.services import invoices as services

router = Router(tags=["billing"])


@router.get(
    "/billing/invoices", response={200: BillingInvoiceListOut, **ERRORS}, summary="Facturen"
)
def list_billing_invoices(request: HttpRequest, params: PageQuery):
    """BIL-04: invoices and credit notes — a coach their own, centre staff their centre's."""
    found = page(sel.invoices_for(auth_user(request)), params)
    return {"count": found["count"], "items": [sel.invoice_out(x) for x in found["items"]]}


@router.get(
    "/billing/invoices/{invoice_id}",
    response={200: BillingInvoiceDetailOut, **ERRORS},
    summary="Factuur",
)
def get_billing_invoice(request: HttpRequest, invoice_id: Id):
    """BIL-04: seller and buyer as copied when issued, the lines, totals and credit notes."""
    return sel.invoice_detail_out(sel.invoice_view(user=auth_user(request), pk=invoice_id))


@router.get(
    "/billing/invoices/{invoice_id}/ubl",
    response={200: None, **ERRORS},
    summary="Factuur als UBL-XML (Peppol BIS Billing 3.0)",
)
def download_billing_invoice_ubl(request: HttpRequest, invoice_id: Id):
    number, xml = sel.invoice_xml(user=auth_user(request), pk=invoice_id)
    response = HttpResponse(xml, content_type="application/xml")
    response["Content-Disposition"] = f'attachment; filename="factuur-{number}.xml"'
    return response


@router.get(
    "/billing/invoices/{invoice_id}/pdf",
    response={200: None, **ERRORS},
    summary="Factuur als PDF",
)
def download_billing_invoice_pdf(request: HttpRequest, invoice_id: Id):
    document = sel.invoice_document(user=auth_user(request), pk=invoice_id)
    from koers.billing.pdfs import invoice_pdf  # WeasyPrint (Pango) loads only for a PDF

    response = HttpResponse(invoice_pdf(document), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="factuur-{document.number}.pdf"'
    return response


def _statement(request: HttpRequest, statement_id: int):
    try:
        return statement_selectors.statement_get(user=auth_user(request), pk=statement_id)
    except Statement.DoesNotExist:
        raise Http404 from None


@router.get(
    "/billing/statements/{statement_id}/invoice-preview",
    response={200: BillingInvoicePreviewOut, **ERRORS},
    summary="Factuur van een afrekening vooraf bekijken",
)
def preview_billing_invoice(request: HttpRequest, statement_id: Id):
    """BIL-04: the invoice as it would be issued today, and the problems that stop it (the
    published rule IDs). The statement's coach only; nothing is written."""
    prepared = services.invoice_prepare(
        statement=_statement(request, statement_id),
        acting_user=auth_user(request),
        today=timezone.localdate(),
    )
    return sel.prepared_out(prepared)


@router.post(
    "/billing/statements/{statement_id}/invoice",
    response={201: BillingInvoiceOut, **ERRORS},
    summary="Factuur uitreiken",
)
def issue_billing_invoice(request: HttpRequest, statement_id: Id):
    """BIL-04: the statement's coach issues its invoice (irreversible; once per statement). A
    problem (e.g. an invalid enterprise number or IBAN) is a 422 naming the rule."""
    user = auth_user(request)
    invoice = services.invoice_issue(
        statement_id=statement_id, acting_user=user, today=timezone.localdate()
    )
    return 201, sel.invoice_out(sel.invoice_get(user=user, pk=invoice.pk))


@router.post(
    "/billing/invoices/{invoice_id}/credit-note",
    response={201: BillingInvoiceOut, **ERRORS},
    summary="Creditnota maken",
)
def credit_billing_invoice(request: HttpRequest, invoice_id: Id, payload: BillingCreditNoteIn):
    """BIL-04: credit an issued invoice in full with a credit note that refers to it."""
    user = auth_user(request)
    note = services.credit_note_issue(
        invoice_id=invoice_id, reason=payload.reason, acting_user=user, today=timezone.localdate()
    )
    return 201, sel.invoice_out(sel.invoice_get(user=user, pk=note.pk))


@router.get(
    "/billing/coach-company",
    response={200: BillingCoachCompanyOut, **ERRORS},
    summary="Mijn onderneming",
)
def get_coach_company(request: HttpRequest):
    """BIL-04: your company, the seller on your invoices (404 while not filled in)."""
    company = sel.coach_company(auth_user(request))
    if company is None:
        raise Http404
    return company


@router.put(
    "/billing/coach-company",
    response={200: BillingCoachCompanyOut, **ERRORS},
    summary="Mijn onderneming bijhouden",
)
def put_coach_company(request: HttpRequest, payload: BillingCoachCompanyIn):
    """BIL-04: enterprise number, VAT number and IBAN are checked (python-stdnum)."""
    return parties.coach_company_save(acting_user=auth_user(request), **payload.dict())


def _details_out(page) -> dict:
    centre, details = page.centre, page.details
    return {
        "organisation_id": centre.pk,
        "working_name": centre.working_name,
        "legal_name": centre.name,
        "enterprise_number": centre.enterprise_number,
        **{name: getattr(details, name) for name in parties.DETAILS_FIELDS},
    }


@router.get(
    "/billing/centre-billing-details/{organisation_id}",
    response={200: BillingCentreDetailsOut, **ERRORS},
    summary="Facturatiegegevens van een centrum",
)
def get_centre_billing_details(request: HttpRequest, organisation_id: Id):
    found = sel.billing_details_page(user=auth_user(request), centre_id=str(organisation_id))
    if found.details is None:
        raise Http404
    return _details_out(found)


@router.put(
    "/billing/centre-billing-details/{organisation_id}",
    response={200: BillingCentreDetailsOut, **ERRORS},
    summary="Facturatiegegevens van een centrum bijhouden",
)
def put_centre_billing_details(
    request: HttpRequest, organisation_id: Id, payload: BillingCentreDetailsIn
):
    """BIL-04 / COM-01: the centre's legal billing entity (centre staff of that centre)."""
    user = auth_user(request)
    found = sel.billing_details_page(user=user, centre_id=str(organisation_id))
    parties.centre_billing_details_save(centre=found.centre, acting_user=user, **payload.dict())
    return _details_out(sel.billing_details_page(user=user, centre_id=str(organisation_id)))
