"""The rest of the mediation service page through the API: trainings (MED-11), the file checklist
(MED-08), the IBO (MED-10) and the agreement-sheet PDF (MED-05/07), with the same services, the
same refusals (422 naming the rule, nothing saved) and the same access (404 for others)."""

import pytest

from koers.mediation import models as m
from koers.trajectories.models import Document
from tests.api.conftest import Api
from tests.mediation import conftest as mediation_fixtures
from tests.mediation.steps import _present_with_sheet, _started

pytestmark = pytest.mark.django_db

partner = mediation_fixtures.partner
mediator = mediation_fixtures.mediator
other_mediator = mediation_fixtures.other_mediator
referral = mediation_fixtures.referral
service = mediation_fixtures.service


def _msg(response) -> str:
    return " ".join(e["message"] for e in response.json()["errors"])


def test_med_11_trainings_via_api(
    service, mediator, other_mediator, mailoutbox, django_capture_on_commit_callbacks
):
    api = Api(mediator)
    url = f"/mediation/services/{service.pk}/trainings"
    early = api.post(url, {"kind": "own", "title": "BVS magazijn", "code": "953030"})
    assert early.status_code == 422 and "MED-06" in _msg(early)
    _started(service, mediator)
    wrong_code = api.post(url, {"kind": "own", "title": "BVS", "code": "1", "is_bvs": True})
    assert wrong_code.status_code == 422 and "953030" in _msg(wrong_code)
    assert not m.TrainingRegistration.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        external = api.post(
            url,
            {
                "kind": "requested",
                "title": "Heftruck",
                "code": "H123",
                "organiser": "Syntra",
                "organiser_email": "opleiding@syntra.example",
            },
        )
    assert external.status_code == 201, external.json()
    assert mailoutbox[-1].to == ["opleiding@syntra.example"]
    training_id = external.json()["id"]
    assert [t["id"] for t in api.get(url).json()] == [training_id]
    progress = api.post(f"/mediation/trainings/{training_id}/progress", {"started": True})
    assert progress.status_code == 200 and progress.json()["started"] is True
    # A started request cannot be cancelled any more (MED-11).
    cancel = api.post(f"/mediation/trainings/{training_id}/cancel")
    assert cancel.status_code == 422 and "MED-11" in _msg(cancel)
    assert Api(other_mediator).post(f"/mediation/trainings/{training_id}/cancel").status_code == 404


def test_med_08_checklist_via_api(service, mediator, other_mediator):
    api = Api(mediator)
    url = f"/mediation/services/{service.pk}/checklist"
    before = api.get(url).json()
    assert "Cv gepubliceerd" in before["missing"]
    after = api.put(url, {"ticked": {"cv": True}, "extra": {"Rijbewijs": False}})
    assert after.status_code == 200
    assert {i["key"]: i["ok"] for i in after.json()["items"]}["cv"] is True
    assert (
        "Rijbewijs" in after.json()["missing"] and "Cv gepubliceerd" not in after.json()["missing"]
    )
    assert Api(other_mediator).get(url).status_code == 404


def test_med_10_ibo_via_api(service, mediator):
    api = Api(mediator)
    empty = api.post(f"/mediation/services/{service.pk}/ibo", {"employer": " "})
    assert empty.status_code == 422 and empty.json()["errors"][0]["field"] == "employer"
    response = api.post(f"/mediation/services/{service.pk}/ibo", {"employer": "Bakkerij Peeters"})
    assert response.status_code == 201
    assert response.json()["trajectory_id"] == service.trajectory_id
    assert "eigen VDAB-account" in response.json()["description"]


def test_med_07_sheet_pdf_via_api(service, mediator, other_mediator):
    sheet = _present_with_sheet(service, mediator)
    assert Api(other_mediator).post(f"/mediation/sheets/{sheet.pk}/pdf", {}).status_code == 404
    response = Api(mediator).post(f"/mediation/sheets/{sheet.pk}/pdf", {"mail": False})
    assert response.status_code == 201, response.json()
    sheet.refresh_from_db()
    assert sheet.document_id == response.json()["id"]
    assert Document.objects.get(pk=sheet.document_id).content_type == "application/pdf"
