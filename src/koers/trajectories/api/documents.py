"""/documents: contracts, attendance proofs, certificates … and their status."""

from django.http import FileResponse, Http404, HttpRequest
from ninja import File, Form, Router, UploadedFile

from koers.api.errors import ERRORS
from koers.api.lookups import PageQuery, auth_user
from koers.api.schemas import Id
from koers.trajectories.api.common import trajectory_rows, visible_row
from koers.trajectories.api.lookups import visible_contact, visible_trajectory
from koers.trajectories.models import Document
from koers.trajectories.schemas import DocumentIn, DocumentOut, DocumentPage, DocumentStatusIn
from koers.trajectories.services import document_add, document_set_status

# Operation ids are public: they keep the prefix of the module this router came from.
OPERATION_ID_PREFIX = "koers_api_documents"

router = Router(tags=["documents"])


def document_out(document: Document) -> dict:
    return {
        "id": document.pk,
        "trajectory_id": document.trajectory_id,
        "kind": document.kind,
        "title": str(document.title),  # the service may leave a lazy label here
        "status": document.status,
        "has_file": bool(document.file),
        "original_filename": document.original_filename,
        "content_type": document.content_type,
        "size_bytes": document.size_bytes,
        "contact_id": document.contact_id,
        "uploaded_by_id": document.uploaded_by_id,
        "created_at": document.created_at,
        "updated_at": document.updated_at,
    }


@router.get("/documents", response={200: DocumentPage, **ERRORS}, summary="Documenten")
def list_documents(request: HttpRequest, params: PageQuery, trajectory: Id | None = None):
    """Documents you may see (metadata), newest first; `trajectory` limits them to one."""
    result = trajectory_rows(Document, request, params, trajectory, ("-created_at", "-id"))
    result["items"] = [document_out(d) for d in result["items"]]
    return result


@router.get(
    "/documents/{document_id}", response={200: DocumentOut, **ERRORS}, summary="Eén document"
)
def get_document(request: HttpRequest, document_id: Id):
    return document_out(visible_row(Document, request, document_id))


@router.post("/documents", response={201: DocumentOut, **ERRORS}, summary="Document toevoegen")
def create_document(
    request: HttpRequest,
    payload: Form[DocumentIn],
    file: UploadedFile | None = File(None),  # noqa: B008 - how ninja declares the source
):
    """Multipart form. With a `file` (PDF, PNG, JPEG or DOCX, checked by content, not by name)
    the document counts as signed unless `status` says otherwise; without one it is a
    placeholder for a document that is still missing."""
    user = auth_user(request)
    trajectory = visible_trajectory(user, payload.trajectory_id)
    contact = (
        visible_contact(user, payload.contact_id, trajectory=trajectory, field="contact_id")
        if payload.contact_id is not None
        else None
    )
    document = document_add(
        trajectory=trajectory,
        kind=payload.kind,
        title=payload.title,
        acting_user=user,
        upload=file,
        status=payload.status,
        contact=contact,
    )
    return 201, document_out(document)


@router.post(
    "/documents/{document_id}/status",
    response={200: DocumentOut, **ERRORS},
    summary="Status van een document wijzigen",
)
def set_document_status(request: HttpRequest, document_id: Id, payload: DocumentStatusIn):
    user = auth_user(request)
    document = Document.objects.visible_to(user).get(pk=document_id)
    return document_out(
        document_set_status(document=document, status=payload.status, acting_user=user)
    )


@router.get(
    "/documents/{document_id}/download",
    response={200: None, **ERRORS},
    summary="Bestand van een document downloaden",
)
def download_document(request: HttpRequest, document_id: Id):
    document = visible_row(Document, request, document_id)
    if not document.file:
        raise Http404
    return FileResponse(
        document.file.open("rb"),
        as_attachment=True,
        filename=document.download_name(),
        content_type=document.content_type or "application/octet-stream",
    )
