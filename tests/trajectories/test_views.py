"""Trajectory pages: status, contacts, assignments, plans, documents; access and bad input."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from koers.trajectories.models import (
    Assignment,
    Contact,
    Document,
    DocumentStatus,
    Plan,
    PlanVersion,
    Trajectory,
    TrajectoryStatus,
)
from tests.factories import (
    AssignmentFactory,
    ContactFactory,
    DocumentFactory,
    PlanFactory,
    PlanVersionFactory,
)

pytestmark = pytest.mark.django_db

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + b"\x00" * 64
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def contact_post(when=None, **overrides):
    when = timezone.localtime(when or timezone.now() - timedelta(days=1))
    data = {
        "date": when.strftime("%d/%m/%Y"),
        "start_time": when.strftime("%H:%M"),
        "duration_minutes": "60",
        "form": "individual",
        "place": "Gent",
        "outcome": "held",
        "absence_reason": "",
        "notes": "Goed gesprek.",
    }
    data.update(overrides)
    return data


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


def test_trajectory_detail_query_count_is_constant(
    logged_in, coach, trajectory, django_assert_max_num_queries
):
    web = logged_in(coach)
    for n in (5, 30):
        start = timezone.now() - timedelta(days=n + 2)
        for i in range(n):
            ContactFactory(trajectory=trajectory, starts_at=start + timedelta(days=i, hours=n))
            AssignmentFactory(trajectory=trajectory)
        with django_assert_max_num_queries(16):
            assert web.get(reverse("trajectory_detail", args=[trajectory.pk])).status_code == 200


def test_status_transition(logged_in, coach, trajectory):
    web = logged_in(coach)
    response = web.post(reverse("trajectory_status", args=[trajectory.pk]), {"status": "closed"})
    assert response.status_code == 302
    trajectory.refresh_from_db()
    assert trajectory.status == TrajectoryStatus.CLOSED
    assert trajectory.end_date is not None


def test_illegal_transition_is_refused(logged_in, coach, trajectory):
    web = logged_in(coach)
    response = web.post(
        reverse("trajectory_status", args=[trajectory.pk]), {"status": "planned"}, follow=True
    )
    assert "kan niet naar" in response.content.decode()
    trajectory.refresh_from_db()
    assert trajectory.status == TrajectoryStatus.ACTIVE


@time_machine.travel(datetime(2026, 3, 2, 10, 0, tzinfo=UTC), tick=False)
def test_open_trajectory(logged_in, coach, client_record, trajectory):
    web = logged_in(coach)
    url = reverse("trajectory_create") + f"?client={client_record.pk}"
    page = web.get(url).content.decode()
    assert 'value="voucher"' in page and 'value="mediation"' not in page
    response = web.post(url, {"programme": "voucher", "start_date": "02/03/2026"})
    assert response.status_code == 302
    assert Trajectory.objects.filter(client=client_record, programme="voucher").count() == 2


def test_a_career_centre_opens_no_mediation(logged_in, coach, client_record, trajectory):
    """A career centre's mandate is vouchers: mediation is refused (in the service too)."""
    response = logged_in(coach).post(
        reverse("trajectory_create") + f"?client={client_record.pk}",
        {"programme": "mediation", "start_date": timezone.localdate().strftime("%d/%m/%Y")},
    )
    assert response.status_code == 200
    assert not Trajectory.objects.filter(programme="mediation").exists()


def test_log_contact(logged_in, coach, trajectory):
    response = logged_in(coach).post(
        reverse("contact_create", args=[trajectory.pk]), contact_post()
    )
    assert response.status_code == 302
    contact = Contact.objects.get()
    assert contact.duration_minutes == 60 and contact.staff == coach


def test_held_contact_in_the_future_is_refused(logged_in, coach, trajectory):
    response = logged_in(coach).post(
        reverse("contact_create", args=[trajectory.pk]),
        contact_post(when=timezone.now() + timedelta(days=2)),
    )
    assert response.status_code == 200
    assert "kan nog niet als gehouden" in response.content.decode()
    assert not Contact.objects.exists()


def test_overlapping_contact_is_refused(logged_in, coach, trajectory):
    when = timezone.now() - timedelta(days=1)
    ContactFactory(trajectory=trajectory, starts_at=when, duration_minutes=60)
    response = logged_in(coach).post(
        reverse("contact_create", args=[trajectory.pk]),
        contact_post(when=when + timedelta(minutes=30)),
    )
    assert "al een contact" in response.content.decode()
    assert Contact.objects.count() == 1


def test_absent_contact_needs_a_reason(logged_in, coach, trajectory):
    response = logged_in(coach).post(
        reverse("contact_create", args=[trajectory.pk]), contact_post(outcome="absent")
    )
    assert "reden van afwezigheid" in response.content.decode()
    assert not Contact.objects.exists()


def test_update_contact(logged_in, coach, trajectory):
    contact = ContactFactory(trajectory=trajectory)
    response = logged_in(coach).post(
        reverse("contact_update", args=[contact.pk]),
        contact_post(when=contact.starts_at, duration_minutes="90"),
    )
    assert response.status_code == 302
    contact.refresh_from_db()
    assert contact.duration_minutes == 90


def test_assignment_create_and_update(logged_in, coach, trajectory):
    web = logged_in(coach)
    web.post(
        reverse("assignment_create", args=[trajectory.pk]),
        {"title": "CV herschrijven", "status": "open", "deadline": ""},
    )
    assignment = Assignment.objects.get()
    response = web.post(
        reverse("assignment_update", args=[assignment.pk]),
        {"title": "CV herschrijven", "status": "done", "evaluation": "Mooi gedaan."},
    )
    assert response.status_code == 302
    assignment.refresh_from_db()
    assert assignment.status == "done" and assignment.evaluation == "Mooi gedaan."


def test_assignment_deadline_before_start_is_refused(logged_in, coach, trajectory):
    before = trajectory.start_date - timedelta(days=3)
    response = logged_in(coach).post(
        reverse("assignment_create", args=[trajectory.pk]),
        {"title": "Te vroeg", "status": "open", "deadline": before.strftime("%d/%m/%Y")},
    )
    assert "vóór de start van het traject" in response.content.decode()
    assert not Assignment.objects.exists()


def test_plan_versions_stay_readable(logged_in, coach, trajectory):
    web = logged_in(coach)
    web.post(
        reverse("plan_create", args=[trajectory.pk]),
        {"kind": "development", "title": "POP (loopbaancheque 1)", "content": "Eerste versie"},
    )
    plan = Plan.objects.get()
    web.post(reverse("plan_edit", args=[plan.pk]), {"content": "Tweede versie"})
    assert PlanVersion.objects.filter(plan=plan).count() == 2
    body = web.get(reverse("plan_detail", args=[plan.pk])).content.decode()
    assert "Eerste versie" in body and "Tweede versie" in body
    assert PlanVersion.objects.get(plan=plan, number=2).content == {"text": "Tweede versie"}


def test_plan_needs_a_title(logged_in, coach, trajectory):
    response = logged_in(coach).post(
        reverse("plan_create", args=[trajectory.pk]), {"kind": "development", "title": ""}
    )
    assert "Geef het plan een titel" in response.content.decode()
    assert not Plan.objects.exists()


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
