"""/vouchers: the combined POP of vouchers 1 and 2 (LBC-13) and the evaluation received (LBC-15),
as on the voucher page."""

from django.http import HttpRequest
from django.utils import timezone
from ninja import Field, Router, Schema

from koers.api.errors import ERRORS
from koers.api.lookups import auth_user
from koers.api.schemas import Id
from koers.api.voucher_schemas import VoucherDetailOut
from koers.api.vouchers import _detail
from koers.vouchers import services
from koers.vouchers.selectors import voucher_get

router = Router(tags=["vouchers"])


class CombinedPopIn(Schema):
    combined: bool = Field(description="Eén POP voor cheque 1 en 2 (bewaard op cheque 2).")


@router.post(
    "/vouchers/{voucher_id}/combined-pop",
    response={200: VoucherDetailOut, **ERRORS},
    summary="Eén POP voor cheque 1 en 2 (LBC-13)",
)
def combine_pop(request: HttpRequest, voucher_id: Id, payload: CombinedPopIn):
    user = auth_user(request)
    services.voucher_combine_pop(
        voucher=voucher_get(user=user, pk=voucher_id), combined=payload.combined, acting_user=user
    )
    return _detail(user, voucher_id)


@router.post(
    "/vouchers/{voucher_id}/evaluation-received",
    response={200: VoucherDetailOut, **ERRORS},
    summary="Evaluatie ontvangen (LBC-15)",
)
def evaluation_received(request: HttpRequest, voucher_id: Id):
    """Records today as the day the client's evaluation came in (a first date stays)."""
    user = auth_user(request)
    services.evaluation_received(
        voucher=voucher_get(user=user, pk=voucher_id), on=timezone.localdate(), acting_user=user
    )
    return _detail(user, voucher_id)
