"""Keep `CountedContact` equal to the judged replay (LBC-02..08) of each voucher (issue 14).

`recount` replays whole vouchers (earlier contacts decide the caps) and rewrites their rows;
`koers.vouchers.signals` calls it after every save or delete of what the replay reads (the
voucher, a contact, its proofs, its introduction mark, a group participation or session), in
the same transaction, so a billing page never reads a count older than the data.
"""

from collections import defaultdict
from collections.abc import Iterable

from django.db import transaction

from koers.vouchers.models import CountedContact, DossierTally, Voucher
from koers.vouchers.selectors.common import ruleset_of
from koers.vouchers.selectors.rows import contact_rows_of
from koers.vouchers.selectors.summary import replay_rows
from koers.vouchers.services.dossier_tally import retally

BATCH = 500  # vouchers per replay when everything is recounted


def recount(trajectory_ids: Iterable[int]) -> int:
    """Replay the vouchers of these trajectories and store what each contact counts; ids of
    trajectories without a voucher only lose their rows. Returns the rows written."""
    ids = sorted({pk for pk in trajectory_ids if pk is not None})
    if not ids:
        return 0
    vouchers = list(Voucher.objects.filter(trajectory_id__in=ids))
    by_trajectory: dict[int, list] = defaultdict(list)
    for trajectory_id, staff_id, row in contact_rows_of([v.trajectory_id for v in vouchers]):
        by_trajectory[trajectory_id].append((staff_id, row))
    counted = []
    for voucher in vouchers:
        staffed = by_trajectory[voucher.trajectory_id]
        decisions, *_ = replay_rows(voucher, [row for _s, row in staffed], ruleset_of(voucher))
        counted.extend(
            CountedContact(
                contact_id=row.pk,
                trajectory_id=voucher.trajectory_id,
                staff_id=staff_id,
                starts_at=row.starts_at,
                counted_minutes=decision.counted_minutes,
            )
            for (staff_id, row), decision in zip(staffed, decisions, strict=True)
            if decision.counted_minutes > 0
        )
    with transaction.atomic():
        CountedContact.objects.filter(trajectory_id__in=ids).delete()
        CountedContact.objects.bulk_create(counted, batch_size=BATCH)
        retally(ids)  # the dossier checklist reads the same contacts
    return len(counted)


def recount_all() -> int:
    """Rebuild every voucher's rows and dossier tally (`manage.py recount_vouchers`, the migration that made the
    table, the benchmark generator), a batch of vouchers at a time."""
    ids = list(Voucher.objects.order_by("trajectory_id").values_list("trajectory_id", flat=True))
    with transaction.atomic():
        vouchers = Voucher.objects.values("trajectory_id")
        CountedContact.objects.exclude(trajectory_id__in=vouchers).delete()
        DossierTally.objects.exclude(trajectory_id__in=vouchers).delete()
        return sum(recount(ids[i : i + BATCH]) for i in range(0, len(ids), BATCH))
