"""/transition/assessment/...: the assessment centre (TRN-06/16) — sessions, tasks, candidates,
assessors and observations. The levels (proposals, comparison, agreed levels, report) are in
`assessment_levels`. Sessions are read through `AssessmentSession.objects.visible_to(user)`
(404 otherwise); every write goes through the services (refusals 422 with the rule)."""

from django.http import HttpRequest
from ninja import Router

from koers.api.errors import ERRORS
from koers.api.lookups import PageQuery, auth_user, page
from koers.api.schemas import Id
from koers.core.models import User
from koers.transition import models as m
from koers.transition.schemas_assessment import (
    AssessorIn,
    CandidateIn,
    ClassifyIn,
    ObservationIn,
    ObservationListOut,
    ObservationOut,
    ObservationSavedOut,
    SessionIn,
    SessionListOut,
    SessionOut,
    TaskIn,
)
from koers.transition.selectors import assessment as sel
from koers.transition.selectors.competences import profile_organisation_get
from koers.transition.selectors.files import file_get
from koers.transition.services import assessment as services
from koers.transition.services import assessment_levels as levels

OPERATION_ID_PREFIX = "koers_api_transition_assessment"

router = Router(tags=["transition"])


def reasons_out(reasons) -> list[dict]:
    return [r.as_dict() for r in reasons]


def candidate_out(c: m.SessionCandidate) -> dict:
    return {
        "id": c.pk,
        "file_id": c.file_id,
        "client_name": str(c.file.client),
        "fed_back_on": c.fed_back_on,
        "reported_on": c.reported_on,
        "report_document_id": c.report_document_id,
    }


def session_out(user: User, pk: int) -> dict:
    p = sel.session_page(user=user, pk=pk)
    s = p.session
    return {
        "id": s.pk,
        "title": s.title,
        "job_target": s.job_target,
        "organisation_id": s.organisation_id,
        "indicators_agreed_on": s.indicators_agreed_on,
        "tasks": [
            {
                "id": t.pk,
                "name": t.name,
                "day": t.day,
                "purpose": t.purpose,
                "purpose_explained": t.purpose_explained,
                "competences": t.competences,
            }
            for t in p.tasks
        ],
        "candidates": [candidate_out(c) for c in p.candidates],
        "assessors": [
            {"user_id": a.user_id, "name": sel.person_label(a.user)} for a in p.assessors
        ],
        "warnings": reasons_out(p.warnings),
    }


def observation_out(o: m.Observation) -> dict:
    return {
        "id": o.pk,
        "candidate_id": o.candidate_id,
        "task_id": o.task_id,
        "assessor_id": o.assessor_id,
        "text": o.text,
        "competence": o.competence,
    }


@router.get(
    "/transition/assessment/sessions",
    response={200: SessionListOut, **ERRORS},
    summary="Assessmentsessies",
)
def list_assessment_sessions(request: HttpRequest, params: PageQuery):
    found = page(sel.sessions_visible_to(auth_user(request)).order_by("-created_at", "-pk"), params)
    items = [
        {
            "id": s.pk,
            "title": s.title,
            "job_target": s.job_target,
            "organisation_id": s.organisation_id,
        }
        for s in found["items"]
    ]
    return {"count": found["count"], "items": items}


@router.post(
    "/transition/assessment/sessions",
    response={201: SessionOut, **ERRORS},
    summary="Assessmentsessie aanmaken (TRN-06, TRN-16)",
)
def create_assessment_session(request: HttpRequest, payload: SessionIn):
    user = auth_user(request)
    organisation = profile_organisation_get(user=user, pk=payload.organisation_id)
    session = services.session_create(
        data=services.SessionData(
            payload.title, payload.job_target, organisation, payload.indicators_agreed_on
        ),
        acting_user=user,
    )
    return 201, session_out(user, session.pk)


@router.get(
    "/transition/assessment/sessions/{session_id}",
    response={200: SessionOut, **ERRORS},
    summary="Assessmentsessie met adviezen (TRN-06)",
)
def get_assessment_session(request: HttpRequest, session_id: Id):
    return session_out(auth_user(request), session_id)


@router.post(
    "/transition/assessment/sessions/{session_id}/tasks",
    response={201: SessionOut, **ERRORS},
    summary="Proef toevoegen (TRN-16)",
)
def add_assessment_task(request: HttpRequest, session_id: Id, payload: TaskIn):
    user = auth_user(request)
    session = sel.session_get(user=user, pk=session_id)
    services.task_add(
        session=session, data=services.TaskData(**payload.model_dump()), acting_user=user
    )
    return 201, session_out(user, session_id)


@router.post(
    "/transition/assessment/sessions/{session_id}/candidates",
    response={201: SessionOut, **ERRORS},
    summary="Kandidaat toevoegen (TRN-06)",
)
def add_assessment_candidate(request: HttpRequest, session_id: Id, payload: CandidateIn):
    user = auth_user(request)
    session = sel.session_get(user=user, pk=session_id)
    file = file_get(user=user, pk=payload.file_id)
    services.candidate_add(session=session, file=file, acting_user=user)
    return 201, session_out(user, session_id)


@router.post(
    "/transition/assessment/sessions/{session_id}/assessors",
    response={201: SessionOut, **ERRORS},
    summary="Assessor toevoegen (TRN-06)",
)
def add_assessment_assessor(request: HttpRequest, session_id: Id, payload: AssessorIn):
    user = auth_user(request)
    session = sel.session_get(user=user, pk=session_id)
    # Someone who is not one of the organisation's job coaches gets the service's refusal.
    coach = sel.assessor_choices(session).filter(pk=payload.user_id).first() or User(pk=0)
    services.assessor_add(session=session, user=coach, acting_user=user)
    return 201, session_out(user, session_id)


@router.get(
    "/transition/assessment/sessions/{session_id}/observations",
    response={200: ObservationListOut, **ERRORS},
    summary="Waarnemingen (TRN-06)",
)
def list_assessment_observations(request: HttpRequest, session_id: Id, params: PageQuery):
    session = sel.session_get(user=auth_user(request), pk=session_id)
    found = page(session.observations.order_by("noted_at", "pk"), params)
    return {"count": found["count"], "items": [observation_out(o) for o in found["items"]]}


@router.post(
    "/transition/assessment/sessions/{session_id}/observations",
    response={201: ObservationSavedOut, **ERRORS},
    summary="Waarneming noteren: feiten, geen persoonlijkheidskenmerken (TRN-06)",
)
def add_assessment_observation(request: HttpRequest, session_id: Id, payload: ObservationIn):
    user = auth_user(request)
    observation, warnings = levels.observation_add(
        session=sel.session_get(user=user, pk=session_id), acting_user=user, **payload.model_dump()
    )
    return 201, observation_out(observation) | {"warnings": reasons_out(warnings)}


@router.post(
    "/transition/assessment/observations/{observation_id}/classification",
    response={200: ObservationOut, **ERRORS},
    summary="Waarneming klasseren onder een competentie (TRN-06)",
)
def classify_assessment_observation(request: HttpRequest, observation_id: Id, payload: ClassifyIn):
    user = auth_user(request)
    observation = levels.observation_classify(
        observation=sel.observation_get(user=user, pk=observation_id),
        competence=payload.competence,
        acting_user=user,
    )
    return observation_out(observation)
