"""Documents (services/documents.py): uploads checked by content and size, the status."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings

from koers.core.states import state_history
from koers.trajectories.models import (
    Document,
    DocumentKind,
    DocumentStatus,
)
from koers.trajectories.services import (
    document_add,
    document_set_status,
    document_store_generated,
)

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.mark.django_db
@pytest.mark.parametrize(("content", "name"), [(PNG, "screenshot.png"), (PDF, "contract.pdf")])
def test_document_upload_accepts_real_pdf_and_png(trajectory, coach, content, name):
    document = document_add(
        trajectory=trajectory,
        kind="attendance",
        title="Bewijs",
        upload=SimpleUploadedFile(name, content),
        acting_user=coach,
    )
    assert document.status == DocumentStatus.SIGNED
    assert document.size_bytes == len(content)
    assert "Peeters" not in document.file.name


@pytest.mark.django_db
def test_document_upload_refuses_disguised_file(trajectory, coach):
    with pytest.raises(ValidationError, match="bestandstype"):
        document_add(
            trajectory=trajectory,
            kind="contract",
            title="x",
            upload=SimpleUploadedFile("contract.pdf", b"MZ\x90\x00 not a pdf at all"),
            acting_user=coach,
        )
    assert not Document.objects.exists()


@pytest.mark.django_db
@override_settings(KOERS_UPLOAD_MAX_BYTES=50)
def test_document_upload_refuses_too_large_file(trajectory, coach):
    with pytest.raises(ValidationError, match="te groot"):
        document_add(
            trajectory=trajectory,
            kind="contract",
            title="x",
            upload=SimpleUploadedFile("a.png", PNG),
            acting_user=coach,
        )


@pytest.mark.django_db
def test_document_status_moves(trajectory, coach):
    document = document_add(
        trajectory=trajectory, kind="contract", title="Overeenkomst", acting_user=coach
    )
    assert document.status == DocumentStatus.MISSING
    document = document_set_status(
        document=document, status=DocumentStatus.ORIGINAL_RECEIVED, acting_user=coach
    )
    assert document.status == DocumentStatus.ORIGINAL_RECEIVED
    with pytest.raises(ValidationError):
        document_set_status(document=document, status="lost", acting_user=coach)


@pytest.mark.django_db
def test_a_generated_pdf_fills_the_placeholder_through_the_status_door(trajectory, coach):
    placeholder = document_add(
        trajectory=trajectory, kind=DocumentKind.ATTENDANCE, title="", acting_user=coach
    )
    stored = document_store_generated(
        trajectory=trajectory,
        kind=DocumentKind.ATTENDANCE,
        title="Bewijs van deelname",
        file_name="deelname.pdf",
        pdf=PDF,
        acting_user=coach,
        fill_placeholder=True,
    )
    assert stored.pk == placeholder.pk
    stored.refresh_from_db()
    assert (stored.status, stored.size_bytes, stored.title) == (
        DocumentStatus.GENERATED,
        len(PDF),
        "Bewijs van deelname",
    )
    assert stored.file.read() == PDF
    moves = [(m.from_label, m.to_label) for m in state_history(stored, "status")]
    assert moves == [("", "Ontbreekt"), ("Ontbreekt", "Aangemaakt")]


@pytest.mark.django_db
def test_a_generated_pdf_without_placeholder_is_a_new_document_recorded_as_generated(
    trajectory, coach
):
    stored = document_store_generated(
        trajectory=trajectory,
        kind=DocumentKind.CORRESPONDENCE,
        title="Brief",
        file_name="brief.pdf",
        pdf=PDF,
        acting_user=coach,
    )
    again = document_store_generated(
        trajectory=trajectory,
        kind=DocumentKind.CORRESPONDENCE,
        title="Brief",
        file_name="brief.pdf",
        pdf=PDF,
        acting_user=coach,
    )
    assert again.pk != stored.pk
    assert [m.to_label for m in state_history(stored, "status")] == ["Aangemaakt"]
