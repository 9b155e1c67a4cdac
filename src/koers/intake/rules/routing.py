"""INT-01 / INT-05: which coach gets a lead, and why.

Distance heuristic (documented choice): Belgian postal codes are grouped by region — the first
digit is the province area (1 Brussels/Brabant, 2 Antwerp, 3 Limburg/Leuven, 8 West Flanders,
9 East Flanders), the first two digits a smaller region. Distance 0 = same postal code, 1 = same
first two digits, 2 = same first digit, 3 = elsewhere or unknown. No geodata needed; good enough to
keep a lead near its preferred location.
"""

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from koers.intake.rules.ruleset import Ruleset
from koers.lib.rules import Reason, reason

FAR = 3


def postal_distance(a: str, b: str) -> int:
    if not a or not b:
        return FAR
    if a == b:
        return 0
    if a[:2] == b[:2]:
        return 1
    if a[:1] == b[:1]:
        return 2
    return FAR


# How near a coach works to the lead's preferred location, as a reason about a candidate (whole
# sentences, so that they translate; `_chosen_distance` says the same about the chosen coach).
_DISTANCE_REASON = {
    0: Reason("INT-01", "Werkt op de gewenste locatie."),
    1: Reason("INT-01", "Werkt in de buurt van de gewenste locatie."),
    2: Reason("INT-01", "Werkt in dezelfde regio."),
    FAR: Reason("INT-01", "Werkt verder weg."),
}


@dataclass(frozen=True)
class CoachFacts:
    coach_id: int
    name: str
    postal_codes: tuple[str, ...] = ()
    unavailable: tuple[tuple[datetime, datetime], ...] = ()  # INT-05 periods [start, end)
    recent_leads: int = 0


@dataclass(frozen=True)
class Candidate:
    coach_id: int
    name: str
    available: bool
    distance: int
    recent_leads: int
    reasons: tuple[Reason, ...]


@dataclass(frozen=True)
class RoutingDecision:
    coach_id: int | None
    reasons: tuple[Reason, ...]
    candidates: tuple[Candidate, ...] = field(default_factory=tuple)


def unavailable_during(coach: CoachFacts, start: datetime, end: datetime) -> bool:
    return any(s < end and start < e for s, e in coach.unavailable)


def route(
    *,
    coaches: list[CoachFacts],
    postal_code: str,
    now: datetime,
    ruleset: Ruleset,
) -> RoutingDecision:
    """Pick an available coach (INT-05), nearest to the preferred location, with the lightest
    recent load (INT-01); ties go to the lowest id so the choice is stable."""
    horizon = now + timedelta(hours=ruleset.availability_horizon_hours)
    candidates: list[Candidate] = []
    for coach in coaches:
        available = not unavailable_during(coach, now, horizon)
        distance = min((postal_distance(postal_code, p) for p in coach.postal_codes), default=FAR)
        reasons = [
            Reason("INT-05", "Afwezig in de komende 24 uur (centrumagenda).")
            if not available
            else Reason("INT-05", "Beschikbaar in de komende 24 uur."),
            _DISTANCE_REASON[distance],
            reason(
                "INT-01",
                "{count} aanvragen in de laatste {days} dagen.",
                count=coach.recent_leads,
                days=ruleset.recent_load_days,
            ),
        ]
        candidates.append(
            Candidate(
                coach.coach_id, coach.name, available, distance, coach.recent_leads, tuple(reasons)
            )
        )
    ranked = sorted(
        (c for c in candidates if c.available),
        key=lambda c: (c.distance, c.recent_leads, c.coach_id),
    )
    if not ranked:
        return RoutingDecision(
            None,
            (
                Reason(
                    "INT-05",
                    "Geen enkele coach is beschikbaar in de komende 24 uur: het centrum wijst toe.",
                ),
            ),
            tuple(candidates),
        )
    chosen = ranked[0]
    reasons = (
        reason("INT-05", "{name} is beschikbaar in de komende 24 uur.", name=chosen.name),
        _chosen_distance(chosen),
        reason(
            "INT-01",
            "Laagste recente belasting onder de dichtste coaches: {count} aanvragen in de laatste "
            "{days} dagen.",
            count=chosen.recent_leads,
            days=ruleset.recent_load_days,
        ),
    )
    return RoutingDecision(chosen.coach_id, reasons, tuple(candidates))


def _chosen_distance(chosen: Candidate) -> Reason:
    if chosen.distance == 0:
        return reason("INT-01", "{name} werkt op de gewenste locatie.", name=chosen.name)
    if chosen.distance == 1:
        return reason(
            "INT-01", "{name} werkt in de buurt van de gewenste locatie.", name=chosen.name
        )
    if chosen.distance == 2:
        return reason("INT-01", "{name} werkt in dezelfde regio.", name=chosen.name)
    return reason("INT-01", "{name} werkt verder weg.", name=chosen.name)
