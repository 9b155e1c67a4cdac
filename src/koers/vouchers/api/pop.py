"""/vouchers/{id}/pop: the POP with its versions (LBC-12, LBC-13), and finalising it."""

from django.http import HttpRequest
from ninja import Router

from koers.api.errors import ERRORS
from koers.api.lookups import auth_user
from koers.api.schemas import Id
from koers.vouchers import services
from koers.vouchers.api.shapes import (
    pop_out,
)
from koers.vouchers.schemas import (
    PopFinaliseIn,
    PopOut,
    PopVersionIn,
)
from koers.vouchers.selectors import (
    pop_latest,
    pop_plan,
    voucher_get,
)

# The operation ids are public: they stay those of the module this came from (koers.api.vouchers).
OPERATION_ID_PREFIX = "koers_api_vouchers"

router = Router(tags=["vouchers"])

# ---- POP ---------------------------------------------------------------------------------------


@router.get(
    "/vouchers/{voucher_id}/pop",
    response={200: PopOut, **ERRORS},
    summary="Het POP van een cheque, met alle versies",
)
def get_voucher_pop(request: HttpRequest, voucher_id: Id):
    """For a combined POP on voucher 1, the one kept on voucher 2 (LBC-13)."""
    return pop_out(voucher_get(user=auth_user(request), pk=voucher_id))


@router.post(
    "/vouchers/{voucher_id}/pop/versions",
    response={201: PopOut, 200: PopOut, **ERRORS},
    summary="Nieuwe versie van het POP",
)
def add_voucher_pop_version(request: HttpRequest, voucher_id: Id, payload: PopVersionIn):
    """Save the content as the next version (the first one creates the POP). Content equal to
    the latest version adds nothing and answers 200. `problems` lists what an audit would
    object to (LBC-12/13)."""
    user = auth_user(request)
    voucher = voucher_get(user=user, pk=voucher_id)
    latest = pop_latest(pop_plan(voucher))
    version = services.pop_save(
        voucher=voucher, content=payload.content.model_dump(mode="json"), acting_user=user
    )
    return (200 if latest and version.pk == latest.pk else 201), pop_out(voucher)


@router.post(
    "/vouchers/{voucher_id}/pop/finalise",
    response={200: PopOut, **ERRORS},
    summary="POP finaliseren in het synthesegesprek",
)
def finalise_voucher_pop(request: HttpRequest, voucher_id: Id, payload: PopFinaliseIn):
    """Refused (422, LBC-12) while required sections are empty; fixes the synthesis date."""
    user = auth_user(request)
    voucher = voucher_get(user=user, pk=voucher_id)
    services.pop_finalise(voucher=voucher, acting_user=user, synthesis_date=payload.synthesis_date)
    return pop_out(voucher)
