"""/group-sessions: one session, a group contact on each participant's voucher (LBC-04, LBC-05)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Router

from koers.api.errors import ERRORS, FieldNotFound, renamed_fields
from koers.api.lookups import PageQuery, auth_user
from koers.api.schemas import Id
from koers.vouchers import services
from koers.vouchers.api.shapes import (
    group_session_out,
    paged,
    session_out,
)
from koers.vouchers.models import Voucher
from koers.vouchers.schemas import (
    GroupParticipantIn,
    GroupSessionIn,
    GroupSessionOut,
    GroupSessionPage,
)
from koers.vouchers.selectors import (
    group_session_get,
    group_sessions_for_user,
    visible_voucher_ids,
    voucher_get,
)

# The operation ids are public: they stay those of the module this came from (koers.api.vouchers).
OPERATION_ID_PREFIX = "koers_api_vouchers"

router = Router(tags=["vouchers"])

# ---- group sessions (LBC-04, LBC-05) -----------------------------------------------------------


@router.get(
    "/group-sessions",
    response={200: GroupSessionPage, **ERRORS},
    summary="Groepssessies (LBC-05)",
)
def list_group_sessions(request: HttpRequest, params: PageQuery):
    """Group sessions with a participant you may see, newest first; only those participants."""
    user = auth_user(request)

    def shape_all(sessions):
        visible = visible_voucher_ids(user, sessions)
        return [group_session_out(s, visible) for s in sessions]

    return paged(group_sessions_for_user(user), params, shape_all)


@router.get(
    "/group-sessions/{session_id}",
    response={200: GroupSessionOut, **ERRORS},
    summary="Eén groepssessie (LBC-05)",
)
def get_group_session(request: HttpRequest, session_id: Id):
    user = auth_user(request)
    return session_out(user, group_sessions_for_user(user).get(pk=session_id))


@router.post(
    "/group-sessions",
    response={201: GroupSessionOut, **ERRORS},
    summary="Groepssessie registreren (LBC-04, LBC-05)",
)
def create_group_session(request: HttpRequest, payload: GroupSessionIn):
    """One session, one group contact on each participant's voucher (you are the coach), as on
    the page. Refused (422, LBC-05) unless the theme aims only at reflection on career
    competences, it is no part of another service, no two participants share an employer, and
    each participant chose freely, discussed the link with their career question and knows they
    may stop and switch to individual sessions. A session counts on a voucher once its insights
    are fed back in an individual session (`POST /vouchers/{id}/group-feedback`); the cap is
    LBC-04's."""
    user = auth_user(request)
    members = [_member(user, participant) for participant in payload.participants]
    if not members:
        raise ValidationError({"participants": [_("Kies minstens twee deelnemers.")]})
    with transaction.atomic(), renamed_fields(members="participants"):
        session = services.group_session_create(
            organisation=members[0].voucher.trajectory.organisation,
            coach=user,
            members=members,
            acting_user=user,
            **payload.model_dump(exclude={"participants"}),
        )
    return 201, session_out(user, group_session_get(session.pk))


def _member(user, participant: GroupParticipantIn) -> services.GroupMember:
    try:
        voucher = voucher_get(user=user, pk=participant.voucher_id)
    except Voucher.DoesNotExist:
        raise FieldNotFound("participants") from None
    return services.GroupMember(voucher=voucher, **participant.model_dump(exclude={"voucher_id"}))
