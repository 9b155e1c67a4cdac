"""/leads: a matched lead becomes a client (INT-08), as with the button on the lead page."""

from django.http import HttpRequest
from django.utils import timezone
from ninja import Router

from koers.api.errors import ERRORS
from koers.api.lookups import auth_user
from koers.api.schemas import Id
from koers.intake import services
from koers.intake.api.leads import lead_detail, load_lead
from koers.intake.schemas import ConvertIn, LeadOut

OPERATION_ID_PREFIX = "koers_api_lead_conversion"  # as in `koers.api.lead_conversion`

router = Router(tags=["intake"])


@router.post(
    "/leads/{lead_id}/client",
    response={200: LeadOut, **ERRORS},
    summary="Aanvraag wordt cliënt (INT-08)",
)
def convert_lead(request: HttpRequest, lead_id: Id, payload: ConvertIn):
    """Only the lead's coach, only after a match; the answer is the lead with its new client."""
    user = auth_user(request)
    services.lead_convert(
        lead=load_lead(user, lead_id),
        acting_user=user,
        open_voucher=payload.open_voucher,
        now=timezone.now(),
    )
    return lead_detail(user, lead_id)
