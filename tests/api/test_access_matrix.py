"""Every row endpoint, walked as the owner coach, a colleague coach, centre staff of the same
centre and centre staff of another centre: 200/201, 404, 200/201, 404. A refused write changes
nothing."""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from koers.core.models import Client
from koers.trajectories.models import (
    Assignment,
    Contact,
    Document,
    Plan,
    PlanVersion,
    Trajectory,
)
from tests.api.conftest import PDF, Api

pytestmark = pytest.mark.django_db


def _counts():
    return {
        model.__name__: model.objects.count()
        for model in (Client, Trajectory, Contact, Assignment, Plan, PlanVersion, Document)
    }


# (method, path, body) — path and body are filled from the `world` fixture.
READS = [
    ("get", "/clients/{client}"),
    ("get", "/trajectories/{trajectory}"),
    ("get", "/contacts/{contact}"),
    ("get", "/assignments/{assignment}"),
    ("get", "/plans/{plan}"),
    ("get", "/documents/{document}"),
    ("get", "/documents/{document}/download"),
]


def _writes(w):
    soon = (timezone.now() - timedelta(days=1)).replace(microsecond=0)
    return [
        ("patch", f"/clients/{w['client'].pk}", {"city": "Gent"}, 200),
        (
            "post",
            "/trajectories",
            # A career centre's mandate is vouchers (core/rules.py); a fixed date in a rule set.
            {"client_id": w["client"].pk, "programme": "voucher", "start_date": "2026-03-02"},
            201,
        ),
        ("post", f"/trajectories/{w['trajectory'].pk}/status", {"status": "closed"}, 200),
        (
            "post",
            "/contacts",
            {
                "trajectory_id": w["trajectory"].pk,
                "starts_at": soon.isoformat(),
                "duration_minutes": 60,
                "outcome": "held",
            },
            201,
        ),
        ("patch", f"/contacts/{w['contact'].pk}", {"notes": "Goed gesprek."}, 200),
        ("post", "/assignments", {"trajectory_id": w["trajectory"].pk, "title": "CV"}, 201),
        ("patch", f"/assignments/{w['assignment'].pk}", {"status": "done"}, 200),
        (
            "post",
            "/plans",
            {"trajectory_id": w["trajectory"].pk, "kind": "development", "title": "POP"},
            201,
        ),
        ("post", f"/plans/{w['plan'].pk}/versions", {"content": {"goal": "Zorg"}}, 201),
        ("post", f"/documents/{w['document'].pk}/status", {"status": "original_received"}, 200),
        ("upload", "/documents", None, 201),
    ]


def _call(api, method, path, body, world):
    if method == "upload":
        upload = SimpleUploadedFile("bewijs.pdf", PDF, content_type="application/pdf")
        return api.upload(
            path,
            {"trajectory_id": world["trajectory"].pk, "kind": "attendance", "file": upload},
        )
    if method == "get":
        return api.get(path)
    return getattr(api, method)(path, body)


@pytest.fixture(params=["owner", "colleague", "centre_staff", "outsider"])
def viewer(request, world, other_coach, centre_staff, outsider):
    users = {
        "owner": world["trajectory"].responsible,
        "colleague": other_coach,
        "centre_staff": centre_staff,
        "outsider": outsider,
    }
    return request.param, users[request.param]


def _allowed(who: str) -> bool:
    return who in {"owner", "centre_staff"}


@pytest.mark.parametrize(("method", "template"), READS)
def test_reads(world, viewer, method, template):
    who, user = viewer
    path = template.format(**{k: v.pk for k, v in world.items()})
    response = Api(user).get(path)
    assert response.status_code == (200 if _allowed(who) else 404), path
    if not _allowed(who):
        assert response.json()["detail"]


@pytest.mark.parametrize("index", range(11))
def test_writes(world, viewer, index):
    who, user = viewer
    method, path, body, status = _writes(world)[index]
    before = _counts()
    world["client"].refresh_from_db()
    response = _call(Api(user), method, path, body, world)
    if _allowed(who):
        assert response.status_code == status, (path, response.content)
    else:
        assert response.status_code == 404, (path, response.content)
        assert _counts() == before
        world["trajectory"].refresh_from_db()
        assert world["trajectory"].status == "active"
        assert Contact.objects.get(pk=world["contact"].pk).notes == ""
        assert Client.objects.get(pk=world["client"].pk).city == ""


@pytest.mark.parametrize(
    "path", ["/trajectories", "/contacts", "/assignments", "/plans", "/documents", "/clients"]
)
def test_lists_show_only_visible_rows(world, viewer, path):
    who, user = viewer
    response = Api(user).get(path)
    assert response.status_code == 200
    expected = 1 if _allowed(who) else 0
    assert response.json()["count"] == expected
