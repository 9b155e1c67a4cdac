"""Contacts (services/contacts.py): the core's checks, overlaps of the client and of the coach."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from koers.trajectories.models import (
    Contact,
    ContactOutcome,
    TrajectoryStatus,
)
from koers.trajectories.services import (
    ContactData,
    contact_log,
    contact_update,
    trajectory_set_status,
)
from tests.factories import TrajectoryFactory


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
