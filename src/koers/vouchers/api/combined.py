"""/vouchers: the combined POP of vouchers 1 and 2 (LBC-13) and the evaluation received (LBC-15),
as on the voucher page."""

from django.http import HttpRequest
from django.utils import timezone
from ninja import Router

from koers.api.errors import ERRORS
from koers.api.schemas import Id
from koers.vouchers import services
from koers.vouchers.api.shapes import changed
from koers.vouchers.schemas import CombinedPopIn, VoucherDetailOut

# The operation ids are public: they stay those of the module this came from
# (koers.api.voucher_followup).
OPERATION_ID_PREFIX = "koers_api_voucher_followup"

router = Router(tags=["vouchers"])


@router.post(
    "/vouchers/{voucher_id}/combined-pop",
    response={200: VoucherDetailOut, **ERRORS},
    summary="Eén POP voor cheque 1 en 2 (LBC-13)",
)
def combine_pop(request: HttpRequest, voucher_id: Id, payload: CombinedPopIn):
    return changed(request, voucher_id, services.voucher_combine_pop, **payload.model_dump())


@router.post(
    "/vouchers/{voucher_id}/evaluation-received",
    response={200: VoucherDetailOut, **ERRORS},
    summary="Evaluatie ontvangen (LBC-15)",
)
def evaluation_received(request: HttpRequest, voucher_id: Id):
    """Records today as the day the client's evaluation came in (a first date stays)."""
    write = services.evaluation_received
    return changed(request, voucher_id, write, on=timezone.localdate())
