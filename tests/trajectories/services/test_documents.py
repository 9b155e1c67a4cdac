"""Documents (services/documents.py): uploads checked by content and size, the status."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings

from koers.trajectories.models import (
    Document,
    DocumentStatus,
)
from koers.trajectories.services import (
    document_add,
    document_set_status,
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
