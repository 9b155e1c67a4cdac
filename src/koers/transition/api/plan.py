"""/transition/files/{id}/pdp: the worker's transition plan (TRN-07) — read it, its versions,
add a version, note a review in coaching, the PDF; and the company's PDP questions."""

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import Router

from koers.api.errors import ERRORS, FieldNotFound
from koers.api.lookups import PageQuery, auth_user, page
from koers.api.schemas import Id
from koers.trajectories.api.documents import document_out
from koers.trajectories.models import Contact
from koers.trajectories.schemas import DocumentOut
from koers.transition.schemas_plan import (
    PdpOut,
    PdpReviewIn,
    PdpVersionIn,
    PdpVersionOut,
    PdpVersionsOut,
    PlanQuestionsIn,
    PlanQuestionsOut,
)
from koers.transition.selectors import files as file_sel
from koers.transition.selectors import plan as sel
from koers.transition.services import plan as services
from koers.transition.services.plan_pdf import pdp_pdf

OPERATION_ID_PREFIX = "koers_api_transition_plan"

router = Router(tags=["transition"])


def version_out(version, today=None) -> dict:
    rule = sel.version_rule(version)
    content = version.content or {}
    return {
        "number": version.number,
        "made_on": rule.made_on,
        "created_at": version.created_at,
        "author_id": version.author_id,
        "answers": dict(rule.answers),
        "actions": [sel.action_to(a) for a in rule.actions],
        "overdue": sel.overdue_numbers(rule, today or timezone.localdate()),
        "reviewed_on": content.get("reviewed_on"),
        "reviewed_in_contact": content.get("reviewed_in_contact"),
        "reviewed_version": content.get("reviewed_version"),
    }


def _pdp_out(file) -> dict:
    s = sel.plan_section(file)
    return {
        "file_id": file.pk,
        "plan_id": s.plan.pk if s.plan else None,
        "can_start": s.refusal is None,
        "refusal": str(s.refusal) if s.refusal else None,
        "questions": [sel.question_to(q) for q in s.questions],
        "latest": version_out(s.latest.version) if s.latest else None,
        "latest_review_on": s.latest_review.on if s.latest_review else None,
    }


@router.get(
    "/transition/files/{file_id}/pdp", response={200: PdpOut, **ERRORS}, summary="PDP (TRN-07)"
)
def get_pdp(request: HttpRequest, file_id: Id):
    return _pdp_out(file_sel.file_get(user=auth_user(request), pk=file_id))


@router.get(
    "/transition/files/{file_id}/pdp/versions",
    response={200: PdpVersionsOut, **ERRORS},
    summary="Versies van het PDP",
)
def list_pdp_versions(request: HttpRequest, file_id: Id, params: PageQuery):
    found = page(sel.pdp_versions(file_sel.file_get(user=auth_user(request), pk=file_id)), params)
    today = timezone.localdate()
    return {"count": found["count"], "items": [version_out(v, today) for v in found["items"]]}


@router.post(
    "/transition/files/{file_id}/pdp/versions",
    response={201: PdpVersionOut, **ERRORS},
    summary="PDP opmaken of een nieuwe versie bewaren",
)
def create_pdp_version(request: HttpRequest, file_id: Id, payload: PdpVersionIn):
    """The first makes the PDP (only after the signed engagement statement, TRN-01)."""
    user = auth_user(request)
    file = file_sel.file_get(user=user, pk=file_id)
    version = services.pdp_save_rows(
        file=file,
        answers=payload.answers,
        rows=[a.dict() for a in payload.actions],
        acting_user=user,
    )
    return 201, version_out(version)


@router.post(
    "/transition/files/{file_id}/pdp/review",
    response={201: PdpVersionOut, **ERRORS},
    summary="PDP besproken in een coachingsgesprek",
)
def review_pdp(request: HttpRequest, file_id: Id, payload: PdpReviewIn):
    user = auth_user(request)
    file = file_sel.file_get(user=user, pk=file_id)
    contact = None
    if payload.contact_id is not None:
        contact = Contact.objects.filter(trajectory_id=file.trajectory_id, pk=payload.contact_id)
        contact = contact.first()
        if contact is None:
            raise FieldNotFound("contact_id")
    version = services.pdp_review(
        file=file, contact=contact, reviewed_on=payload.reviewed_on, acting_user=user
    )
    return 201, version_out(version)


@router.post(
    "/transition/files/{file_id}/pdp/pdf",
    response={201: DocumentOut, **ERRORS},
    summary="PDP als PDF (bij de documenten)",
)
def pdp_document(request: HttpRequest, file_id: Id):
    user = auth_user(request)
    return 201, document_out(
        pdp_pdf(file=file_sel.file_get(user=user, pk=file_id), acting_user=user)
    )


def _organisation(request, organisation_id: int):
    return get_object_or_404(sel.settings_organisations(auth_user(request)), pk=organisation_id)


@router.get(
    "/transition/organisations/{organisation_id}/plan-questions",
    response={200: PlanQuestionsOut, **ERRORS},
    summary="Vragen van het PDP",
)
def get_plan_questions(request: HttpRequest, organisation_id: Id):
    org = _organisation(request, organisation_id)
    return {
        "organisation_id": org.pk,
        "questions": [sel.question_to(q) for q in sel.questions_of(org)],
    }


@router.put(
    "/transition/organisations/{organisation_id}/plan-questions",
    response={200: PlanQuestionsOut, **ERRORS},
    summary="Vragen van het PDP instellen",
)
def set_plan_questions(request: HttpRequest, organisation_id: Id, payload: PlanQuestionsIn):
    org = _organisation(request, organisation_id)
    questions = services.questions_from_dicts([q.dict() for q in payload.questions])
    services.plan_questions_set(
        organisation=org, questions=questions, acting_user=auth_user(request)
    )
    return {
        "organisation_id": org.pk,
        "questions": [sel.question_to(q) for q in sel.questions_of(org)],
    }
