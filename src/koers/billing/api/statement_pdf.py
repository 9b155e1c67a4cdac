"""GET /billing/statements/{id}/pdf (BIL-03): the statement PDF, with the page's access — a
coach their own statements, centre staff their centre's."""

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router

from koers.api.errors import ERRORS
from koers.api.lookups import auth_user
from koers.api.schemas import Id
from koers.billing.pdfs import pdf_response, statement_pdf, statement_pdf_name
from koers.billing.selectors import hours as selectors

router = Router(tags=["billing"])


@router.get(
    "/billing/statements/{statement_id}/pdf",
    response={200: None, **ERRORS},
    summary="Afrekening als PDF",
)
def get_billing_statement_pdf(request: HttpRequest, statement_id: Id):
    """BIL-03: the monthly statement as the coach receives it by mail (application/pdf)."""
    statement = get_object_or_404(selectors.statements_for(auth_user(request)), pk=statement_id)
    return pdf_response(statement_pdf(statement), statement_pdf_name(statement))
