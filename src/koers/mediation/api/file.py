"""/mediation, the rest of the service page: trainings (MED-11), the file checklist (MED-08), the
IBO (MED-10) and the agreement-sheet PDF (MED-05/07).

Like the other mediation operations: looked up through the access rules (404 otherwise), written
through `koers.mediation.services` (refusals 422 with the rule ID, nothing saved).
"""

from django.http import HttpRequest
from django.utils import timezone
from ninja import Router

from koers.api.errors import ERRORS
from koers.api.lookups import auth_user
from koers.api.schemas import Id
from koers.mediation import pdfs, selectors, services
from koers.mediation.api.outputs import checklist_out, training_out
from koers.mediation.schemas import (
    FileChecklistIn,
    FileChecklistOut,
    IboIn,
    SheetPdfIn,
    TrainingIn,
    TrainingOut,
    TrainingProgressIn,
)
from koers.trajectories.api.documents import document_out
from koers.trajectories.schemas import AssignmentOut, DocumentOut

OPERATION_ID_PREFIX = "koers_api_mediation_file"

router = Router(tags=["mediation"])


# ---- MED-11: trainings -------------------------------------------------------------------------


@router.get(
    "/mediation/services/{service_id}/trainings",
    response={200: list[TrainingOut], **ERRORS},
    summary="Opleidingen (MED-11)",
)
def list_trainings(request: HttpRequest, service_id: Id):
    service = selectors.service_get(user=auth_user(request), pk=service_id)
    return [training_out(t) for t in service.trainings.order_by("created_at", "pk")]


@router.post(
    "/mediation/services/{service_id}/trainings",
    response={201: TrainingOut, **ERRORS},
    summary="Opleiding starten of aanvragen (MED-11)",
)
def register_training(request: HttpRequest, service_id: Id, payload: TrainingIn):
    """Only after the start of mediation; only recognised trainings; a BVS has code 953030. The
    organiser's contact gets an e-mail."""
    user = auth_user(request)
    training = services.training_register(
        service=selectors.service_get(user=user, pk=service_id),
        data=services.TrainingData(**payload.model_dump()),
        acting_user=user,
    )
    return 201, training_out(training)


@router.post(
    "/mediation/trainings/{training_id}/cancel",
    response={200: TrainingOut, **ERRORS},
    summary="Aanvraag van een opleiding annuleren (MED-11)",
)
def cancel_training(request: HttpRequest, training_id: Id):
    """Only a request that has not started, and never a VDAB training."""
    user = auth_user(request)
    training = services.training_cancel(
        training=selectors.training_get(user=user, pk=training_id),
        acting_user=user,
        now=timezone.now(),
    )
    return training_out(training)


@router.post(
    "/mediation/trainings/{training_id}/progress",
    response={200: TrainingOut, **ERRORS},
    summary="Verloop van een opleiding (MED-11)",
)
def training_progress(request: HttpRequest, training_id: Id, payload: TrainingProgressIn):
    user = auth_user(request)
    training = services.training_progress(
        training=selectors.training_get(user=user, pk=training_id),
        acting_user=user,
        started=payload.started or None,
        competences_updated_on=timezone.localdate() if payload.competences_updated else None,
    )
    return training_out(training)


# ---- MED-08: the file checklist; MED-10: IBO ---------------------------------------------------


@router.get(
    "/mediation/services/{service_id}/checklist",
    response={200: FileChecklistOut, **ERRORS},
    summary="Checklist van het dossier (MED-08)",
)
def get_checklist(request: HttpRequest, service_id: Id):
    return checklist_out(selectors.service_get(user=auth_user(request), pk=service_id))


@router.put(
    "/mediation/services/{service_id}/checklist",
    response={200: FileChecklistOut, **ERRORS},
    summary="Checklist van het dossier bijwerken (MED-08)",
)
def update_checklist(request: HttpRequest, service_id: Id, payload: FileChecklistIn):
    """Replaces the ticks and the own points, as the form on the service page does."""
    user = auth_user(request)
    service = services.checklist_update(
        service=selectors.service_get(user=user, pk=service_id),
        ticked=payload.ticked,
        extra=payload.extra,
        acting_user=user,
    )
    return checklist_out(service)


@router.post(
    "/mediation/services/{service_id}/ibo",
    response={201: AssignmentOut, **ERRORS},
    summary="IBO als actie in het traject (MED-10)",
)
def note_ibo(request: HttpRequest, service_id: Id, payload: IboIn):
    user = auth_user(request)
    assignment = services.ibo_note(
        service=selectors.service_get(user=user, pk=service_id),
        employer=payload.employer,
        acting_user=user,
    )
    return 201, assignment


# ---- MED-05/07: the agreement sheet as PDF -----------------------------------------------------


@router.post(
    "/mediation/sheets/{sheet_id}/pdf",
    response={201: DocumentOut, **ERRORS},
    summary="Afsprakenblad als PDF: printen of mailen (MED-05, MED-07)",
)
def sheet_pdf(request: HttpRequest, sheet_id: Id, payload: SheetPdfIn):
    """The answer is the PDF kept as a document of the trajectory (download it to print)."""
    user = auth_user(request)
    document = pdfs.sheet_pdf(
        sheet=selectors.sheet_get(user=user, pk=sheet_id), acting_user=user, mail=payload.mail
    )
    return 201, document_out(document)
