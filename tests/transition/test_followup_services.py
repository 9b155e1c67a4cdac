"""TRN-17: a transition, its checkpoints (2 weeks, 6 months), the follow-up records and the
reminder sweep (idempotent: run twice, one reminder)."""

from datetime import UTC, date, datetime, timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from koers.transition import models as m
from koers.transition.jobs import transition_followup_reminders
from koers.transition.selectors import followup as sel
from koers.transition.services import followup as services
from tests.transition.conftest import TRN_TODAY

pytestmark = pytest.mark.django_db


def place(file, coach, first_day=date(2026, 9, 1), **data):
    data.setdefault("new_employer_name", "Logistiek Noord")
    return services.placement_record(
        file=file,
        data=services.PlacementData(destination="work", first_day=first_day, **data),
        acting_user=coach,
    )


def record(placement, coach, day, status="in_work", **data):
    return services.followup_add(
        placement=placement,
        data=services.FollowupData(day=day, status=status, **data),
        acting_user=coach,
    )


def test_trn_17_a_transition_moves_the_worker_to_phase_3_and_sets_its_checkpoints(
    transition_file, job_coach
):
    placement = place(transition_file, job_coach)
    transition_file.trajectory.refresh_from_db()
    assert transition_file.trajectory.phase.startswith("3")
    view = sel.placement_view(placement, TRN_TODAY)
    first, second = view.checkpoints
    assert first.due == date(2026, 9, 15) and first.state == "overdue"
    assert second.due == date(2027, 3, 1) and second.state == "upcoming"
    assert view.current_employer == "Logistiek Noord"


def test_trn_17_a_transition_in_the_future_is_refused(transition_file, job_coach):
    with pytest.raises(ValidationError) as exc:
        place(transition_file, job_coach, first_day=TRN_TODAY + timedelta(days=1))
    assert "TRN-17" in " ".join(exc.value.messages)
    assert not m.Placement.objects.exists()


def test_trn_17_the_checkpoint_is_recorded_once_and_not_before_it_is_due(
    transition_file, job_coach
):
    placement = place(transition_file, job_coach)
    with pytest.raises(ValidationError):
        record(placement, job_coach, date(2026, 9, 10), checkpoint="first")
    record(placement, job_coach, date(2026, 9, 16), checkpoint="first")
    with pytest.raises(ValidationError) as exc:
        record(placement, job_coach, date(2026, 9, 20), checkpoint="first")
    assert "al geregistreerd" in " ".join(exc.value.messages)
    assert placement.records.count() == 1
    view = sel.placement_view(m.Placement.objects.get(pk=placement.pk), TRN_TODAY)
    assert view.checkpoints[0].state == "recorded"


def test_trn_17_a_change_of_employer_and_a_stop_close_the_follow_up(transition_file, job_coach):
    placement = place(transition_file, job_coach)
    record(placement, job_coach, date(2026, 9, 20), employer_name="Transport Zuid")
    record(placement, job_coach, date(2026, 10, 1), status="stopped")
    view = sel.placement_view(m.Placement.objects.get(pk=placement.pk), TRN_TODAY)
    assert view.current_employer == "Transport Zuid"
    assert view.employer_changes == [(date(2026, 9, 20), "Logistiek Noord", "Transport Zuid")]
    assert view.stopped_on == date(2026, 10, 1)
    assert view.checkpoints[1].state == "closed"
    with pytest.raises(ValidationError):
        record(placement, job_coach, TRN_TODAY)


def test_trn_17_in_the_ibo_is_refused_after_a_move_to_regular_work(transition_file, job_coach):
    placement = place(transition_file, job_coach)
    with pytest.raises(ValidationError) as exc:
        record(placement, job_coach, TRN_TODAY, status="in_ibo")
    assert "IBO" in " ".join(exc.value.messages)
    assert not placement.records.exists()


def test_trn_17_a_second_transition_waits_for_the_first_to_stop(transition_file, job_coach):
    place(transition_file, job_coach)
    with pytest.raises(ValidationError):
        place(transition_file, job_coach, first_day=TRN_TODAY)
    assert m.Placement.objects.count() == 1


def test_trn_13_left_for_training_is_recorded_and_not_in_the_future(transition_file, job_coach):
    services.left_for_training_record(file=transition_file, on=TRN_TODAY, acting_user=job_coach)
    transition_file.refresh_from_db()
    assert transition_file.left_for_training_on == TRN_TODAY
    with pytest.raises(ValidationError):
        services.left_for_training_record(
            file=transition_file, on=TRN_TODAY + timedelta(days=1), acting_user=job_coach
        )
    transition_file.refresh_from_db()
    assert transition_file.left_for_training_on == TRN_TODAY


def test_trn_17_the_sweep_reminds_the_job_coach_once_per_checkpoint(
    transition_file, job_coach, django_capture_on_commit_callbacks
):
    job_coach.email = "rudi@example.org"
    job_coach.save()
    placement = place(transition_file, job_coach, first_day=date(2026, 9, 23))  # due 7/10
    now = datetime(2026, 10, 5, 8, 0, tzinfo=UTC)
    with django_capture_on_commit_callbacks(execute=True):  # the outbox sends after commit
        assert transition_followup_reminders(now) == 1
    assert transition_followup_reminders(now) == 0
    assert m.FollowupReminder.objects.filter(placement=placement).count() == 1
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["rudi@example.org"]
    assert "na 2 weken" in mail.outbox[0].body


def test_trn_17_the_sweep_says_nothing_before_the_reminder_days(transition_file, job_coach):
    place(transition_file, job_coach, first_day=date(2026, 10, 1))  # due 15/10, remind from 12/10
    assert transition_followup_reminders(datetime(2026, 10, 5, 8, 0, tzinfo=UTC)) == 0
    assert not m.FollowupReminder.objects.exists()
