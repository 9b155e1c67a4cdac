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

The numbers of the measures and the follow-up (TRN-09..12, TRN-17) are declared with their rules
in `measure_kinds.MeasureRules`; the rule set inherits them, so there is one transition rule set
and the measure and follow-up functions take it wherever they take `MeasureRules`.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from types import MappingProxyType

from koers.lib.rules import VersionedRuleset, in_force
from koers.transition.rules.measure_kinds import MeasureRules

# TRN-05: "onvoldoende", "matig", "goed" of "zeer goed" (seed 003, "SAM-schaal").
SAM_LEVELS: tuple[str, ...] = ("onvoldoende", "matig", "goed", "zeer goed")


def _sam_scale() -> Mapping[int, str]:
    return MappingProxyType(dict(enumerate(SAM_LEVELS, start=1)))


@dataclass(frozen=True)
class TransitionRuleset(MeasureRules, VersionedRuleset):
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
    # TRN-05: the SAM scale, level number (1 lowest) -> name; fixed by the seed (a table, so not
    # edited as a parameter, but stored with every version).
    sam_levels: Mapping[int, str] = field(default_factory=_sam_scale)


RULESETS: tuple[TransitionRuleset, ...] = (
    TransitionRuleset(version="2026-seeds", valid_from=date(2020, 1, 1), valid_until=None),
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
        "followup_reminder_days",
        "followup_grace_days",
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
        "bvs_weeks": "BVS: duur in weken, standaard en maximum (TRN-09)",
        "bvs_training_code": "BVS: opleidingscode bij VDAB (TRN-09)",
        "tbs_max_weeks": "TBS: hoogstens zoveel weken (TRN-10)",
        "ibo_min_weeks": "IBO: minstens zoveel weken (TRN-11)",
        "ibo_max_months": "IBO: hoogstens zoveel maanden (TRN-11)",
        "activa_min_years": "ACTIVA: voordelen minstens zoveel jaar (TRN-12)",
        "activa_reduction_per_quarter_eur": "ACTIVA: vermindering per kwartaal in euro (TRN-12)",
        "activa_work_allowance_eur": "ACTIVA: werkuitkering in euro (TRN-12)",
        "rva_payment_max_days": "RVA: betaling hoogstens zoveel dagen na het ontslag (TRN-11)",
        "followup_first_weeks": "Opvolging: eerste meetpunt in weken na doorstroom (TRN-17)",
        "followup_second_months": "Opvolging: tweede meetpunt in maanden na doorstroom (TRN-17)",
        "followup_reminder_days": "Opvolging: herinnering zoveel dagen vooraf (TRN-17)",
        "followup_grace_days": "Opvolging: te laat na zoveel dagen (TRN-17)",
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
    if ruleset.followup_first_weeks < 1:
        problems["followup_first_weeks"] = "Geef minstens 1 week. (TRN-17)"
    if ruleset.followup_second_months < 1:
        problems["followup_second_months"] = "Geef minstens 1 maand. (TRN-17)"
    elif ruleset.followup_first_weeks * 7 >= ruleset.followup_second_months * 28:
        problems["followup_first_weeks"] = "Het eerste meetpunt ligt vóór het tweede. (TRN-17)"
    if ruleset.ibo_min_weeks < 1 or ruleset.ibo_min_weeks * 7 > ruleset.ibo_max_months * 28:
        problems["ibo_min_weeks"] = "De kortste IBO is korter dan de langste. (TRN-11)"
    for name in ("bvs_weeks", "tbs_max_weeks"):
        if getattr(ruleset, name) < 1:
            problems[name] = "Geef minstens 1 week. (TRN-09, TRN-10)"
    return problems
