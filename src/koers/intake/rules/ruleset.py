"""The intake numbers, versioned by validity dates (RULESET in domain.md)."""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from types import MappingProxyType

from koers.lib.rules import VersionedRuleset, in_force


@dataclass(frozen=True)
class Ruleset(VersionedRuleset):
    lead_clock_hours: int = 24  # INT-02
    # Our choice (not in the seeds): flag a lead for the coach when this little time is left.
    nearing_hours: int = 4
    # INT-05: a coach unavailable at any moment of this horizon gets no new lead.
    availability_horizon_hours: int = 24
    # INT-01 routing: "recent load" counts the leads a coach received in these days.
    recent_load_days: int = 30
    # INT-08: one provider plans about half an hour for the free introductory conversation.
    introduction_minutes: int = 30
    # COM-01: the centre's working name must stand within this many characters of a mention.
    com_proximity_chars: int = 200
    # Our choice: identical submissions within these minutes collapse into one lead.
    duplicate_minutes: int = 15


RULESETS: tuple[Ruleset, ...] = (
    Ruleset(version="2019-seeds", valid_from=date(2019, 1, 1), valid_until=None),
)


def ruleset_for(day: date, rulesets: Iterable[Ruleset] = RULESETS) -> Ruleset:
    return in_force(day, rulesets, "intake")


# How an administrator reads each parameter on the rule-set page (Centrum ▾ Regelsets).
PARAMETER_LABELS: Mapping[str, str] = MappingProxyType(
    {
        "lead_clock_hours": "Uren om een aanvraag te contacteren (INT-02)",
        "nearing_hours": "‘Bijna te laat’ bij zoveel uren over (INT-02)",
        "availability_horizon_hours": "Beschikbaarheid van de coach in de komende uren (INT-05)",
        "recent_load_days": "Recente aanvragen: zoveel dagen terug (INT-01)",
        "introduction_minutes": "Kennismakingsgesprek in minuten (INT-08)",
        "com_proximity_chars": "Werknaam binnen zoveel tekens van een vermelding (COM-01)",
        "duplicate_minutes": "Dubbele inschrijvingen binnen zoveel minuten (INT-01)",
    }
)
