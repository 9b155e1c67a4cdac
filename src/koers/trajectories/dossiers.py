"""The dossiers a programme hands in to the funder (BIL-01): a read interface billing uses.

A programme registers (in its `AppConfig.ready()`) how it states its closed dossiers: which
pieces are still missing, by the programme's own checklist. Billing reads them through
`dossier_facts()` and never imports the programme. Vouchers register
`vouchers/billing_dossiers.py` (the checklist LBC-11/13/15 plus aftercare evidence).
"""

from collections.abc import Callable, Collection
from dataclasses import dataclass
from datetime import date

from django.db.models import Exists, Q

from koers.lib.rules import Phrase, Reason


@dataclass(frozen=True)
class DossierCheck:
    """One line of a dossier's audit pack: a piece or a contact, whether it holds, and the
    evidence (or what is lacking) as the rule that judged it says."""

    label: Phrase
    ok: bool
    evidence: Reason  # its rule ID and sentence


@dataclass(frozen=True)
class DossierState:
    """One dossier (one trajectory) as its programme judges it."""

    trajectory_id: int
    organisation_id: int
    voucher: str  # the number the funder knows the dossier by (the voucher's number)
    client_name: str
    coach_id: int  # the responsible coach
    closed_on: date | None  # the guidance ended (None: still running)
    missing: tuple[Phrase, ...] = ()  # the missing pieces as display labels
    pieces: tuple[Phrase, ...] = ()  # the pieces present (for the batch's cover sheet)
    checks: tuple[DossierCheck, ...] = ()  # the audit pack: per rule, the evidence

    @property
    def complete(self) -> bool:
        return self.closed_on is not None and not self.missing


# (coach_ids, trajectory_ids, judged) -> the dossiers. Without trajectory_ids: the coaches'
# closed dossiers; with them: exactly those trajectories of those coaches, closed or not.
# `judged`: replayed now with the audit pack's `checks` and `pieces`; otherwise only `missing`,
# as the programme last stored it (cheap: for dashboards and lists). A bounded number of
# queries, whatever the number of dossiers.
DossierProvider = Callable[[Collection[int], Collection[int] | None, bool], list[DossierState]]
# complete -> the condition on a trajectory that its dossier is complete (True) or has points
# open (False), an expression a trajectory list or count filters on.
OpenPoints = Callable[[bool], Q | Exists]
_PROVIDERS: dict[str, DossierProvider] = {}
_OPEN_POINTS: dict[str, OpenPoints] = {}


def register_dossier_facts(
    programme: str, provider: DossierProvider, open_points: OpenPoints
) -> None:
    _PROVIDERS[programme] = provider
    _OPEN_POINTS[programme] = open_points


def dossier_facts(
    *,
    coach_ids: Collection[int],
    trajectory_ids: Collection[int] | None = None,
    judged: bool = True,
) -> list[DossierState]:
    """Every registered programme's dossiers of these coaches, by coach, closing day and number."""
    if not coach_ids:
        return []
    states = [
        state
        for provider in _PROVIDERS.values()
        for state in provider(coach_ids, trajectory_ids, judged)
    ]
    return sorted(states, key=lambda s: (s.coach_id, s.closed_on or date.max, s.trajectory_id))


def dossier_programmes() -> list[str]:
    """The programmes whose trajectories are dossiers to deliver (the others never are)."""
    return list(_PROVIDERS)


def dossier_filter(complete: bool) -> Q:
    """The trajectories whose dossier is complete (or has points open), by the programmes'
    stored judgement: a condition on `Trajectory`, no dossier replayed."""
    condition = Q(pk__in=[])
    for open_points in _OPEN_POINTS.values():
        condition |= Q(open_points(complete))
    return condition
