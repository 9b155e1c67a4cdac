"""/leads: a matched lead becomes a client (INT-08), as with the button on the lead page."""

from django.http import HttpRequest
from django.utils import timezone
from ninja import Field, Router, Schema

from koers.api.errors import ERRORS
from koers.api.intake import _detail, _lead
from koers.api.intake_schemas import LeadOut
from koers.api.lookups import auth_user
from koers.api.schemas import Id
from koers.intake import services

router = Router(tags=["intake"])


class ConvertIn(Schema):
    open_voucher: bool = Field(
        False,
        description="Open meteen een loopbaancheque; de kennismaking telt nooit mee (INT-08).",
    )


@router.post(
    "/leads/{lead_id}/client",
    response={200: LeadOut, **ERRORS},
    summary="Aanvraag wordt cliënt (INT-08)",
)
def convert_lead(request: HttpRequest, lead_id: Id, payload: ConvertIn):
    """Only the lead's coach, only after a match; the answer is the lead with its new client."""
    user = auth_user(request)
    services.lead_convert(
        lead=_lead(user, lead_id),
        acting_user=user,
        open_voucher=payload.open_voucher,
        now=timezone.now(),
    )
    return _detail(user, lead_id)
