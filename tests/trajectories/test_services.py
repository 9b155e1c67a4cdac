"""Trajectory core services: contacts, status machine, plan versions, document uploads."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.utils import timezone

from koers.trajectories.models import (
    Contact,
    ContactOutcome,
    Document,
    DocumentStatus,
    PlanKind,
    TrajectoryStatus,
)
from koers.trajectories.services import (
    AssignmentData,
    ContactData,
    assignment_create,
    contact_log,
    contact_update,
    document_add,
    document_set_status,
    plan_create,
    plan_save_version,
    trajectory_set_status,
)
from tests.factories import TrajectoryFactory

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _at(days=-1, hour=10):
    moment = timezone.localtime() + timedelta(days=days)
    return moment.replace(hour=hour, minute=0, second=0, microsecond=0)


@pytest.mark.django_db
def test_contact_log_saves_a_held_contact(trajectory, coach):
    contact = contact_log(
        trajectory=trajectory,
        data=ContactData(starts_at=_at(), duration_minutes=60, outcome=ContactOutcome.HELD),
        acting_user=coach,
    )
    assert contact.staff == coach
    assert contact.history.first().history_user == coach


@pytest.mark.django_db
def test_held_contact_in_the_future_is_refused(trajectory, coach):
    with pytest.raises(ValidationError, match="toekomst"):
        contact_log(
            trajectory=trajectory,
            data=ContactData(
                starts_at=_at(days=2), duration_minutes=60, outcome=ContactOutcome.HELD
            ),
            acting_user=coach,
        )
    assert not Contact.objects.exists()


@pytest.mark.django_db
def test_overlapping_contact_for_same_client_is_refused(trajectory, coach, other_coach):
    contact_log(
        trajectory=trajectory,
        data=ContactData(starts_at=_at(), duration_minutes=90),
        acting_user=coach,
    )
    # Another coach, another trajectory of the same client.
    second = TrajectoryFactory(
        client=trajectory.client, responsible=other_coach, organisation=trajectory.organisation
    )
    with pytest.raises(ValidationError, match="cliënt heeft op dat moment"):
        contact_log(
            trajectory=second,
            data=ContactData(starts_at=_at() + timedelta(minutes=60), duration_minutes=60),
            acting_user=other_coach,
        )
    assert Contact.objects.count() == 1


@pytest.mark.django_db
def test_overlapping_contact_for_same_coach_is_refused(trajectory, coach):
    contact_log(
        trajectory=trajectory,
        data=ContactData(starts_at=_at(), duration_minutes=60),
        acting_user=coach,
    )
    other = TrajectoryFactory(responsible=coach, organisation=trajectory.organisation)
    with pytest.raises(ValidationError, match="al een ander contact"):
        contact_log(
            trajectory=other,
            data=ContactData(starts_at=_at() + timedelta(minutes=30), duration_minutes=60),
            acting_user=coach,
        )
    # Right after is fine.
    contact_log(
        trajectory=other,
        data=ContactData(starts_at=_at() + timedelta(minutes=60), duration_minutes=30),
        acting_user=coach,
    )


@pytest.mark.django_db
def test_cancelled_contacts_free_the_slot(trajectory, coach):
    first = contact_log(
        trajectory=trajectory,
        data=ContactData(starts_at=_at(), duration_minutes=60),
        acting_user=coach,
    )
    contact_update(
        contact=first,
        data=ContactData(starts_at=_at(), duration_minutes=60, outcome=ContactOutcome.CANCELLED),
        acting_user=coach,
    )
    contact_log(
        trajectory=trajectory,
        data=ContactData(starts_at=_at(), duration_minutes=60),
        acting_user=coach,
    )


@pytest.mark.django_db
def test_updating_a_contact_does_not_clash_with_itself(trajectory, coach):
    contact = contact_log(
        trajectory=trajectory,
        data=ContactData(starts_at=_at(), duration_minutes=60),
        acting_user=coach,
    )
    contact_update(
        contact=contact, data=ContactData(starts_at=_at(), duration_minutes=90), acting_user=coach
    )
    contact.refresh_from_db()
    assert contact.duration_minutes == 90


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"duration_minutes": 0}, "duration_minutes"),
        ({"duration_minutes": 13 * 60}, "duration_minutes"),
        ({"form": "telepathy"}, "form"),
        ({"outcome": ContactOutcome.ABSENT}, "absence_reason"),
    ],
)
def test_contact_bad_input(trajectory, coach, kwargs, field):
    data = ContactData(starts_at=_at(), duration_minutes=60)
    for key, value in kwargs.items():
        setattr(data, key, value)
    with pytest.raises(ValidationError) as exc:
        contact_log(trajectory=trajectory, data=data, acting_user=coach)
    assert field in exc.value.message_dict


@pytest.mark.django_db
def test_contact_before_trajectory_start_is_refused(trajectory, coach):
    with pytest.raises(ValidationError, match="vóór de start"):
        contact_log(
            trajectory=trajectory,
            data=ContactData(starts_at=_at(days=-90), duration_minutes=60),
            acting_user=coach,
        )


@pytest.mark.django_db
def test_no_contacts_on_a_closed_trajectory(trajectory, coach):
    trajectory_set_status(trajectory=trajectory, status=TrajectoryStatus.CLOSED, acting_user=coach)
    with pytest.raises(ValidationError, match="afgesloten"):
        contact_log(
            trajectory=trajectory,
            data=ContactData(starts_at=_at(), duration_minutes=60),
            acting_user=coach,
        )


@pytest.mark.django_db
def test_status_machine_refuses_illegal_moves(trajectory, coach):
    closed = trajectory_set_status(
        trajectory=trajectory, status=TrajectoryStatus.CLOSED, acting_user=coach
    )
    assert closed.end_date is not None
    with pytest.raises(ValidationError, match="kan niet naar"):
        trajectory_set_status(trajectory=closed, status=TrajectoryStatus.ACTIVE, acting_user=coach)


@pytest.mark.django_db
def test_plan_versions_are_kept(trajectory, coach):
    plan = plan_create(
        trajectory=trajectory,
        kind=PlanKind.DEVELOPMENT,
        title="POP",
        content={"text": "v1"},
        acting_user=coach,
    )
    plan_save_version(plan=plan, content={"text": "v2"}, acting_user=None, by_client=True)
    same = plan_save_version(plan=plan, content={"text": "v2"}, acting_user=coach)
    versions = list(plan.versions.order_by("number"))
    assert [v.content["text"] for v in versions] == ["v1", "v2"]
    assert same == versions[-1]
    assert versions[-1].author_is_client


@pytest.mark.django_db
def test_finalised_plan_is_read_only(trajectory, coach):
    plan = plan_create(
        trajectory=trajectory, kind=PlanKind.DEVELOPMENT, title="POP", content={}, acting_user=coach
    )
    plan.finalised_at = timezone.now()
    plan.save()
    with pytest.raises(ValidationError, match="gefinaliseerd"):
        plan_save_version(plan=plan, content={"text": "late"}, acting_user=coach)


@pytest.mark.django_db
def test_assignment_deadline_before_start_is_refused(trajectory, coach):
    with pytest.raises(ValidationError) as exc:
        assignment_create(
            trajectory=trajectory,
            data=AssignmentData(
                title="Vacatures", deadline=trajectory.start_date - timedelta(days=1)
            ),
            acting_user=coach,
        )
    assert "deadline" in exc.value.message_dict


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
def test_trajectory_end_before_start_is_refused(client_record, coach):
    from koers.trajectories.models import Trajectory
    from koers.trajectories.services import trajectory_open

    with pytest.raises(ValidationError, match="vóór de startdatum"):
        trajectory_open(
            client=client_record,
            programme="voucher",
            responsible=coach,
            organisation=client_record.organisation,
            start_date=timezone.localdate(),
            end_date=timezone.localdate() - timedelta(days=1),
            acting_user=coach,
        )
    assert not Trajectory.objects.exists()


@pytest.mark.django_db
def test_closing_before_the_start_date_is_refused(trajectory, coach):
    with pytest.raises(ValidationError, match="vóór de startdatum"):
        trajectory_set_status(
            trajectory=trajectory,
            status=TrajectoryStatus.CLOSED,
            acting_user=coach,
            on=trajectory.start_date - timedelta(days=1),
        )
