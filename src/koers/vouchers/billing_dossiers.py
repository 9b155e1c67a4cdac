"""The voucher dossiers as billing reads them (BIL-01), through `koers.trajectories.dossiers`.

A dossier is one voucher; what it still lacks is the voucher checklist (LBC-11, LBC-13, LBC-15,
`voucher_summaries`) plus, where there was aftercare, a proof of each aftercare contact (LBC-18).
A fixed number of queries whatever the number of vouchers. The dashboards and the trajectory
list read the stored judgement (`DossierTally`, `services.dossier_tally`) instead of replaying.
"""

from collections.abc import Collection

from django.utils import timezone

from koers.lib.rules import Phrase, Reason, phrase, phrase_from_json
from koers.trajectories.dossiers import DossierCheck, DossierState
from koers.trajectories.models import DocumentStatus, TrajectoryStatus
from koers.vouchers.models import AftercareEntry, DossierTally, Voucher
from koers.vouchers.selectors.summary import VoucherSummary, voucher_summaries

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


def _contact_checks(summary: VoucherSummary) -> list[DossierCheck]:
    """Per counted contact: which proof holds it (LBC-06, LBC-11.3) and how it was judged."""
    checks = []
    for j in summary.contacts:
        if not j.decision.counts:
            continue
        when = f"{timezone.localtime(j.contact.starts_at):%d/%m/%Y %H:%M}"
        proven = j.screenshot if j.is_video else j.attendance_original
        if j.is_video:
            proof = (
                Reason("LBC-06", "Screenshot van het videogesprek in het dossier.")
                if proven
                else Reason("LBC-06", "Geen screenshot van dit videogesprek in het dossier.")
            )
        else:
            proof = (
                Reason("LBC-11", "Ondertekend origineel bewijs van deelname met dit contact erop.")
                if proven
                else Reason(
                    "LBC-11", "Geen ondertekend origineel bewijs van deelname met dit contact."
                )
            )
        label = phrase(
            "Contact {when}, {minutes} min", when=when, minutes=j.decision.counted_minutes
        )
        checks.append(DossierCheck(label, proven, proof))
        checks += [DossierCheck(label, True, why) for why in j.decision.reasons]
    return checks


def voucher_dossiers(
    coach_ids: Collection[int], trajectory_ids: Collection[int] | None, judged: bool = True
) -> list[DossierState]:
    """The dossiers of these coaches (closed, or exactly these trajectories). `judged`: replayed
    now, with the audit pack's evidence; otherwise what is missing as the tally last stored it
    (`DossierTally`), without replaying a contact."""
    vouchers = Voucher.objects.filter(trajectory__responsible_id__in=coach_ids).select_related(
        "trajectory", "client"
    )
    if trajectory_ids is None:
        vouchers = vouchers.filter(trajectory__status=TrajectoryStatus.CLOSED)
    else:
        vouchers = vouchers.filter(trajectory_id__in=trajectory_ids)
    if judged:
        return judge_dossiers(list(vouchers))
    vouchers = list(vouchers.only(*_STATE_FIELDS))
    tallies = dict(
        DossierTally.objects.filter(
            trajectory_id__in=[v.trajectory_id for v in vouchers]
        ).values_list("trajectory_id", "missing")
    )
    return [
        _state(v, tuple(phrase_from_json(p) for p in tallies.get(v.trajectory_id, [])))
        for v in vouchers
    ]


# What a dossier's state shows of its voucher, trajectory and client.
_STATE_FIELDS = (
    "number",
    "trajectory",
    "client",
    "trajectory__organisation",
    "trajectory__responsible",
    "trajectory__status",
    "trajectory__start_date",
    "trajectory__end_date",
    "client__first_name",
    "client__last_name",
)


def _state(v: Voucher, missing: tuple[Phrase, ...], **judged) -> DossierState:
    closed = v.trajectory.status == TrajectoryStatus.CLOSED
    return DossierState(
        trajectory_id=v.trajectory_id,
        organisation_id=v.trajectory.organisation_id,
        voucher=str(v.number),
        client_name=str(v.client),
        coach_id=v.trajectory.responsible_id,
        closed_on=(v.trajectory.end_date or v.trajectory.start_date) if closed else None,
        missing=missing,
        **judged,
    )


def judge_dossiers(vouchers: list[Voucher]) -> list[DossierState]:
    """Each voucher's dossier replayed now: the checklist, the aftercare proofs and, per rule,
    the evidence. A fixed number of queries whatever the number of vouchers."""
    summaries = voucher_summaries(vouchers)
    unproven = _aftercare_unproven([v.pk for v in vouchers])
    states = []
    for v in vouchers:
        checklist = summaries[v.pk].checklist
        missing = tuple(item.label for item in checklist if not item.ok)
        pieces = tuple(item.label for item in checklist if item.ok)
        checks = [DossierCheck(item.label, item.ok, item.reason) for item in checklist]
        checks += _contact_checks(summaries[v.pk])
        if v.pk in unproven:
            missing += (AFTERCARE_EVIDENCE,)
            checks.append(
                DossierCheck(
                    AFTERCARE_EVIDENCE,
                    False,
                    Reason("LBC-18", "Voor elk nazorgcontact een bewijs in het dossier."),
                )
            )
        states.append(_state(v, missing, pieces=pieces, checks=tuple(checks)))
    return states
