"""BIL-01 services: a batch from complete dossiers only, its one state door, audits."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from koers.billing.models import BatchDossier, DeliveryBatch
from koers.billing.services.delivery import audit_set, batch_create, batch_set_state
from koers.core.models import StateChange

pytestmark = pytest.mark.django_db


def test_bil_01_a_batch_takes_complete_dossiers_and_records_its_first_state(fake_dossiers, coach):
    a, b = fake_dossiers.dossier(coach), fake_dossiers.dossier(coach, name="Bart Claes")
    batch = batch_create(trajectory_ids=[a.pk, b.pk], acting_user=coach)
    assert batch.is_prepared and batch.coach == coach
    assert set(batch.dossiers.values_list("trajectory_id", flat=True)) == {a.pk, b.pk}
    moves = StateChange.objects.filter(object_id=batch.pk, field="state")
    assert [(m.from_state, m.to_state) for m in moves] == [("", "prepared")]


def test_bil_01_an_incomplete_dossier_is_refused_naming_what_is_missing(fake_dossiers, coach):
    done = fake_dossiers.dossier(coach)
    incomplete = fake_dossiers.dossier(
        coach,
        name="Bart Claes",
        missing=("Overeenkomst: origineel ontvangen", "Bewijs van de nazorg"),
    )
    with pytest.raises(ValidationError) as refused:
        batch_create(trajectory_ids=[done.pk, incomplete.pk], acting_user=coach)
    assert refused.value.message_dict["dossiers"] == [
        "Cheque 1 (Bart Claes) is niet volledig; er ontbreekt: Overeenkomst: origineel "
        "ontvangen, Bewijs van de nazorg. (BIL-01)"
    ]
    assert not DeliveryBatch.objects.exists()  # nothing half-saved


def test_bil_01_running_foreign_and_delivered_dossiers_are_refused(
    fake_dossiers, coach, other_coach
):
    running = fake_dossiers.dossier(coach, closed_on=None)
    foreign = fake_dossiers.dossier(other_coach)
    with pytest.raises(ValidationError, match="nog niet afgerond"):
        batch_create(trajectory_ids=[running.pk], acting_user=coach)
    with pytest.raises(ValidationError, match="afgeronde dossiers van jezelf"):
        batch_create(trajectory_ids=[foreign.pk], acting_user=coach)
    done = fake_dossiers.dossier(coach)
    batch_create(trajectory_ids=[done.pk], acting_user=coach)
    with pytest.raises(ValidationError, match="al bezorgd op 20/03/2026"):
        batch_create(trajectory_ids=[done.pk], acting_user=coach)
    with pytest.raises(ValidationError, match="minstens één"):
        batch_create(trajectory_ids=[], acting_user=coach)
    assert BatchDossier.objects.count() == 1


def test_bil_01_a_dossier_is_delivered_at_most_once_by_constraint(fake_dossiers, coach):
    from django.db import IntegrityError, transaction

    done = fake_dossiers.dossier(coach)
    batch = batch_create(trajectory_ids=[done.pk], acting_user=coach)
    with pytest.raises(IntegrityError), transaction.atomic():
        BatchDossier.objects.create(
            batch=batch, trajectory=done, voucher="1", client_name="x", closed_on=date(2026, 2, 1)
        )


def test_bil_01_coach_posts_staff_receive_through_the_one_door(fake_dossiers, coach, centre_staff):
    batch = batch_create(trajectory_ids=[fake_dossiers.dossier(coach).pk], acting_user=coach)
    with pytest.raises(ValidationError, match="Alleen het centrum"):
        batch_set_state(batch=batch, state="received", acting_user=coach)
    with pytest.raises(ValidationError, match="Alleen de coach"):
        batch_set_state(batch=batch, state="posted", acting_user=centre_staff)
    batch = batch_set_state(batch=batch, state="posted", acting_user=coach)
    assert batch.is_posted and batch.awaits_receipt
    with pytest.raises(ValidationError, match="BIL-01"):
        batch_set_state(batch=batch, state="handed_in", acting_user=coach)
    batch = batch_set_state(batch=batch, state="received", acting_user=centre_staff)
    assert batch.is_received
    moves = StateChange.objects.filter(object_id=batch.pk, field="state").order_by("id")
    assert [m.to_state for m in moves] == ["prepared", "posted", "received"]


def test_bil_01_staff_set_an_audit_and_a_past_deadline_is_refused(centre, centre_staff, coach):
    audit = audit_set(organisation=centre, deadline=date(2026, 4, 30), acting_user=centre_staff)
    assert audit.deadline == date(2026, 4, 30) and audit.created_by == centre_staff
    with pytest.raises(ValidationError, match="niet voor vandaag"):
        audit_set(organisation=centre, deadline=date(2026, 3, 1), acting_user=centre_staff)
    with pytest.raises(ValidationError, match="Alleen het centrum"):
        audit_set(organisation=centre, deadline=date(2026, 4, 30), acting_user=coach)
