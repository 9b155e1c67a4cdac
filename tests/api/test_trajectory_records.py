"""/trajectories, /contacts, /assignments, /plans and /documents: behaviour and bad input."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.utils import timezone

from koers.core.models import Role
from koers.trajectories.models import (
    Assignment,
    Contact,
    Document,
    Plan,
    PlanVersion,
    Trajectory,
)
from tests.api.conftest import PDF, Api, fields
from tests.factories import (
    ClientFactory,
    ContactFactory,
    DocumentFactory,
    PlanFactory,
    PlanVersionFactory,
    TrajectoryFactory,
    staff_user,
)

pytestmark = pytest.mark.django_db


def _iso(dt):
    return dt.replace(microsecond=0).isoformat()


# ---- trajectories ------------------------------------------------------------------------------


def test_list_filters_by_client_programme_and_status(trajectory, centre_staff):
    other = TrajectoryFactory(client__organisation=trajectory.organisation, programme="mediation")
    api = Api(centre_staff)
    assert api.get("/trajectories").json()["count"] == 2
    by_client = api.get("/trajectories", {"client": trajectory.client_id}).json()
    assert [t["id"] for t in by_client["items"]] == [trajectory.pk]
    by_programme = api.get("/trajectories", {"programme": "mediation"}).json()
    assert [t["id"] for t in by_programme["items"]] == [other.pk]
    assert api.get("/trajectories", {"status": "closed"}).json()["count"] == 0
    response = api.get("/trajectories", {"status": "bestaat-niet"})
    assert response.status_code == 422
    assert fields(response) == {"status"}


@time_machine.travel(datetime(2026, 3, 2, 10, 0, tzinfo=UTC), tick=False)
def test_centre_staff_open_trajectory_for_a_coach(client_record, centre_staff, coach):
    response = Api(centre_staff).post(
        "/trajectories",
        {"client_id": client_record.pk, "programme": "voucher", "responsible_id": coach.pk},
    )
    assert response.status_code == 201, response.json()
    trajectory = Trajectory.objects.get(pk=response.json()["id"])
    assert trajectory.responsible == coach
    assert trajectory.start_date == timezone.localdate()


def test_open_trajectory_in_foreign_organisation_is_422(client_record, centre_staff, other_centre):
    response = Api(centre_staff).post(
        "/trajectories",
        {"client_id": client_record.pk, "programme": "voucher", "organisation_id": other_centre.pk},
    )
    assert response.status_code == 422
    assert fields(response) == {"organisation_id"}
    assert not Trajectory.objects.exists()


def test_responsible_from_another_organisation_is_422(client_record, centre_staff, outsider):
    response = Api(centre_staff).post(
        "/trajectories",
        {"client_id": client_record.pk, "programme": "voucher", "responsible_id": outsider.pk},
    )
    assert response.status_code == 422
    assert fields(response) == {"responsible_id"}
    assert not Trajectory.objects.exists()


@pytest.mark.usefixtures("voucher_rules_in_force")
def test_coach_opening_trajectory_for_colleague_is_422(trajectory, other_coach):
    response = Api(trajectory.responsible).post(
        "/trajectories",
        {
            "client_id": trajectory.client_id,
            "programme": "voucher",
            "responsible_id": other_coach.pk,
        },
    )
    assert response.status_code == 422
    assert fields(response) == {"responsible_id"}
    assert Trajectory.objects.count() == 1


def test_someone_elses_client_id_is_404(trajectory, other_coach):
    response = Api(other_coach).post(
        "/trajectories", {"client_id": trajectory.client_id, "programme": "voucher"}
    )
    assert response.status_code == 404
    assert fields(response) == {"client_id"}
    assert Trajectory.objects.count() == 1


def test_illegal_status_change_is_422(trajectory):
    api = Api(trajectory.responsible)
    assert api.post(f"/trajectories/{trajectory.pk}/status", {"status": "closed"}).json()[
        "end_date"
    ]
    response = api.post(f"/trajectories/{trajectory.pk}/status", {"status": "active"})
    assert response.status_code == 422
    assert fields(response) == {"status"}


# ---- contacts ----------------------------------------------------------------------------------


def _contact(trajectory, **overrides):
    body = {
        "trajectory_id": trajectory.pk,
        "starts_at": _iso(timezone.now() - timedelta(days=2)),
        "duration_minutes": 60,
        "form": "individual",
        "outcome": "held",
    }
    return body | overrides


def test_log_contact_and_list_per_trajectory(trajectory):
    api = Api(trajectory.responsible)
    response = api.post("/contacts", _contact(trajectory, starts_at="2099-01-01T10:00:00"))
    assert response.status_code == 422  # held in the future
    response = api.post("/contacts", _contact(trajectory))
    assert response.status_code == 201, response.json()
    assert response.json()["staff_id"] == trajectory.responsible.pk
    listed = api.get("/contacts", {"trajectory": trajectory.pk}).json()
    assert [c["id"] for c in listed["items"]] == [response.json()["id"]]


def test_naive_time_is_belgian_local_time(trajectory):
    local = timezone.localtime(timezone.now() - timedelta(days=1)).replace(
        hour=14, minute=0, second=0, microsecond=0
    )
    response = Api(trajectory.responsible).post(
        "/contacts", _contact(trajectory, starts_at=local.replace(tzinfo=None).isoformat())
    )
    assert response.status_code == 201, response.json()
    assert Contact.objects.get().starts_at == local


def test_overlapping_contact_is_422_and_not_saved(trajectory):
    existing = ContactFactory(trajectory=trajectory)
    response = Api(trajectory.responsible).post(
        "/contacts",
        _contact(trajectory, starts_at=_iso(existing.starts_at + timedelta(minutes=30))),
    )
    assert response.status_code == 422
    assert fields(response) == {"starts_at"}
    assert Contact.objects.count() == 1


def test_held_contact_in_the_future_is_422(trajectory):
    response = Api(trajectory.responsible).post(
        "/contacts", _contact(trajectory, starts_at=_iso(timezone.now() + timedelta(days=1)))
    )
    assert response.status_code == 422
    assert fields(response) == {"starts_at"}
    assert not Contact.objects.exists()


def test_contact_before_trajectory_start_is_422(trajectory):
    before = timezone.now() - timedelta(days=60)
    response = Api(trajectory.responsible).post(
        "/contacts", _contact(trajectory, starts_at=_iso(before))
    )
    assert response.status_code == 422
    assert fields(response) == {"starts_at"}
    assert not Contact.objects.exists()


def test_bad_duration_and_choice_are_named(trajectory):
    response = Api(trajectory.responsible).post(
        "/contacts", _contact(trajectory, duration_minutes=0, form="telepathie")
    )
    assert response.status_code == 422
    assert fields(response) == {"form"}  # schema errors first
    response = Api(trajectory.responsible).post(
        "/contacts", _contact(trajectory, duration_minutes=0)
    )
    assert fields(response) == {"duration_minutes"}
    assert not Contact.objects.exists()


def test_contact_on_someone_elses_trajectory_is_404(trajectory, other_coach):
    response = Api(other_coach).post("/contacts", _contact(trajectory))
    assert response.status_code == 404
    assert fields(response) == {"trajectory_id"}
    assert not Contact.objects.exists()


def test_patch_contact_keeps_other_fields_and_checks_again(trajectory):
    contact = ContactFactory(trajectory=trajectory, outcome="planned", place="Gent")
    api = Api(trajectory.responsible)
    response = api.patch(f"/contacts/{contact.pk}", {"outcome": "absent"})
    assert response.status_code == 422
    assert fields(response) == {"absence_reason"}
    response = api.patch(f"/contacts/{contact.pk}", {"outcome": "absent", "absence_reason": "ziek"})
    assert response.status_code == 200
    contact.refresh_from_db()
    assert (contact.outcome, contact.place, contact.duration_minutes) == ("absent", "Gent", 60)


# ---- assignments -------------------------------------------------------------------------------


def test_assignment_create_update_and_deadline_before_start(trajectory):
    api = Api(trajectory.responsible)
    too_early = trajectory.start_date - timedelta(days=1)
    response = api.post(
        "/assignments", {"trajectory_id": trajectory.pk, "title": "CV", "deadline": str(too_early)}
    )
    assert response.status_code == 422
    assert fields(response) == {"deadline"}
    assert not Assignment.objects.exists()
    response = api.post("/assignments", {"trajectory_id": trajectory.pk, "title": "CV"})
    assert response.status_code == 201
    pk = response.json()["id"]
    response = api.patch(f"/assignments/{pk}", {"status": "done", "evaluation": "Mooi werk."})
    assert response.status_code == 200
    assert Assignment.objects.get().title == "CV"
    assert api.get("/assignments", {"trajectory": trajectory.pk}).json()["count"] == 1


# ---- plans -------------------------------------------------------------------------------------


def test_plan_versions_are_kept(trajectory):
    api = Api(trajectory.responsible)
    response = api.post(
        "/plans",
        {
            "trajectory_id": trajectory.pk,
            "kind": "development",
            "title": "POP",
            "content": {"question": "Wat nu?"},
        },
    )
    assert response.status_code == 201, response.json()
    plan_id = response.json()["id"]
    assert [v["number"] for v in response.json()["versions"]] == [1]
    assert (
        api.post(f"/plans/{plan_id}/versions", {"content": {"question": "En nu?"}}).status_code
        == 201
    )
    same = api.post(f"/plans/{plan_id}/versions", {"content": {"question": "En nu?"}})
    assert same.status_code == 200
    detail = api.get(f"/plans/{plan_id}").json()
    assert [v["number"] for v in detail["versions"]] == [2, 1]
    assert detail["versions"][1]["content"] == {"question": "Wat nu?"}
    assert PlanVersion.objects.count() == 2


def test_plan_without_title_is_422(trajectory):
    response = Api(trajectory.responsible).post(
        "/plans", {"trajectory_id": trajectory.pk, "kind": "development", "title": " "}
    )
    assert response.status_code == 422
    assert fields(response) == {"title"}
    assert not Plan.objects.exists()


# ---- documents ---------------------------------------------------------------------------------


def _upload(api, trajectory, name, content, **extra):
    data = {"trajectory_id": trajectory.pk, "kind": "attendance"} | extra
    data["file"] = SimpleUploadedFile(name, content)
    return api.upload("/documents", data)


def test_upload_and_download(trajectory):
    api = Api(trajectory.responsible)
    response = _upload(api, trajectory, "bewijs.pdf", PDF, title="Bewijs 1")
    assert response.status_code == 201, response.json()
    body = response.json()
    assert (body["status"], body["content_type"], body["has_file"]) == (
        "signed",
        "application/pdf",
        True,
    )
    download = api.get(f"/documents/{body['id']}/download")
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PDF
    assert "attachment" in download["Content-Disposition"]


def test_wrong_file_type_is_422(trajectory):
    response = _upload(Api(trajectory.responsible), trajectory, "virus.pdf", b"MZ\x90\x00" * 50)
    assert response.status_code == 422
    assert fields(response) == {"file"}
    assert not Document.objects.exists()


@override_settings(KOERS_UPLOAD_MAX_BYTES=20)
def test_too_large_file_is_422(trajectory):
    response = _upload(Api(trajectory.responsible), trajectory, "bewijs.pdf", PDF)
    assert response.status_code == 422
    assert fields(response) == {"file"}
    assert not Document.objects.exists()


def test_contact_of_another_trajectory_is_404(trajectory):
    elsewhere = ContactFactory()
    response = _upload(
        Api(trajectory.responsible), trajectory, "bewijs.pdf", PDF, contact_id=elsewhere.pk
    )
    assert response.status_code == 404
    assert fields(response) == {"contact_id"}
    assert not Document.objects.exists()


def test_upload_on_someone_elses_trajectory_is_404(trajectory, other_coach):
    response = _upload(Api(other_coach), trajectory, "bewijs.pdf", PDF)
    assert response.status_code == 404
    assert fields(response) == {"trajectory_id"}
    assert not Document.objects.exists()


def test_placeholder_document_and_status(trajectory):
    api = Api(trajectory.responsible)
    response = api.upload(
        "/documents", {"trajectory_id": trajectory.pk, "kind": "contract", "title": "Contract"}
    )
    assert response.status_code == 201, response.json()
    body = response.json()
    assert (body["status"], body["has_file"]) == ("missing", False)
    assert api.get(f"/documents/{body['id']}/download").status_code == 404
    response = api.post(f"/documents/{body['id']}/status", {"status": "nope"})
    assert response.status_code == 422
    assert fields(response) == {"status"}
    response = api.post(f"/documents/{body['id']}/status", {"status": "generated"})
    assert response.json()["status"] == "generated"


# ---- query counts ------------------------------------------------------------------------------


def _fill(centre, n):
    for _ in range(n):
        trajectory = TrajectoryFactory(
            client=ClientFactory(organisation=centre), responsible=staff_user(centre, Role.COACH)
        )
        ContactFactory(trajectory=trajectory)
        PlanVersionFactory(plan=PlanFactory(trajectory=trajectory))
        DocumentFactory(trajectory=trajectory)


@pytest.mark.parametrize(
    "path", ["/trajectories", "/contacts", "/assignments", "/plans", "/documents"]
)
def test_list_query_count_does_not_grow(centre, centre_staff, path, django_assert_max_num_queries):
    api = Api(centre_staff)
    _fill(centre, 1)
    with django_assert_max_num_queries(12) as small:
        assert api.get(path).status_code == 200
    _fill(centre, 15)
    with django_assert_max_num_queries(len(small.captured_queries)):
        assert api.get(path).status_code == 200
