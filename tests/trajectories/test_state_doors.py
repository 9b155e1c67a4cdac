"""One door per status of the trajectory core: `trajectory_set_status` and `document_set_status`
check the table of `koers.trajectories.rules`, write the field and record the move; nothing
else in the trajectory core (or the API) writes a `status`."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from koers.core.models import StateChange
from koers.core.states import state_history
from koers.trajectories import rules
from koers.trajectories.models import DocumentKind, DocumentStatus, TrajectoryStatus
from koers.trajectories.services import (
    document_add,
    document_set_status,
    trajectory_open,
    trajectory_set_status,
)
from tests.state_doors import writes_outside

DOORS = {"trajectory_set_status", "document_set_status"}


def test_only_the_doors_write_a_status_in_the_trajectory_core():
    assert writes_outside("status", DOORS, under="trajectories") == []


def test_no_api_module_writes_a_status():
    assert writes_outside("status", set(), under="api") == []


def test_the_enums_take_their_values_from_the_rule_module():
    assert set(TrajectoryStatus.values) == set(rules.TRAJECTORY_TRANSITIONS)
    assert set(DocumentStatus.values) == set(rules.DOCUMENT_TRANSITIONS)


@pytest.mark.django_db
def test_opening_records_the_first_status_from_nothing(client_record, coach):
    trajectory = trajectory_open(
        client=client_record,
        programme="voucher",
        responsible=coach,
        organisation=client_record.organisation,
        start_date=timezone.localdate(),
        acting_user=coach,
    )
    [move] = state_history(trajectory, "status")
    assert (move.from_label, move.to_label, move.by) == ("", "Lopend", coach.get_full_name())


@pytest.mark.django_db
def test_a_move_in_the_table_is_written_and_recorded(trajectory, coach):
    trajectory_set_status(trajectory=trajectory, status=TrajectoryStatus.CLOSED, acting_user=coach)
    trajectory.refresh_from_db()
    assert trajectory.status == TrajectoryStatus.CLOSED
    assert trajectory.end_date == timezone.localdate()
    change = StateChange.objects.get(field="status", object_id=trajectory.pk)
    assert (change.from_state, change.to_state, change.by) == ("active", "closed", coach)


@pytest.mark.django_db
@pytest.mark.parametrize("target", ["planned", "active", "unknown"])
def test_a_move_outside_the_table_is_refused_and_nothing_recorded(trajectory, coach, target):
    with pytest.raises(ValidationError, match="kan niet naar"):
        trajectory_set_status(trajectory=trajectory, status=target, acting_user=coach)
    trajectory.refresh_from_db()
    assert trajectory.status == TrajectoryStatus.ACTIVE
    assert not StateChange.objects.exists()


@pytest.mark.django_db
def test_a_closed_trajectory_moves_nowhere(trajectory, coach):
    trajectory_set_status(trajectory=trajectory, status=TrajectoryStatus.CLOSED, acting_user=coach)
    with pytest.raises(ValidationError, match="kan niet naar"):
        trajectory_set_status(
            trajectory=trajectory, status=TrajectoryStatus.CANCELLED, acting_user=coach
        )
    assert StateChange.objects.count() == 1


@pytest.mark.django_db
def test_a_document_records_its_first_status_and_every_move(trajectory, coach):
    document = document_add(
        trajectory=trajectory, kind=DocumentKind.CONTRACT, title="", acting_user=coach
    )
    document_set_status(document=document, status=DocumentStatus.SIGNED, acting_user=coach)
    document_set_status(document=document, status=DocumentStatus.SIGNED, acting_user=coach)
    moves = [(m.from_label, m.to_label) for m in state_history(document, "status")]
    assert moves == [("", "Ontbreekt"), ("Ontbreekt", "Ondertekend")]


@pytest.mark.django_db
def test_a_document_status_outside_the_list_is_refused(trajectory, coach):
    document = document_add(
        trajectory=trajectory, kind=DocumentKind.CONTRACT, title="", acting_user=coach
    )
    with pytest.raises(ValidationError):
        document_set_status(document=document, status="lost", acting_user=coach)
    document.refresh_from_db()
    assert document.status == DocumentStatus.MISSING


@pytest.mark.django_db
def test_the_trajectory_page_shows_the_status_history(logged_in, coach, trajectory):
    web = logged_in(coach)
    web.post(reverse("trajectory_status", args=[trajectory.pk]), {"status": "closed"})
    page = web.get(reverse("trajectory_detail", args=[trajectory.pk])).content.decode()
    assert "Statusgeschiedenis (1)" in page
    assert "Afgesloten" in page
