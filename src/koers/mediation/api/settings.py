"""/mediation/settings: MED-12 — per partner organisation and tender, the maximum duration and the
passive CATWZ codes the seed does not give. Read by the organisation's members; confirmed only by
its administrator (403 otherwise). Until confirmed, `confirmed` is false ("niet bevestigd") and no
service of that tender goes "ter afsluiting" on maximum duration or closes automatically."""

from django.http import Http404, HttpRequest
from django.utils import timezone
from ninja import Router

from koers.api.errors import ERRORS
from koers.api.lookups import auth_user
from koers.api.schemas import Id
from koers.core.models import Organisation, User
from koers.mediation import selectors, services
from koers.mediation.api.outputs import setting_out
from koers.mediation.models import Tender
from koers.mediation.schemas import TenderSettingIn, TenderSettingOut

OPERATION_ID_PREFIX = "koers_api_mediation_settings"

router = Router(tags=["mediation"])


def _organisation(user: User, pk: int) -> Organisation:
    organisation = Organisation.objects.filter(pk=pk, is_active=True).first()
    if organisation is None or not (user.is_superuser or pk in user.organisation_ids()):
        raise Http404
    return organisation


@router.get(
    "/mediation/settings/{organisation_id}",
    response={200: list[TenderSettingOut], **ERRORS},
    summary="Instellingen per tender (MED-12)",
)
def list_settings(request: HttpRequest, organisation_id: Id):
    organisation = _organisation(auth_user(request), organisation_id)
    return [
        setting_out(s)
        for s in selectors.tender_settings(organisation=organisation, today=timezone.localdate())
    ]


@router.post(
    "/mediation/settings/{organisation_id}/{tender}",
    response={200: TenderSettingOut, **ERRORS},
    summary="Instellingen van een tender bevestigen (MED-12)",
)
def confirm_setting(
    request: HttpRequest, organisation_id: Id, tender: Tender, payload: TenderSettingIn
):
    """The partner's administrator confirms (or changes and confirms) one tender's values."""
    user = auth_user(request)
    organisation = _organisation(user, organisation_id)
    services.tender_setting_confirm(
        organisation=organisation,
        tender=tender,
        maximum_months=payload.maximum_months,
        passive_codes=payload.passive_codes,
        acting_user=user,
        now=timezone.now(),
    )
    settings = selectors.tender_settings(organisation=organisation, today=timezone.localdate())
    return setting_out(next(s for s in settings if s.tender == tender))
