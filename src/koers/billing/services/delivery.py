"""BIL-01: a coach's delivery batch of complete dossiers, its one state door, audits."""

from collections.abc import Collection
from datetime import date

from django.db import IntegrityError, transaction
from django.utils import timezone

from koers.billing.models import Audit, BatchDossier, DeliveryBatch
from koers.billing.rules import delivery as rules
from koers.billing.rules.periods import day_label
from koers.billing.selectors.delivery import as_facts, delivered_on, is_centre_staff
from koers.core.history import save_with_user
from koers.core.models import Organisation, User
from koers.core.states import record_state, set_state
from koers.lib.refusals import refusal
from koers.lib.rules import Reason, reason
from koers.trajectories.dossiers import dossier_facts
from koers.trajectories.models import Trajectory


@transaction.atomic
def batch_create(*, trajectory_ids: Collection[int], acting_user: User) -> DeliveryBatch:
    """BIL-01: the coach puts complete, undelivered dossiers of their own into a new batch; an
    incomplete dossier is refused with the missing pieces named, and nothing is saved."""
    ids = sorted(set(trajectory_ids))
    # Two batches made at once (two tabs) must not both take the same dossier: lock the dossiers.
    list(Trajectory.objects.select_for_update().filter(pk__in=ids).values_list("pk", flat=True))
    states = dossier_facts(coach_ids=[acting_user.pk], trajectory_ids=ids)
    refused: list[Reason] = []
    if len(states) != len(ids):
        refused.append(Reason("BIL-01", "Kies alleen afgeronde dossiers van jezelf."))
    if states or not ids:
        refused += rules.batch_refusals(as_facts(states, delivered_on(ids)), str(acting_user.pk))
    centres = {s.organisation_id for s in states}
    if len(centres) > 1:
        refused.append(Reason("BIL-01", "Eén zending bevat dossiers van één centrum."))
    if refused:
        raise refusal("dossiers", *refused)
    batch = DeliveryBatch(coach=acting_user, organisation_id=centres.pop())
    save_with_user(batch, acting_user)
    record_state(batch, "state", "", batch.state, acting_user=acting_user)
    try:
        with transaction.atomic():
            BatchDossier.objects.bulk_create(
                BatchDossier(
                    batch=batch,
                    trajectory_id=s.trajectory_id,
                    voucher=s.voucher,
                    client_name=s.client_name,
                    closed_on=s.closed_on,
                )
                for s in states
            )
    except IntegrityError as exc:  # the constraint: a dossier delivered at most once
        raise refusal("dossiers", Reason("BIL-01", "Een dossier is al bezorgd.")) from exc
    return batch


# Who moves a batch: the coach hands it in or posts it; centre staff confirm receipt.
_COACH_MOVES = frozenset({rules.HANDED_IN, rules.POSTED})
_STAFF_MOVES = frozenset({rules.RECEIVED})


@transaction.atomic
def batch_set_state(
    *, batch: DeliveryBatch, state: str, acting_user: User, why: str = ""
) -> DeliveryBatch:
    """The one door of a batch's state (BIL-01): prepared → handed in / posted → received."""
    # The coach posting while staff record receipt: each move starts from the state the other left.
    batch = DeliveryBatch.objects.select_for_update().get(pk=batch.pk)
    allowed = (_COACH_MOVES if batch.coach_id == acting_user.pk else frozenset()) | (
        _STAFF_MOVES if is_centre_staff(acting_user, batch.organisation_id) else frozenset()
    )
    if state in (_COACH_MOVES | _STAFF_MOVES) and state not in allowed:
        who = "de coach" if state in _COACH_MOVES else "het centrum"
        raise refusal(
            "state", reason("BIL-01", "Alleen {who} zet een zending op deze status.", who=who)
        )
    set_state(
        batch,
        "state",
        state,
        table=rules.BATCH_TRANSITIONS,
        rule="BIL-01",
        acting_user=acting_user,
        why=why,
    )
    return batch


@transaction.atomic
def audit_set(
    *, organisation: Organisation, deadline: date, acting_user: User, note: str = ""
) -> Audit:
    """BIL-01: centre staff set an audit's deadline; every coach then sees what must be in."""
    if not is_centre_staff(acting_user, organisation.pk):
        raise refusal("deadline", Reason("BIL-01", "Alleen het centrum zet een audit."))
    today = timezone.localdate()
    if deadline < today:
        raise refusal(
            "deadline",
            reason(
                "BIL-01",
                "De uiterste datum van een audit ligt niet voor vandaag ({day}).",
                day=day_label(today),
            ),
        )
    # Only a new row is written (the centre's newest audit counts): there is nothing to lock.
    audit = Audit(organisation=organisation, deadline=deadline, note=note, created_by=acting_user)
    save_with_user(audit, acting_user)
    return audit
