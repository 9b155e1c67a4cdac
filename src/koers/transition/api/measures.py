"""/transition/measures: a worker's work measures (TRN-09..12) — plan, documents and approvals,
start, evaluations on the observation form, closing, cancelling and the BVS / TBS checklist PDF.

Every measure is looked up through `Measure.objects.visible_to(user)` (404 otherwise); every
write goes through `koers.transition.services.measures`, whose refusals (422) name the rule."""

from django.http import Http404, HttpRequest
from ninja import Query, Router

from koers.api.errors import ERRORS
from koers.api.lookups import PageQuery, auth_user, page
from koers.api.schemas import Id
from koers.trajectories.api.documents import document_out
from koers.trajectories.schemas import DocumentOut
from koers.transition import models as m
from koers.transition.schemas_measures import (
    TransitionEvaluationIn,
    TransitionEvaluationOut,
    TransitionMeasureCancelIn,
    TransitionMeasureDocumentsIn,
    TransitionMeasureIn,
    TransitionMeasureListOut,
    TransitionMeasureOut,
)
from koers.transition.selectors import measures as sel
from koers.transition.selectors.files import file_get
from koers.transition.services import measure_pdfs
from koers.transition.services import measures as services

OPERATION_ID_PREFIX = "koers_api_transition_measures"

router = Router(tags=["transition"])


def _reason(r) -> dict | None:
    return {"rule": r.rule, "message": r.message} if r else None


def measure_out(measure: m.Measure) -> dict:
    v = sel.measure_view(measure, sel.rules_of(measure.file))
    fields = {
        f: getattr(measure, f) for f in TransitionMeasureOut.model_fields if hasattr(measure, f)
    }
    return fields | {
        "file_id": measure.file_id,
        "kind_label": measure.get_kind_display(),
        "employer_name": measure.employer.name if measure.employer else "",
        "present": list(measure.present or ()),
        "requirements": [r.__dict__ for r in v.rows],
        "missing_for_start": [r.key for r in v.missing_for_start],
        "missing_for_close": [r.key for r in v.missing_for_close],
        "start_refusal": _reason(v.start_refusal),
        "close_refusal": _reason(v.close_refusal),
        "warnings": [_reason(w) for w in v.warnings],
        "activa_advantage": v.activa_advantage,
        "rva_payment_expected_by": v.rva_payment_expected_by,
        "evaluations": [evaluation_out(e) for e in v.evaluations],
    }


def evaluation_out(e: m.MeasureEvaluation) -> dict:
    return {
        "id": e.pk,
        "kind": e.kind,
        "on": e.on,
        "by_phone": e.by_phone,
        "levels": e.levels,
        "remarks": e.remarks,
    }


def _get(request, measure_id: int) -> m.Measure:
    found = sel.with_evaluations(sel.measures_visible_to(auth_user(request))).filter(pk=measure_id)
    measure = found.first()
    if measure is None:
        raise Http404
    return measure


def _fresh(request, measure_id: int) -> dict:
    return measure_out(_get(request, measure_id))


@router.get(
    "/transition/measures",
    response={200: TransitionMeasureListOut, **ERRORS},
    summary="Werkmaatregelen (TRN-09 – TRN-12)",
)
def list_transition_measures(
    request: HttpRequest, params: PageQuery, file_id: Query[Id | None] = None
):
    found = sel.with_evaluations(sel.measures_visible_to(auth_user(request))).order_by("pk")
    if file_id is not None:
        found = found.filter(file_id=file_id)
    result = page(found, params)
    return {"count": result["count"], "items": [measure_out(x) for x in result["items"]]}


def _related(user, file, payload: TransitionMeasureIn) -> dict:
    employer = follows = None
    if payload.employer_id is not None:
        employer = (
            sel.employers_for(user, file.trajectory.organisation)
            .filter(pk=payload.employer_id)
            .first()
        )
        if employer is None:
            raise Http404
    if payload.follows_id is not None:
        follows = sel.measures_visible_to(user).filter(pk=payload.follows_id).first()
        if follows is None:
            raise Http404
    return {"employer": employer, "follows": follows}


