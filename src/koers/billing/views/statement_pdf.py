"""/facturatie/afrekeningen/<id>/pdf/ (BIL-03): the statement as a PDF download — a coach their
own, centre staff their centre's, anyone else a 404."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_GET

from koers.billing.pdfs import pdf_response, statement_pdf, statement_pdf_name
from koers.billing.selectors import hours as selectors


@login_required
@require_GET
def billing_statement_pdf(request, pk: int):
    statement = get_object_or_404(selectors.statements_for(request.user), pk=pk)
    return pdf_response(statement_pdf(statement), statement_pdf_name(statement))
