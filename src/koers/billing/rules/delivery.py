"""BIL-01: delivering completed dossiers (one dossier = one voucher) — a batch takes only 100 %
complete dossiers, at least once per quarter (with a reminder before the quarter ends), and in
an audit every completed dossier by the date the centre set (with a reminder, and who is late).

Whether a dossier is complete is the voucher programme's checklist (LBC-11, 13, 15, plus aftercare
evidence): this module takes its result as plain facts (the list of missing pieces), read through
the voucher programme's read interface, so billing does not import the voucher rules.

A batch handed in at the letterbox is "ingeleverd"; one sent by post is "verstuurd per post", at
the coach's risk, until staff confirm receipt ("ontvangen").

Pure: no Django, no clock (`today` is a parameter).
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from koers.billing.rules.periods import day_label, quarter_end, quarter_start
from koers.billing.rules.ruleset import BillingRuleset
from koers.lib.rules import Joined, Reason, reason, transition_refusal


@dataclass(frozen=True)
class DossierFacts:
    voucher: str  # the voucher's number
    client_name: str
    coach: str
    closed_on: date | None  # the voucher's guidance ended (None: still running)
    missing: tuple[object, ...] = ()  # the checklist's missing pieces (labels or phrases)
    delivered_on: date | None = None  # in a batch whose originals the centre received or awaits
    # What tells two dossiers apart (the trajectory's id): a voucher's number is only 1 or 2 per
    # client, so it cannot. None: the number is the identity (as in the pure tests).
    key: object = None

    @property
    def identity(self) -> object:
        return self.voucher if self.key is None else self.key

    @property
    def complete(self) -> bool:
        return self.closed_on is not None and not self.missing


# The batch's states and its one door (docs/architecture.md, "One door per status").
PREPARED = "prepared"  # the coach made the batch and printed its cover sheet
HANDED_IN = "handed_in"  # put in the centre's letterbox
POSTED = "posted"  # "verstuurd per post": at the coach's risk until received
RECEIVED = "received"  # staff confirmed receipt of the originals
BATCH_TRANSITIONS = {
    PREPARED: frozenset({HANDED_IN, POSTED}),
    HANDED_IN: frozenset({RECEIVED}),
    POSTED: frozenset({RECEIVED}),
    RECEIVED: frozenset(),
}


def batch_state_refusal(
    current: str, new: str, labels: Mapping[str, str] | None = None
) -> Reason | None:
    """BIL-01: may a batch move from `current` to `new` (the batch door asks this)."""
    return transition_refusal(BATCH_TRANSITIONS, current, new, "BIL-01", labels)


def batch_refusals(dossiers: Iterable[DossierFacts], coach: str) -> tuple[Reason, ...]:
    """Why these dossiers cannot go together into a delivery batch of `coach`; empty when they can."""
    dossiers = list(dossiers)
    if not dossiers:
        return (Reason("BIL-01", "Kies minstens één afgerond dossier voor de zending."),)
    refusals: list[Reason] = []
    seen: set[object] = set()
    for d in dossiers:
        if d.identity in seen:
            refusals.append(
                reason(
                    "BIL-01", "Cheque {voucher} staat twee keer in de zending.", voucher=d.voucher
                )
            )
        seen.add(d.identity)
        if d.coach != coach:
            refusals.append(
                reason("BIL-01", "Cheque {voucher} is niet van deze coach.", voucher=d.voucher)
            )
        if d.delivered_on is not None:
            refusals.append(
                reason(
                    "BIL-01",
                    "Cheque {voucher} is al bezorgd op {day}.",
                    voucher=d.voucher,
                    day=day_label(d.delivered_on),
                )
            )
        if d.closed_on is None:
            refusals.append(
                reason(
                    "BIL-01",
                    "Cheque {voucher} ({client}) is nog niet afgerond.",
                    voucher=d.voucher,
                    client=d.client_name,
                )
            )
        elif d.missing:
            refusals.append(
                reason(
                    "BIL-01",
                    "Cheque {voucher} ({client}) is niet volledig; er ontbreekt: {missing}.",
                    voucher=d.voucher,
                    client=d.client_name,
                    missing=Joined(tuple(d.missing)),
                )
            )
    return tuple(refusals)


def to_deliver(dossiers: Iterable[DossierFacts]) -> list[DossierFacts]:
    """The complete dossiers not yet delivered: what staff and the coach see as ready to send."""
    return [d for d in dossiers if d.complete and d.delivered_on is None]


def quarter_reminder(
    dossiers: Iterable[DossierFacts],
    last_delivery: date | None,
    today: date,
    ruleset: BillingRuleset,
) -> Reason | None:
    """The reminder before the quarter ends, to a coach who delivered nothing this quarter while
    complete dossiers wait."""
    end = quarter_end(today)
    if today < end - timedelta(days=ruleset.quarter_reminder_days):
        return None
    if last_delivery is not None and last_delivery >= quarter_start(today):
        return None
    waiting = to_deliver(dossiers)
    if not waiting:
        return None
    return reason(
        "BIL-01",
        "Bezorg je afgeronde dossiers minstens één keer per kwartaal: {count} dossier(s) "
        "klaar, het kwartaal eindigt op {day}.",
        count=len(waiting),
        day=day_label(end),
    )


@dataclass(frozen=True)
class AuditStatus:
    coach: str
    due: tuple[DossierFacts, ...]  # completed, not delivered: must be in by the deadline
    late: bool
    reasons: tuple[Reason, ...]


def audit_status(
    coach: str,
    dossiers: Iterable[DossierFacts],
    deadline: date,
    today: date,
    ruleset: BillingRuleset,
) -> AuditStatus:
    """In an audit: which of the coach's completed dossiers must be in by `deadline` (every one
    completed by then and not delivered), the reminder before it, and whether the coach is late."""
    due = tuple(
        d
        for d in to_deliver(d for d in dossiers if d.coach == coach)
        if d.closed_on is not None and d.closed_on <= deadline
    )
    if not due:
        return AuditStatus(coach, due, False, ())
    if today > deadline:
        why = reason(
            "BIL-01",
            "Te laat voor de audit: {count} afgerond(e) dossier(s) moesten binnen zijn op {day}.",
            count=len(due),
            day=day_label(deadline),
        )
        return AuditStatus(coach, due, True, (why,))
    reasons = ()
    if today >= deadline - timedelta(days=ruleset.audit_reminder_days):
        reasons = (
            reason(
                "BIL-01",
                "Audit: bezorg {count} afgerond(e) dossier(s) ten laatste op {day}.",
                count=len(due),
                day=day_label(deadline),
            ),
        )
    return AuditStatus(coach, due, False, reasons)


def late_for_audit(
    dossiers: Iterable[DossierFacts], deadline: date, today: date, ruleset: BillingRuleset
) -> list[str]:
    """The coaches staff see as late: after the deadline, with completed dossiers still out."""
    dossiers = list(dossiers)
    coaches = sorted({d.coach for d in dossiers})
    return [c for c in coaches if audit_status(c, dossiers, deadline, today, ruleset).late]
