"""Keep `DossierTally` equal to each voucher's dossier checklist as judged now (issue 14): the
dashboards and the trajectory list read what a dossier still lacks without replaying its contacts.

`retally` judges whole vouchers (`billing_dossiers.judge_dossiers`) and rewrites their rows;
`services.counting.recount` calls it, and `koers.vouchers.signals` after every other change of
what the checklist reads (a document, the POP, an aftercare entry), in the same transaction.
"""

from collections.abc import Iterable

from django.db import transaction
from django.db.models import Exists, OuterRef

from koers.lib.rules import phrase_to_json
from koers.vouchers.billing_dossiers import judge_dossiers
from koers.vouchers.models import DossierTally, Voucher


def retally(trajectory_ids: Iterable[int]) -> None:
    """Judge the dossiers of these trajectories' vouchers and store what each lacks; ids without
    a voucher only lose their row."""
    ids = sorted({pk for pk in trajectory_ids if pk is not None})
    if not ids:
        return
    vouchers = list(
        Voucher.objects.filter(trajectory_id__in=ids).select_related("trajectory", "client")
    )
    tallies = [
        DossierTally(
            trajectory_id=state.trajectory_id,
            open_points=len(state.missing),
            missing=[phrase_to_json(p) for p in state.missing],
        )
        for state in judge_dossiers(vouchers)
    ]
    with transaction.atomic():
        DossierTally.objects.filter(trajectory_id__in=ids).delete()
        DossierTally.objects.bulk_create(tallies)


def trajectories_by_dossier(complete: bool) -> Exists:
    """The condition on a trajectory that its voucher dossier is complete (or has points open),
    for `trajectories.dossiers.dossier_filter`: a lookup by key per trajectory, so a coach's few
    hundred dossiers never read the whole table."""
    tallies = DossierTally.objects.filter(trajectory_id=OuterRef("pk"))
    return Exists(tallies.filter(open_points=0) if complete else tallies.filter(open_points__gt=0))
