"""Art. 15/20: one person's data as a ZIP (JSON per app and the documents), never the national
number, each download recorded; administrators only."""

import io
import json
import zipfile

import pytest
from django.urls import reverse

from koers.privacy.models import SubjectExport
from tests.privacy.conftest import NATIONAL_NUMBER

pytestmark = pytest.mark.django_db


def _zip(response) -> zipfile.ZipFile:
    assert response.status_code == 200, response.content[:300]
    assert response["Content-Type"] == "application/zip"
    return zipfile.ZipFile(io.BytesIO(response.content))


def _page_export(browser, kind, pk):
    return browser.get(
        reverse("privacy_export"), {"export-subject_kind": kind, "export-subject_id": pk}
    )


def test_the_zip_holds_a_json_file_per_app_and_the_documents(person, administrator, logged_in):
    archive = _zip(_page_export(logged_in(administrator), "client", person.client.pk))
    names = set(archive.namelist())
    assert {"core.json", "trajectories.json", "vouchers.json", "intake.json"} <= names
    assert any(n.startswith("documenten/document/") for n in names)
    core = json.loads(archive.read("core.json"))
    assert core["Client"][0]["first_name"] == "Nora"
    contacts = json.loads(archive.read("trajectories.json"))["Contact"]
    assert "burn-out" in contacts[0]["notes"]
    assert json.loads(archive.read("intake.json"))["Lead"][0]["email"] == "nora.peeters@example.org"


def test_the_zip_never_holds_the_national_number(person, administrator, logged_in):
    archive = _zip(_page_export(logged_in(administrator), "client", person.client.pk))
    for name in archive.namelist():
        text = archive.read(name).decode("utf-8", "replace")
        assert NATIONAL_NUMBER not in text
        assert "national_number" not in text


def test_every_download_is_recorded(person, administrator, logged_in):
    _page_export(logged_in(administrator), "client", person.client.pk)
    logged = SubjectExport.objects.get()
    assert (logged.user, logged.subject_kind, logged.subject_id, logged.channel) == (
        administrator,
        "client",
        person.client.pk,
        "web",
    )


def test_a_lead_is_exported_through_the_api(person, administrator, logged_in):
    browser = logged_in(administrator)
    archive = _zip(browser.get(f"/api/v1/privacy/subjects/lead/{person.lead.pk}/export"))
    assert json.loads(archive.read("intake.json"))["CallOutcome"][0]["note"] == "Nora belt terug."
    assert SubjectExport.objects.get().channel == "api"


def test_an_unknown_person_is_refused_next_to_the_number(administrator, logged_in):
    response = _page_export(logged_in(administrator), "client", 999_999)
    assert response.status_code == 422
    assert "bestaat niet" in response.content.decode()
    assert not SubjectExport.objects.exists()


def test_centre_staff_cannot_export(person, centre_staff, logged_in):
    browser = logged_in(centre_staff)
    assert _page_export(browser, "client", person.client.pk).status_code == 404
    assert (
        browser.get(f"/api/v1/privacy/subjects/client/{person.client.pk}/export").status_code == 404
    )
    assert not SubjectExport.objects.exists()
