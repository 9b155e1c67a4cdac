"""/transition/assessment/...: the levels of the assessment centre (TRN-06/16) — each assessor's
proposal, the comparison of the proposals, the agreed level, and the report per candidate with
its PDF. Read through the session's access (404 otherwise); refusals 422 with the rule."""

from django.http import Http404, HttpRequest
from ninja import Router

from koers.api.errors import ERRORS
from koers.api.lookups import auth_user
from koers.api.schemas import Id
from koers.transition.api.assessment import reasons_out
from koers.transition.schemas_assessment import (
    AgreedIn,
    AgreedOut,
    ComparisonOut,
    ProposalIn,
    ProposalOut,
    ReportIn,
    ReportOut,
)
from koers.transition.selectors import assessment as sel
from koers.transition.selectors.assessment_candidate import candidate_page
from koers.transition.services import assessment_levels as levels
from koers.transition.services import assessment_report as reports

OPERATION_ID_PREFIX = "koers_api_transition_assessment_levels"

router = Router(tags=["transition"])


@router.post(
    "/transition/assessment/sessions/{session_id}/proposals",
    response={200: ProposalOut, **ERRORS},
    summary="Niveauvoorstel van een assessor (TRN-06, SAM 1–4)",
)
def propose_assessment_level(request: HttpRequest, session_id: Id, payload: ProposalIn):
    user = auth_user(request)
    row = levels.proposal_set(
        session=sel.session_get(user=user, pk=session_id), acting_user=user, **payload.model_dump()
    )
    return {
        "candidate_id": row.candidate_id,
        "assessor_id": row.assessor_id,
        "competence": row.competence,
        "level": row.level,
    }


@router.get(
    "/transition/assessment/sessions/{session_id}/comparison",
    response={200: ComparisonOut, **ERRORS},
    summary="Vergelijking van de voorstellen: waar en hoeveel de assessoren verschillen (TRN-06)",
)
def compare_assessment_levels(request: HttpRequest, session_id: Id):
    p = sel.session_page(user=auth_user(request), pk=session_id)
    items = [
        {
            "candidate_id": r.candidate.pk,
            "competence": r.competence,
            "levels": {
                lb: cell for lb, cell in zip(p.assessor_labels, r.cells, strict=True) if cell
            },
            "spread": r.spread,
            "agreed": r.agreed,
            "warnings": reasons_out(r.warnings),
        }
        for r in p.matrix
    ]
    return {"items": items}


@router.post(
    "/transition/assessment/candidates/{candidate_id}/agreed-levels",
    response={200: AgreedOut, **ERRORS},
    summary="Afgesproken niveau (TRN-06)",
)
def agree_assessment_level(request: HttpRequest, candidate_id: Id, payload: AgreedIn):
    user = auth_user(request)
    row, warnings = levels.agreed_level_set(
        candidate=sel.candidate_get(user=user, pk=candidate_id),
        acting_user=user,
        **payload.model_dump(),
    )
    return {
        "competence": row.competence,
        "level": row.level,
        "note": row.note,
        "agreed_on": row.agreed_on,
        "warnings": reasons_out(warnings),
    }


def report_out(p) -> dict:
    c = p.candidate
    return {
        "candidate_id": c.pk,
        "levels": [{"competence": name, "level": level} for name, level in p.levels],
        "strengths": p.strengths,
        "growth": p.growth,
        "still_open": reasons_out(p.still_open),
        "growth_points": c.growth_points,
        "attention_points": c.attention_points,
        "compared_with_intake": c.compared_with_intake,
        "fed_back_on": c.fed_back_on,
        "reported_on": c.reported_on,
        "report_document_id": c.report_document_id,
    }


@router.get(
    "/transition/assessment/candidates/{candidate_id}/report",
    response={200: ReportOut, **ERRORS},
    summary="Rapport per kandidaat (TRN-06, TRN-16)",
)
def get_assessment_report(request: HttpRequest, candidate_id: Id):
    return report_out(candidate_page(user=auth_user(request), pk=candidate_id))


def _file_candidate(user, candidate_id: int):
    candidate = sel.candidate_get(user=user, pk=candidate_id)
    if not sel.file_visible(user, candidate.file_id):
        raise Http404
    return candidate


@router.put(
    "/transition/assessment/candidates/{candidate_id}/report",
    response={200: ReportOut, **ERRORS},
    summary="Groeipunten, aandachtspunten, vergelijking, teruggekoppeld op (TRN-16)",
)
def save_assessment_report(request: HttpRequest, candidate_id: Id, payload: ReportIn):
    user = auth_user(request)
    reports.report_save(
        candidate=_file_candidate(user, candidate_id),
        texts=reports.ReportTexts(**payload.model_dump()),
        acting_user=user,
    )
    return report_out(candidate_page(user=user, pk=candidate_id))


@router.post(
    "/transition/assessment/candidates/{candidate_id}/report/pdf",
    response={201: ReportOut, **ERRORS},
    summary="Rapport opmaken als PDF bij de documenten van het traject (TRN-06)",
)
def make_assessment_report(request: HttpRequest, candidate_id: Id):
    user = auth_user(request)
    page = reports.report_make(candidate=_file_candidate(user, candidate_id), acting_user=user)
    return 201, report_out(page)
