"""Every trajectory page: rendered for who may see it, a 404 for anyone else."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from koers.trajectories.models import TrajectoryStatus
from tests.factories import (
    AssignmentFactory,
    ContactFactory,
    DocumentFactory,
    PlanFactory,
    PlanVersionFactory,
)

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def objects(trajectory):
    return {
        "contact": ContactFactory(trajectory=trajectory),
        "assignment": AssignmentFactory(trajectory=trajectory),
        "plan": PlanVersionFactory(plan=PlanFactory(trajectory=trajectory)).plan,
        "document": DocumentFactory(
            trajectory=trajectory,
            file=SimpleUploadedFile("x.pdf", PDF),
            original_filename="contract.pdf",
            content_type="application/pdf",
        ),
    }


def urls(trajectory, objects):
    t = trajectory.pk
    return [
        reverse("trajectory_detail", args=[t]),
        reverse("trajectory_create") + f"?client={trajectory.client_id}",
        reverse("contact_create", args=[t]),
        reverse("contact_update", args=[objects["contact"].pk]),
        reverse("assignment_create", args=[t]),
        reverse("assignment_update", args=[objects["assignment"].pk]),
        reverse("plan_create", args=[t]),
        reverse("plan_detail", args=[objects["plan"].pk]),
        reverse("plan_edit", args=[objects["plan"].pk]),
        reverse("document_create", args=[t]),
        reverse("document_download", args=[objects["document"].pk]),
    ]


def test_every_page_renders_for_the_owner(logged_in, coach, trajectory, objects):
    web = logged_in(coach)
    for url in urls(trajectory, objects):
        assert web.get(url).status_code == 200, url


def test_every_page_renders_for_centre_staff(logged_in, centre_staff, trajectory, objects):
    web = logged_in(centre_staff)
    for url in urls(trajectory, objects):
        assert web.get(url).status_code == 200, url


def test_every_page_is_404_for_another_coach(logged_in, other_coach, trajectory, objects):
    web = logged_in(other_coach)
    for url in urls(trajectory, objects):
        assert web.get(url).status_code == 404, url
    posts = [
        reverse("trajectory_status", args=[trajectory.pk]),
        reverse("document_status", args=[objects["document"].pk]),
        reverse("contact_create", args=[trajectory.pk]),
    ]
    for url in posts:
        assert web.post(url, {"status": "closed"}).status_code == 404, url
    trajectory.refresh_from_db()
    assert trajectory.status == TrajectoryStatus.ACTIVE
