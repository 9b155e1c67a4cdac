"""The voucher dossiers as billing reads them (BIL-01), through `koers.trajectories.dossiers`.

A dossier is one voucher; what it still lacks is the voucher checklist (LBC-11, LBC-13, LBC-15,
`voucher_summaries`) plus, where there was aftercare, a proof of each aftercare contact (LBC-18).
A fixed number of queries whatever the number of vouchers.
"""

from collections.abc import Collection

from koers.lib.rules import Phrase
from koers.trajectories.dossiers import DossierState
from koers.trajectories.models import DocumentStatus, TrajectoryStatus
from koers.vouchers.models import AftercareEntry, Voucher
from koers.vouchers.selectors.summary import voucher_summaries

AFTERCARE_EVIDENCE = Phrase("Bewijs van de nazorg")
_PROOF_PRESENT = (DocumentStatus.GENERATED, DocumentStatus.SIGNED, DocumentStatus.ORIGINAL_RECEIVED)


def _aftercare_unproven(voucher_ids: list[int]) -> set[int]:
    """The vouchers with an aftercare contact that has no evidence document (one query)."""
    entries = AftercareEntry.objects.filter(voucher_id__in=voucher_ids).select_related("evidence")
    return {
        e.voucher_id
        for e in entries
        if e.evidence is None or e.evidence.status not in _PROOF_PRESENT
    }


def voucher_dossiers(
    coach_ids: Collection[int], trajectory_ids: Collection[int] | None
) -> list[DossierState]:
    vouchers = Voucher.objects.filter(trajectory__responsible_id__in=coach_ids).select_related(
        "trajectory", "client"
    )
    if trajectory_ids is None:
        vouchers = vouchers.filter(trajectory__status=TrajectoryStatus.CLOSED)
    else:
        vouchers = vouchers.filter(trajectory_id__in=trajectory_ids)
    vouchers = list(vouchers)
    summaries = voucher_summaries(vouchers)
    unproven = _aftercare_unproven([v.pk for v in vouchers])
    states = []
    for v in vouchers:
        checklist = summaries[v.pk].checklist
        missing = tuple(item.label for item in checklist if not item.ok)
        pieces = tuple(item.label for item in checklist if item.ok)
        if v.pk in unproven:
            missing += (AFTERCARE_EVIDENCE,)
        closed = v.trajectory.status == TrajectoryStatus.CLOSED
        states.append(
            DossierState(
                trajectory_id=v.trajectory_id,
                organisation_id=v.trajectory.organisation_id,
                voucher=str(v.number),
                client_name=str(v.client),
                coach_id=v.trajectory.responsible_id,
                closed_on=(v.trajectory.end_date or v.trajectory.start_date) if closed else None,
                missing=missing,
                pieces=pieces,
            )
        )
    return states
