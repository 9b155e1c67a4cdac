"""/transition/kick-offs: the group kick-off of the selected workers with their supervisors
(TRN-03). A job coach sees the kick-offs of the companies they work for, and of the invitees only
the workers whose files they may see."""

from django.http import HttpRequest
from ninja import Router

from koers.api.errors import ERRORS, FieldNotFound
from koers.api.lookups import PageQuery, acting_organisation, auth_user, page
from koers.api.schemas import Id
from koers.transition.api.intake_out import kick_off_out
from koers.transition.schemas_intake import (
    TransitionKickOffIn,
    TransitionKickOffListOut,
    TransitionKickOffOut,
)
from koers.transition.selectors import files as sel
from koers.transition.selectors import intake as intake_sel
from koers.transition.services import engagement

OPERATION_ID_PREFIX = "koers_api_transition_kick_offs"

router = Router(tags=["transition"])


@router.get(
    "/transition/kick-offs",
    response={200: TransitionKickOffListOut, **ERRORS},
    summary="Kick-offs (TRN-03)",
)
def list_kick_offs(request: HttpRequest, params: PageQuery):
    user = auth_user(request)
    found = page(intake_sel.kick_offs_visible_to(user), params)
    invitees = intake_sel.invitees_by_kick_off(found["items"], user)
    items = [kick_off_out(k, invitees.get(k.pk, [])) for k in found["items"]]
    return {"count": found["count"], "items": items}


@router.get(
    "/transition/kick-offs/{kick_off_id}",
    response={200: TransitionKickOffOut, **ERRORS},
    summary="Eén kick-off (TRN-03)",
)
def get_kick_off(request: HttpRequest, kick_off_id: Id):
    user = auth_user(request)
    kick_off = intake_sel.kick_off_get(user=user, pk=kick_off_id)
    return kick_off_out(kick_off, intake_sel.kick_off_invitees(kick_off, user))


def _invitations(user, payload: TransitionKickOffIn) -> list[engagement.Invitation]:
    files = {
        f.pk: f
        for f in sel.files_visible_to(user).filter(pk__in=[i.file_id for i in payload.invitees])
    }
    missing = [i.file_id for i in payload.invitees if i.file_id not in files]
    if missing:
        raise FieldNotFound("invitees")
    return [
        engagement.Invitation(
            file=files[i.file_id], supervisors_invited=tuple(i.supervisors_invited)
        )
        for i in payload.invitees
    ]


@router.post(
    "/transition/kick-offs",
    response={201: TransitionKickOffOut, **ERRORS},
    summary="Kick-off plannen met de geselecteerden en hun begeleiders (TRN-03)",
)
def create_kick_off(request: HttpRequest, payload: TransitionKickOffIn):
    user = auth_user(request)
    organisation = acting_organisation(user, payload.organisation_id)
    kick_off, warnings = engagement.kick_off_create(
        organisation=organisation,
        held_on=payload.held_on,
        place=payload.place,
        note=payload.note,
        invitations=_invitations(user, payload),
        acting_user=user,
    )
    return 201, kick_off_out(kick_off, kick_off.invitees.all(), warnings)
