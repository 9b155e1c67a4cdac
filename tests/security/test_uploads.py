"""Uploads (issue 15): the stored name and the download name take their extension from the type
read from the content, never from the name the client chose; uploaded files are only ever served
through a view that checks the access rule, also when DEBUG is on (`make run`)."""

import importlib
import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import Resolver404, clear_url_caches, resolve, reverse

from koers.trajectories.models import Document
from koers.trajectories.services import document_add

# A PDF that an HTML parser also renders: a browser opening it as .html would run the script.
POLYGLOT = b"%PDF-1.4\n<html><body><script>alert(document.cookie)</script></body></html>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def _add(trajectory, coach, name: str, content: bytes) -> Document:
    return document_add(
        trajectory=trajectory,
        kind="other",
        title="Bijlage",
        upload=SimpleUploadedFile(name, content, content_type="text/html"),
        acting_user=coach,
    )


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


@pytest.mark.django_db
def test_an_html_pdf_polyglot_is_stored_and_downloaded_as_pdf(trajectory, coach, logged_in):
    document = _add(trajectory, coach, "brief.html", POLYGLOT)
    assert document.content_type == "application/pdf"
    assert document.file.name.endswith(".pdf")
    response = logged_in(coach).get(reverse("document_download", kwargs={"pk": document.pk}))
    assert response["Content-Type"] == "application/pdf"
    assert 'filename="brief.pdf"' in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.django_db
def test_an_image_named_like_a_program_is_stored_as_png(trajectory, coach):
    document = _add(trajectory, coach, "foto.exe", PNG)
    assert document.file.name.endswith(".png")
    assert document.download_name() == "foto.png"


@pytest.mark.django_db
def test_a_zip_called_docx_without_a_word_body_is_refused(trajectory, coach):
    with pytest.raises(ValidationError, match="bestandstype"):
        _add(trajectory, coach, "cv.docx", _zip({"index.html": b"<script>alert(1)</script>"}))
    assert not Document.objects.exists()


@pytest.mark.django_db
def test_a_word_document_is_recognised_by_its_content_whatever_its_name(trajectory, coach):
    document = _add(trajectory, coach, "cv.zip", _zip({"word/document.xml": b"<w:document/>"}))
    assert document.file.name.endswith(".docx")


@pytest.mark.django_db
def test_the_api_download_names_the_file_by_its_real_type(trajectory, coach, logged_in):
    document = _add(trajectory, coach, "brief.html", POLYGLOT)
    response = logged_in(coach).get(f"/api/v1/documents/{document.pk}/download")
    assert response.status_code == 200
    assert 'filename="brief.pdf"' in response["Content-Disposition"]


@pytest.mark.django_db
def test_a_download_asks_for_a_login_first(trajectory, coach, client):
    document = _add(trajectory, coach, "bewijs.png", PNG)
    response = client.get(reverse("document_download", kwargs={"pk": document.pk}))
    assert response.status_code == 302
    assert "/accounts/login" in response["Location"]


@pytest.fixture
def urls_built_under_debug():
    """The root URL configuration as `make run` builds it (DEBUG on)."""
    import koers.urls

    with override_settings(DEBUG=True):
        importlib.reload(koers.urls)
        clear_url_caches()
        yield
    importlib.reload(koers.urls)
    clear_url_caches()


@pytest.mark.django_db
@pytest.mark.usefixtures("urls_built_under_debug")
def test_media_files_are_not_served_as_static_files_under_debug(trajectory, coach, logged_in):
    document = _add(trajectory, coach, "bewijs.png", PNG)
    with pytest.raises(Resolver404):
        resolve("/media/" + document.file.name)
    assert logged_in(coach).get("/media/" + document.file.name).status_code == 404
