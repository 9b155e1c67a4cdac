"""Document pages (views/documents.py): upload, download, wrong files, the status."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from koers.trajectories.models import (
    Document,
    DocumentStatus,
)
from tests.factories import DocumentFactory

pytestmark = pytest.mark.django_db

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + b"\x00" * 64
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def test_upload_and_download_document(logged_in, coach, trajectory):
    web = logged_in(coach)
    response = web.post(
        reverse("document_create", args=[trajectory.pk]),
        {"kind": "attendance", "title": "Bewijs", "file": SimpleUploadedFile("b.png", PNG)},
    )
    assert response.status_code == 302
    document = Document.objects.get()
    assert document.content_type == "image/png"
    download = web.get(reverse("document_download", args=[document.pk]))
    assert download.status_code == 200
    assert "attachment" in download["Content-Disposition"]
    assert b"".join(download.streaming_content) == PNG


def test_wrong_file_type_is_refused(logged_in, coach, trajectory):
    response = logged_in(coach).post(
        reverse("document_create", args=[trajectory.pk]),
        {"kind": "other", "file": SimpleUploadedFile("virus.pdf", b"MZ\x90\x00 not a pdf" * 10)},
    )
    assert "bestandstype is niet toegelaten" in response.content.decode()
    assert not Document.objects.exists()


def test_oversized_file_is_refused(logged_in, coach, trajectory, settings):
    settings.KOERS_UPLOAD_MAX_BYTES = 1024
    big = PDF + b"0" * 2048
    response = logged_in(coach).post(
        reverse("document_create", args=[trajectory.pk]),
        {"kind": "other", "file": SimpleUploadedFile("big.pdf", big)},
    )
    assert "te groot" in response.content.decode()
    assert not Document.objects.exists()


def test_document_status_change(logged_in, coach, trajectory):
    document = DocumentFactory(trajectory=trajectory)
    response = logged_in(coach).post(
        reverse("document_status", args=[document.pk]), {"status": "original_received"}
    )
    assert response.status_code == 302
    document.refresh_from_db()
    assert document.status == DocumentStatus.ORIGINAL_RECEIVED
