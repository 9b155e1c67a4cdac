"""/transition/referrals and /transition/files/{id}/referral: propose a worker as ready, the
referral (who and why, job target, supervisors), the readiness dialogue, the TRN-15 checks and the
invitation to intake, calling off (TRN-02, TRN-15). Same access and services as the pages."""

from django.http import HttpRequest
from ninja import Router

from koers.api.errors import ERRORS, FieldNotFound
from koers.api.lookups import acting_organisation, auth_user
from koers.api.schemas import Id
from koers.core.data import ClientData
from koers.core.models import Client
from koers.transition import models as m
from koers.transition.schemas_intake import (
    TransitionCallOffIn,
    TransitionDialogueIn,
    TransitionDocumentOut,
    TransitionInviteIn,
    TransitionProposeIn,
    TransitionReferralOut,
    TransitionReferralWho,
)
from koers.transition.selectors import files as sel
from koers.transition.selectors import referral as referral_sel
from koers.transition.services import Proposal, intake_pdfs
from koers.transition.services import referral as services

OPERATION_ID_PREFIX = "koers_api_transition_referral"

router = Router(tags=["transition"])

FIELDS = (
    "referral_state",
    "referred_on",
    "proposed_by",
    "proposer_name",
    "why",
    "job_target",
    "supervisors",
    "dialogue",
    "dialogue_held_on",
    "basic_dutch_confirmed",
    "no_pretext_confirmed",
    "pretext_signals",
    "invited_on",
    "invitation_document_id",
    "called_off_on",
    "call_off_ground",
    "call_off_reason",
)


def referral_out(file: m.TransitionFile) -> dict:
    problems = (
        referral_sel.invitation_problems(file)
        if file.referral_state in (m.ReferralState.PROPOSED, m.ReferralState.DIALOGUE)
        else ()
    )
    return {
        "file_id": file.pk,
        **{name: getattr(file, name) for name in FIELDS},
        "invitation_problems": [{"rule": r.rule, "message": r.message} for r in problems],
    }


def _file(request: HttpRequest, file_id: int) -> m.TransitionFile:
    return sel.file_get(user=auth_user(request), pk=file_id)


def _client(user, payload: TransitionProposeIn) -> Client | None:
    if payload.client_id is None:
        return None
    client = Client.objects.visible_to(user).filter(pk=payload.client_id).first()
    if client is None:
        raise FieldNotFound("client_id")
    return client


@router.post(
    "/transition/referrals",
    response={201: TransitionReferralOut, **ERRORS},
    summary="Werknemer voorstellen voor doorstroom (TRN-02, TRN-15)",
)
def propose_worker(request: HttpRequest, payload: TransitionProposeIn):
    """A worker you may see (`client_id`) or a new one (`worker`); you become the job coach."""
    user = auth_user(request)
    organisation = acting_organisation(user, payload.organisation_id)
    worker = payload.worker
    file = services.referral_propose(
        client=_client(user, payload),
        new_worker=ClientData(worker.first_name, worker.last_name) if worker else None,
        organisation=organisation,
        responsible=user,
        proposal=Proposal(
            referred_on=payload.referred_on,
            proposed_by=payload.proposed_by,
            proposer_name=payload.proposer_name,
            why=payload.why,
            job_target=payload.job_target,
        ),
        supervisors=payload.supervisors,
        acting_user=user,
    )
    return 201, referral_out(file)


@router.get(
    "/transition/files/{file_id}/referral",
    response={200: TransitionReferralOut, **ERRORS},
    summary="Toeleiding (TRN-02, TRN-15)",
)
def get_referral(request: HttpRequest, file_id: Id):
    return referral_out(_file(request, file_id))


@router.put(
    "/transition/files/{file_id}/referral",
    response={200: TransitionReferralOut, **ERRORS},
    summary="Toeleiding wijzigen (TRN-15)",
)
def update_referral(request: HttpRequest, file_id: Id, payload: TransitionReferralWho):
    changes = services.ReferralChanges(
        **{**payload.model_dump(), "supervisors": tuple(payload.supervisors)}
    )
    file = services.referral_update(
        file=_file(request, file_id), changes=changes, acting_user=auth_user(request)
    )
    return referral_out(file)


@router.post(
    "/transition/files/{file_id}/referral/dialogue",
    response={200: TransitionReferralOut, **ERRORS},
    summary="Doorstroomdialoog (TRN-02)",
)
def record_dialogue(request: HttpRequest, file_id: Id, payload: TransitionDialogueIn):
    file = services.referral_dialogue(
        file=_file(request, file_id),
        answers=payload.answers,
        held_on=payload.held_on,
        acting_user=auth_user(request),
    )
    return referral_out(file)


@router.post(
    "/transition/files/{file_id}/referral/invitation",
    response={200: TransitionReferralOut, **ERRORS},
    summary="Controles en officiële uitnodiging voor intake (TRN-02, TRN-15)",
)
def invite_to_intake(request: HttpRequest, file_id: Id, payload: TransitionInviteIn):
    checks = services.Checks(
        basic_dutch_confirmed=payload.basic_dutch_confirmed,
        no_pretext_confirmed=payload.no_pretext_confirmed,
        pretext_signals=tuple(payload.pretext_signals),
    )
    file = services.referral_invite(
        file=_file(request, file_id),
        checks=checks,
        invited_on=payload.invited_on,
        acting_user=auth_user(request),
    )
    return referral_out(file)


@router.post(
    "/transition/files/{file_id}/referral/call-off",
    response={200: TransitionReferralOut, **ERRORS},
    summary="Traject afblazen (TRN-02)",
)
def call_off(request: HttpRequest, file_id: Id, payload: TransitionCallOffIn):
    file = services.referral_call_off(
        file=_file(request, file_id),
        ground=payload.ground,
        reason=payload.reason,
        called_off_on=payload.called_off_on,
        acting_user=auth_user(request),
    )
    return referral_out(file)


@router.post(
    "/transition/files/{file_id}/referral/invitation/pdf",
    response={201: TransitionDocumentOut, **ERRORS},
    summary="Officiële uitnodiging voor de intake als pdf (TRN-02)",
)
def invitation_pdf(request: HttpRequest, file_id: Id):
    """Stored with the trajectory's documents; download it through /documents."""
    document = intake_pdfs.invitation_pdf(
        file=_file(request, file_id), acting_user=auth_user(request)
    )
    return 201, {"document_id": document.pk}
