"""Documents of a trajectory: an upload checked by its content, or a placeholder, and the one door
for a document's status."""

import zipfile

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext as _

from koers.core.history import save_with_user
from koers.core.models import User
from koers.core.states import record_state, set_state
from koers.trajectories import rules
from koers.trajectories.models import Contact, Document, DocumentKind, DocumentStatus, Trajectory

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _is_word_document(upload: UploadedFile) -> bool:
    """A ZIP archive is a DOCX when it holds a Word body, whatever its name says."""
    try:
        with zipfile.ZipFile(upload) as archive:
            return "word/document.xml" in archive.namelist()
    except zipfile.BadZipFile:
        return False
    finally:
        upload.seek(0)


def _sniff_upload(upload: UploadedFile) -> str:
    """The file's real type, read from its content (never trust the name or the browser)."""
    head = upload.read(8192)
    upload.seek(0)
    kind = filetype.guess(head)
    mime = kind.mime if kind else ""
    if mime == "application/zip" and _is_word_document(upload):
        mime = DOCX
    return mime


def document_validate_upload(upload: UploadedFile) -> str:
    max_bytes = settings.KOERS_UPLOAD_MAX_BYTES
    if upload.size > max_bytes:
        raise ValidationError(
            {
                "file": [
                    _("Het bestand is te groot (maximum %(mb)d MB).")
                    % {"mb": max_bytes // (1024 * 1024)}
                ]
            }
        )
    if upload.size == 0:
        raise ValidationError({"file": [_("Het bestand is leeg.")]})
    mime = _sniff_upload(upload)
    if mime not in settings.KOERS_UPLOAD_TYPES:
        raise ValidationError(
            {"file": [_("Dit bestandstype is niet toegelaten. Kies een PDF, PNG, JPEG of DOCX.")]}
        )
    return mime


def _check_status(status: str) -> None:
    if status not in DocumentStatus.values:
        raise ValidationError({"status": [_("Kies een status uit de lijst.")]})


@transaction.atomic
def document_add(
    *,
    trajectory: Trajectory,
    kind: str,
    title: str,
    acting_user: User,
    upload: UploadedFile | None = None,
    status: str | None = None,
    contact: Contact | None = None,
) -> Document:
    """A document with a file (signed unless `status` says otherwise) or a placeholder (missing)."""
    if kind not in DocumentKind.values:
        raise ValidationError({"kind": [_("Kies een soort document uit de lijst.")]})
    if contact is not None and contact.trajectory_id != trajectory.pk:
        raise ValidationError({"contact": [_("Dit contact hoort niet bij dit traject.")]})
    default = DocumentStatus.SIGNED if upload is not None else DocumentStatus.MISSING
    document = Document(
        trajectory=trajectory,
        kind=kind,
        title=title.strip() or DocumentKind(kind).label,
        contact=contact,
        uploaded_by=acting_user,
        status=status or default,
    )
    if upload is not None:
        document.content_type = document_validate_upload(upload)
        document.original_filename = upload.name[:255]
        document.size_bytes = upload.size
        document.file = upload
    _check_status(document.status)
    save_with_user(document, acting_user)
    record_state(document, "status", "", document.status, acting_user=acting_user)
    return document


@transaction.atomic
def document_set_status(*, document: Document, status: str, acting_user: User) -> Document:
    """The only way a document's status changes; the move is recorded."""
    _check_status(status)
    # A status chosen on the page while the programme generates the document again: the later
    # write starts from the state the earlier one left, and both moves are recorded in order.
    document = Document.objects.select_for_update().get(pk=document.pk)
    set_state(
        document,
        "status",
        status,
        table=rules.DOCUMENT_TRANSITIONS,
        rule=rules.DOCUMENT_STATUS_RULE,
        acting_user=acting_user,
        also_save=("updated_at",),
    )
    return document


# What a generated document's write changes besides its status (saved with the move).
_GENERATED_FIELDS = (
    "title",
    "file",
    "original_filename",
    "content_type",
    "size_bytes",
    "uploaded_by",
    "updated_at",
)


def _placeholder(trajectory: Trajectory, kind: str) -> Document | None:
    # A page and a nightly job generating the same kind at once would both find the placeholder
    # and both fill it: the lock lets the second one see the first one's file.
    return (
        Document.objects.select_for_update()
        .filter(
            trajectory=trajectory,
            kind=kind,
            contact__isnull=True,
            status__in=[DocumentStatus.MISSING, DocumentStatus.GENERATED],
        )
        .first()
    )


@transaction.atomic
def document_store_generated(
    *,
    trajectory: Trajectory,
    kind: str,
    title: str,
    file_name: str,
    pdf: bytes,
    acting_user: User | None,
    contact: Contact | None = None,
    fill_placeholder: bool = False,
) -> Document:
    """Store a PDF a programme generated as a document with status "generated", through the
    status door. `fill_placeholder`: reuse the trajectory's missing or earlier generated document
    of this kind (not linked to a contact) instead of adding one."""
    found = _placeholder(trajectory, kind) if fill_placeholder else None
    document = found or Document(
        trajectory=trajectory, kind=kind, contact=contact, status=DocumentStatus.GENERATED
    )
    document.title = title
    document.original_filename = file_name
    document.content_type = "application/pdf"
    document.size_bytes = len(pdf)
    document.uploaded_by = acting_user
    document.file.save("generated.pdf", ContentFile(pdf), save=False)
    if document.pk is None:
        save_with_user(document, acting_user)
        record_state(document, "status", "", document.status, acting_user=acting_user)
    elif document.status == DocumentStatus.GENERATED:
        save_with_user(document, acting_user)
    else:
        set_state(
            document,
            "status",
            DocumentStatus.GENERATED,
            table=rules.DOCUMENT_TRANSITIONS,
            rule=rules.DOCUMENT_STATUS_RULE,
            acting_user=acting_user,
            also_save=_GENERATED_FIELDS,
        )
    return document