@router.post(
    "/transition/files/{file_id}/measures",
    response={201: TransitionMeasureOut, **ERRORS},
    summary="Een werkmaatregel plannen (TRN-09 – TRN-12)",
)
def create_transition_measure(request: HttpRequest, file_id: Id, payload: TransitionMeasureIn):
    """Refused (422) outside the durations of the rule set: an IBO under 4 weeks or over 6
    months, a TBS over 3 weeks; a BVS beyond 2 weeks only warns (`warnings`)."""
    user = auth_user(request)
    file = file_get(user=user, pk=file_id)
    data = payload.dict(exclude={"employer_id", "follows_id"}) | _related(user, file, payload)
    measure, _warnings = services.measure_plan(
        file=file, data=services.MeasureData(**data), acting_user=user
    )
    return 201, _fresh(request, measure.pk)


@router.get(
    "/transition/measures/{measure_id}",
    response={200: TransitionMeasureOut, **ERRORS},
    summary="Werkmaatregel met wat nog ontbreekt",
)
def get_transition_measure(request: HttpRequest, measure_id: Id):
    return _fresh(request, measure_id)


@router.put(
    "/transition/measures/{measure_id}/documents",
    response={200: TransitionMeasureOut, **ERRORS},
    summary="Documenten en toestemmingen op dossier (TRN-09 – TRN-12)",
)
def update_transition_measure_documents(
    request: HttpRequest, measure_id: Id, payload: TransitionMeasureDocumentsIn
):
    data = payload.dict() | {"present": frozenset(payload.present)}
    services.measure_documents_update(
        measure=_get(request, measure_id),
        data=services.DocumentsData(**data),
        acting_user=auth_user(request),
    )
    return _fresh(request, measure_id)


@router.post(
    "/transition/measures/{measure_id}/start",
    response={200: TransitionMeasureOut, **ERRORS},
    summary="Een werkmaatregel starten: geweigerd zolang een document ontbreekt",
)
def start_transition_measure(request: HttpRequest, measure_id: Id):
    services.measure_start(measure=_get(request, measure_id), acting_user=auth_user(request))
    return _fresh(request, measure_id)


@router.post(
    "/transition/measures/{measure_id}/evaluations",
    response={201: TransitionEvaluationOut, **ERRORS},
    summary="Tussentijdse of eindevaluatie op het observatieschema (TRN-09)",
)
def evaluate_transition_measure(
    request: HttpRequest, measure_id: Id, payload: TransitionEvaluationIn
):
    evaluation = services.measure_evaluate(
        measure=_get(request, measure_id), acting_user=auth_user(request), **payload.dict()
    )
    return 201, evaluation_out(evaluation)


@router.post(
    "/transition/measures/{measure_id}/close",
    response={200: TransitionMeasureOut, **ERRORS},
    summary="Een werkmaatregel afronden (met zijn evaluaties)",
)
def close_transition_measure(request: HttpRequest, measure_id: Id):
    services.measure_close(measure=_get(request, measure_id), acting_user=auth_user(request))
    return _fresh(request, measure_id)


@router.post(
    "/transition/measures/{measure_id}/cancel",
    response={200: TransitionMeasureOut, **ERRORS},
    summary="Een werkmaatregel annuleren",
)
def cancel_transition_measure(
    request: HttpRequest, measure_id: Id, payload: TransitionMeasureCancelIn
):
    services.measure_cancel(
        measure=_get(request, measure_id), why=payload.why, acting_user=auth_user(request)
    )
    return _fresh(request, measure_id)


@router.post(
    "/transition/measures/{measure_id}/checklist-pdf",
    response={201: DocumentOut, **ERRORS},
    summary="Checklist van de BVS- of TBS-overeenkomst als PDF (TRN-09, TRN-10)",
)
def transition_measure_checklist_pdf(request: HttpRequest, measure_id: Id):
    """The answer is the PDF kept as a document of the trajectory (download it to print)."""
    document = measure_pdfs.checklist_pdf(
        measure=_get(request, measure_id), acting_user=auth_user(request)
    )
    return 201, document_out(document)
