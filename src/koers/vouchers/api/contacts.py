"""/vouchers/{id}/contacts: contacts with what counts and why (LBC-02..08), and the feedback of a
group session (LBC-05). A write answers with the contact as the voucher now judges it."""

from django.http import HttpRequest
from ninja import Router

from koers.api.errors import ERRORS
from koers.api.lookups import PageQuery, auth_user
from koers.api.schemas import Id
from koers.vouchers import services
from koers.vouchers.api.shapes import (
    contact_out,
)
from koers.vouchers.schemas import (
    GroupFeedbackIn,
    VoucherContactIn,
    VoucherContactOut,
    VoucherContactPage,
)
from koers.vouchers.selectors import (
    voucher_figures,
    voucher_get,
    with_contacts,
)

# The operation ids are public: they stay those of the module this came from (koers.api.vouchers).
OPERATION_ID_PREFIX = "koers_api_vouchers"

router = Router(tags=["vouchers"])

# ---- contacts ----------------------------------------------------------------------------------


@router.get(
    "/vouchers/{voucher_id}/contacts",
    response={200: VoucherContactPage, **ERRORS},
    summary="Contacten van een cheque, met wat meetelt en waarom",
)
def list_voucher_contacts(request: HttpRequest, voucher_id: Id, params: PageQuery):
    """Every contact in time order with the minutes that count and the rules behind it
    (e.g. LBC-06 for a video call without screenshot, LBC-04 when the group cap cuts a session)."""
    voucher = voucher_get(user=auth_user(request), pk=voucher_id)
    judged = voucher_figures(voucher).contacts  # every contact judged, as value rows
    items = with_contacts(judged[params.offset : params.offset + params.limit])
    return {"count": len(judged), "items": [contact_out(j) for j in items]}


@router.post(
    "/vouchers/{voucher_id}/contacts",
    response={201: VoucherContactOut, **ERRORS},
    summary="Contact op een cheque registreren",
)
def create_voucher_contact(request: HttpRequest, voucher_id: Id, payload: VoucherContactIn):
    """Log a contact in 30-minute blocks of 30 to 120 minutes (LBC-02). Refused when it overlaps
    another contact, or when a contact in the future is marked as held. The answer says how many
    of its minutes count and why."""
    user = auth_user(request)
    voucher = voucher_get(user=user, pk=voucher_id)
    data = payload.contact_data()
    # The service answers with the contact as judged: checked once, the voucher replayed once.
    judged = services.voucher_contact_log(
        voucher=voucher, data=data, acting_user=user, is_introduction=payload.is_introduction
    )
    return 201, contact_out(judged)


@router.post(
    "/vouchers/{voucher_id}/group-feedback",
    response={200: VoucherContactOut, **ERRORS},
    summary="Terugkoppeling van een groepssessie noteren (LBC-05)",
)
def record_group_feedback(request: HttpRequest, voucher_id: Id, payload: GroupFeedbackIn):
    """The insights of a group session were fed back in this held individual session; the answer
    is the group contact with what now counts."""
    user = auth_user(request)
    voucher = voucher_get(user=user, pk=voucher_id)
    judged = services.group_feedback_record(
        voucher=voucher,
        group_contact_id=payload.group_contact_id,
        feedback_contact_id=payload.feedback_contact_id,
        acting_user=user,
    )
    return contact_out(judged)
