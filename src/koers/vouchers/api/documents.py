"""/vouchers/{id}/documents: the voucher's PDFs in the centre's house style (LBC-11, LBC-12,
LBC-20), and the evaluation letter on paper (LBC-15)."""

from django.http import HttpRequest
from ninja import Router

from koers.api.errors import ERRORS
from koers.api.lookups import PageQuery, auth_user
from koers.api.schemas import Id
from koers.vouchers.api.shapes import (
    document_out,
    paged,
)
from koers.vouchers.pdfs import evaluation_letter_generate, voucher_document_generate
from koers.vouchers.schemas import (
    VoucherDocumentIn,
    VoucherDocumentOut,
    VoucherDocumentPage,
)
from koers.vouchers.selectors import voucher_documents, voucher_get

# The operation ids are public: they stay those of the module this came from (koers.api.vouchers).
OPERATION_ID_PREFIX = "koers_api_vouchers"

router = Router(tags=["vouchers"])

# ---- documents ---------------------------------------------------------------------------------


@router.get(
    "/vouchers/{voucher_id}/documents",
    response={200: VoucherDocumentPage, **ERRORS},
    summary="Documenten van een cheque",
)
def list_voucher_documents(request: HttpRequest, voucher_id: Id, params: PageQuery):
    user = auth_user(request)
    voucher = voucher_get(user=user, pk=voucher_id)
    documents = voucher_documents(user=user, voucher=voucher)
    return paged(documents, params, lambda rows: [document_out(d) for d in rows])


@router.post(
    "/vouchers/{voucher_id}/documents",
    response={201: VoucherDocumentOut, **ERRORS},
    summary="Document van een cheque aanmaken (PDF)",
)
def generate_voucher_document(request: HttpRequest, voucher_id: Id, payload: VoucherDocumentIn):
    """Render the contract, code of conduct, attendance sheet, POP or training certificate in
    the centre's house style (LBC-11, LBC-12, LBC-20)."""
    user = auth_user(request)
    voucher = voucher_get(user=user, pk=voucher_id)
    document = voucher_document_generate(voucher=voucher, kind=payload.kind, acting_user=user)
    return 201, document_out(document)


@router.post(
    "/vouchers/{voucher_id}/evaluation-letters",
    response={201: VoucherDocumentOut, **ERRORS},
    summary="Uitnodiging of herinnering voor de evaluatie op papier (LBC-15)",
)
def print_evaluation_letter(request: HttpRequest, voucher_id: Id):
    """For a client without an e-mail address: the invitation or reminder due now, as a PDF letter
    filed as correspondence and recorded as sent. Refused (422) when nothing is due yet."""
    user = auth_user(request)
    document = evaluation_letter_generate(
        voucher=voucher_get(user=user, pk=voucher_id), acting_user=user
    )
    return 201, document_out(document)
