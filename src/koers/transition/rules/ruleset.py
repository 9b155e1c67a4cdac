"""The transition numbers, versioned by validity dates (RULESET in domain.md; TRN-03, TRN-06, TRN-17).

From seed 003 ("DOne-draaiboek"): observe a small group, "max. 6 personen" (TRN-06); let each
candidate do "meerdere proeven/taken" spread "over verschillende dagen" (TRN-06); observe "met
meerdere assessoren" (TRN-06) and hold the intake "bij voorkeur samen met een tweede onafhankelijke
jobcoach" (TRN-03); the KPIs count a transition still in place "na 2 weken" and "na 6 maanden"
(TRN-13, TRN-17); the SAM scale has four levels (TRN-05). All of the assessment advice warns and
never blocks.

TO CONFIRM BY A PERSON — the seed gives no number for these; the defaults are Koers' placeholders:

- `assessment_min_tasks` and `assessment_min_days`: "meerdere" and "verschillende" read as 2;
- `assessment_min_assessors`: "meerdere assessoren" read as 2;
- `assessment_large_spread`: from how many SAM levels apart two assessors' proposals are a sign
  that an indicator does not mean the same to all assessors ("Zorg dat elke indicator dezelfde
  betekenis heeft voor alle assessoren"); any difference at all must be aligned anyway.

The follow-up checkpoints (`follow_up_checkpoint_days`, `follow_up_checkpoint_months`) are read by
the follow-up rules (TRN-17); they live here so that there is one transition rule set.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from types import MappingProxyType

from koers.lib.rules import VersionedRuleset, in_force

# TRN-05: "onvoldoende", "matig", "goed" of "zeer goed" (seed 003, "SAM-schaal").
SAM_LEVELS: tuple[str, ...] = ("onvoldoende", "matig", "goed", "zeer goed")


def _sam_scale() -> Mapping[int, str]:
    return MappingProxyType(dict(enumerate(SAM_LEVELS, start=1)))


@dataclass(frozen=True)
class TransitionRuleset(VersionedRuleset):
    """The seed's and the practitioners' numbers for transition trajectories, valid for a period."""

    # TRN-06: "Observeer een kleine groep (max. 6 personen)": a larger group warns.
    assessment_max_candidates: int = 6
    # TRN-06: "Laat elke kandidaat meerdere proeven/taken uitvoeren". TO CONFIRM BY A PERSON (2).
    assessment_min_tasks: int = 2
    # TRN-06: "Spreid assessment-tests over verschillende dagen". TO CONFIRM BY A PERSON (2).
    assessment_min_days: int = 2
    # TRN-06: "Observeer met meerdere assessoren". TO CONFIRM BY A PERSON (2).
    assessment_min_assessors: int = 2
    # TRN-06: proposals this many levels apart or more warn. TO CONFIRM BY A PERSON (2).
    assessment_large_spread: int = 2
    # TRN-03: "bij voorkeur samen met een tweede onafhankelijke jobcoach": one coach warns.
    intake_second_coach_preferred: bool = True
    # TRN-17 / TRN-13: "Doorstroom na 2 weken" and "Doorstroom na 6 maanden".
    follow_up_checkpoint_days: int = 14
    follow_up_checkpoint_months: int = 6
    # TRN-05: the SAM scale, level number (1 lowest) -> name; fixed by the seed (a table, so not
    # edited as a parameter, but stored with every version).
    sam_levels: Mapping[int, str] = field(default_factory=_sam_scale)


RULESETS: tuple[TransitionRuleset, ...] = (
    TransitionRuleset(version="2026-seeds", valid_from=date(2026, 1, 1), valid_until=None),
)


def ruleset_for(day: date, rulesets: Iterable[TransitionRuleset] = RULESETS) -> TransitionRuleset:
    return in_force(day, rulesets, "transition")


# Parameters whose value is Koers' placeholder, not the seed's: a person must confirm them.
TO_CONFIRM: frozenset[str] = frozenset(
    {
        "assessment_min_tasks",
        "assessment_min_days",
        "assessment_min_assessors",
        "assessment_large_spread",
    }
)

PARAMETER_LABELS: Mapping[str, str] = MappingProxyType(
    {
        "assessment_max_candidates": "Assessment: hoogstens zoveel kandidaten per groep (TRN-06)",
        "assessment_min_tasks": "Assessment: minstens zoveel proeven per kandidaat (TRN-06)",
        "assessment_min_days": "Assessment: proeven gespreid over minstens zoveel dagen (TRN-06)",
        "assessment_min_assessors": "Assessment: minstens zoveel assessoren (TRN-06)",
        "assessment_large_spread": "Assessment: verschil in SAM-niveaus dat waarschuwt (TRN-06)",
        "intake_second_coach_preferred": "Intake bij voorkeur met een tweede jobcoach (TRN-03)",
        "follow_up_checkpoint_days": "Opvolging: eerste meetpunt in dagen na doorstroom (TRN-17)",
        "follow_up_checkpoint_months": "Opvolging: tweede meetpunt in maanden na doorstroom (TRN-17)",
        "sam_levels": "SAM-schaal: de niveaus van 1 (laag) tot 4 (hoog) (TRN-05)",
    }
)


def parameter_problems(ruleset: TransitionRuleset) -> dict[str, str]:
    """Whether a version's numbers hang together, before anyone is judged by them."""
    problems: dict[str, str] = {}
    for name in ("assessment_max_candidates", "assessment_min_tasks", "assessment_min_days"):
        if getattr(ruleset, name) < 1:
            problems[name] = "Geef minstens 1. (TRN-06)"
    if ruleset.assessment_min_assessors < 1:
        problems["assessment_min_assessors"] = "Geef minstens 1 assessor. (TRN-06)"
    names = [ruleset.sam_levels.get(number, "") for number in range(1, len(SAM_LEVELS) + 1)]
    if set(ruleset.sam_levels) != set(range(1, 5)) or len({n for n in names if n}) != 4:
        problems["sam_levels"] = "De SAM-schaal heeft vier verschillende niveaus. (TRN-05)"
    if not 1 <= ruleset.assessment_large_spread <= len(SAM_LEVELS) - 1:
        problems["assessment_large_spread"] = "Geef 1 tot 3 niveaus. (TRN-06)"
    if ruleset.follow_up_checkpoint_days < 1:
        problems["follow_up_checkpoint_days"] = "Geef minstens 1 dag. (TRN-17)"
    if ruleset.follow_up_checkpoint_months < 1:
        problems["follow_up_checkpoint_months"] = "Geef minstens 1 maand. (TRN-17)"
    elif ruleset.follow_up_checkpoint_days >= ruleset.follow_up_checkpoint_months * 28:
        problems["follow_up_checkpoint_days"] = "Het eerste meetpunt ligt vóór het tweede. (TRN-17)"
    return problems
