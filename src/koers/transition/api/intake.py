"""/transition/files/{id}/intake and /transition/kick-offs: the intake with a second coach, page 1,
STARR notes, the decision, the feedback, the engagement statement and its PDF, the group kick-off
(TRN-03). Same access and services as the pages: a file or kick-off you may not see is a 404."""

from django.http import HttpRequest
from ninja import Router

from koers.api.errors import ERRORS
from koers.api.lookups import PageQuery, auth_user, staff_member
from koers.api.schemas import Id
from koers.transition import models as m
from koers.transition.api.intake_out import intake_out, notes_out
from koers.transition.schemas_intake import (
    TransitionAdministrativeIn,
    TransitionDecisionIn,
    TransitionDocumentOut,
    TransitionEngagementIn,
    TransitionFeedbackIn,
    TransitionIntakeIn,
    TransitionIntakeOut,
    TransitionStarrIn,
    TransitionStarrOut,
)
from koers.transition.selectors import files as sel
from koers.transition.selectors import intake as intake_sel
from koers.transition.services import engagement, intake_pdfs
from koers.transition.services import intake as services

OPERATION_ID_PREFIX = "koers_api_transition_intake"

router = Router(tags=["transition"])


def _intake(request: HttpRequest, file_id: int) -> m.Intake:
    return intake_sel.intake_get(user=auth_user(request), file_pk=file_id)


def _out(request: HttpRequest, file_id: int) -> dict:
    user = auth_user(request)
    return intake_out(intake_sel.intake_section(sel.file_get(user=user, pk=file_id), user))


@router.get(
    "/transition/files/{file_id}/intake",
    response={200: TransitionIntakeOut, **ERRORS},
    summary="Intake (TRN-03)",
)
def get_intake(request: HttpRequest, file_id: Id):
    _intake(request, file_id)  # 404 when there is none yet
    return _out(request, file_id)


@router.put(
    "/transition/files/{file_id}/intake",
    response={200: TransitionIntakeOut, **ERRORS},
    summary="Intake vastleggen, met een tweede jobcoach (TRN-03)",
)
def hold_intake(request: HttpRequest, file_id: Id, payload: TransitionIntakeIn):
    user = auth_user(request)
    file = sel.file_get(user=user, pk=file_id)
    second = None
    if payload.second_coach_id is not None:
        second = staff_member(
            file.trajectory.organisation, payload.second_coach_id, field="second_coach_id"
        )
    holding = services.IntakeHolding(
        held_on=payload.held_on,
        second_coach=second,
        second_coach_independent=payload.second_coach_independent,
        motivation=payload.motivation,
    )
    services.intake_hold(file=file, holding=holding, acting_user=user)
    return _out(request, file_id)


@router.put(
    "/transition/files/{file_id}/intake/administrative",
    response={200: TransitionIntakeOut, **ERRORS},
    summary="Administratief luik (blz. 1) van de intake (TRN-03)",
)
def save_administrative(request: HttpRequest, file_id: Id, payload: TransitionAdministrativeIn):
    user = auth_user(request)
    data = services.Administrative(**payload.model_dump())
    services.intake_administrative_save(
        file=sel.file_get(user=user, pk=file_id), data=data, acting_user=user
    )
    return _out(request, file_id)


@router.get(
    "/transition/files/{file_id}/intake/starr-notes",
    response={200: list[TransitionStarrOut], **ERRORS},
    summary="STARR-notities (TRN-03)",
)
def list_starr_notes(request: HttpRequest, file_id: Id, params: PageQuery):
    _intake(request, file_id)
    user = auth_user(request)
    notes = notes_out(intake_sel.intake_section(sel.file_get(user=user, pk=file_id), user))
    return notes[params.offset : params.offset + params.limit]


@router.post(
    "/transition/files/{file_id}/intake/starr-notes",
    response={201: list[TransitionStarrOut], **ERRORS},
    summary="STARR-notitie toevoegen (TRN-03)",
)
def add_starr_note(request: HttpRequest, file_id: Id, payload: TransitionStarrIn):
    user = auth_user(request)
    services.starr_note_add(
        intake=_intake(request, file_id),
        starr=services.Starr(**payload.model_dump()),
        acting_user=user,
    )
    return 201, notes_out(intake_sel.intake_section(sel.file_get(user=user, pk=file_id), user))


@router.post(
    "/transition/files/{file_id}/intake/decision",
    response={200: TransitionIntakeOut, **ERRORS},
    summary="Beslissing start / geen start (TRN-03)",
)
def decide(request: HttpRequest, file_id: Id, payload: TransitionDecisionIn):
    services.intake_decide(
        intake=_intake(request, file_id), acting_user=auth_user(request), **payload.model_dump()
    )
    return _out(request, file_id)


@router.post(
    "/transition/files/{file_id}/intake/feedback",
    response={200: TransitionIntakeOut, **ERRORS},
    summary="Feedback over de selectie (TRN-03)",
)
def feedback(request: HttpRequest, file_id: Id, payload: TransitionFeedbackIn):
    services.intake_feedback(
        intake=_intake(request, file_id), acting_user=auth_user(request), **payload.model_dump()
    )
    return _out(request, file_id)


@router.post(
    "/transition/files/{file_id}/intake/engagement",
    response={200: TransitionIntakeOut, **ERRORS},
    summary="Engagementsverklaring ondertekend (TRN-03, de eerste mijlpaal TRN-01)",
)
def sign_engagement(request: HttpRequest, file_id: Id, payload: TransitionEngagementIn):
    engagement.engagement_sign(
        intake=_intake(request, file_id), acting_user=auth_user(request), **payload.model_dump()
    )
    return _out(request, file_id)


@router.post(
    "/transition/files/{file_id}/intake/engagement/pdf",
    response={201: TransitionDocumentOut, **ERRORS},
    summary="Engagementsverklaring als pdf, twee handtekeningen (TRN-03)",
)
def engagement_pdf(request: HttpRequest, file_id: Id):
    document = intake_pdfs.engagement_pdf(
        intake=_intake(request, file_id), acting_user=auth_user(request)
    )
    return 201, {"document_id": document.pk}


@router.patch(
    "/transition/starr-notes/{note_id}",
    response={200: list[TransitionStarrOut], **ERRORS},
    summary="STARR-notitie aanpassen (TRN-03)",
)
def update_starr_note(request: HttpRequest, note_id: Id, payload: TransitionStarrIn):
    user = auth_user(request)
    note = intake_sel.starr_note_get(user=user, pk=note_id)
    services.starr_note_update(
        note=note, starr=services.Starr(**payload.model_dump()), acting_user=user
    )
    return notes_out(intake_sel.intake_section(note.intake.file, user))
