"""TRN-06, TRN-16: the assessment centre, by the WAKKER method.

Waarnemen (observe) – Aantekenen (note facts: `observation_words`) – Klasseren (classify notes
under competences) – Kwantificeren en kwalificeren (count, compare with the level descriptions) –
Evalueren (one level per competence) – Rapporteren (competences, growth points, points of
attention). Several assessors note separately, each proposes a level, then they align on one:
`compare` shows per candidate and competence how far their proposals lie apart and who differs.
The session and its advice (a group of at most 6, several tasks over several days, several
assessors, tasks linked to the job target: warnings, never blocks) are in `assessment_session`.
"""

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from itertools import combinations

from koers.lib.rules import Reason, reason
from koers.transition.rules.competences import SAM_LABELS, SEED_COMPETENCES, SamLevel, level_refusal
from koers.transition.rules.observation_words import observation_warnings
from koers.transition.rules.ruleset import TransitionRuleset


class WakkerStep(StrEnum):
    OBSERVE = "waarnemen"
    NOTE = "aantekenen"
    CLASSIFY = "klasseren"
    QUANTIFY = "kwantificeren"
    EVALUATE = "evalueren"
    REPORT = "rapporteren"


# TRN-06: the seed's steps and what each asks.
WAKKER: dict[WakkerStep, tuple[str, str]] = {
    WakkerStep.OBSERVE: ("Waarnemen", "Zoveel mogelijk concreet, feitelijk gedrag observeren."),
    WakkerStep.NOTE: (
        "Aantekenen",
        "Het gedrag in concrete termen noteren, geen persoonlijkheidskenmerken.",
    ),
    WakkerStep.CLASSIFY: (
        "Klasseren",
        "De gedragsnotities groeperen onder de gedefinieerde competenties.",
    ),
    WakkerStep.QUANTIFY: (
        "Kwantificeren en kwalificeren",
        "Tellen hoe vaak iets voorkomt binnen een bepaalde tijd en vergelijken met de niveaus.",
    ),
    WakkerStep.EVALUATE: (
        "Evalueren",
        "Het niveau per competentie bepalen aan de hand van de gedragsindicatoren.",
    ),
    WakkerStep.REPORT: (
        "Rapporteren",
        "Eindbeoordeling: competenties, groeipunten, aandachtspunten.",
    ),
}


@dataclass(frozen=True)
class Observation:
    assessor: str
    candidate: str
    text: str
    competence: str = ""  # empty until classified (Klasseren)
    task: str = ""


def note_warnings(observation: Observation) -> tuple[Reason, ...]:
    """TRN-06: an observation is a fact; warn on personality traits and interpretations."""
    return observation_warnings(observation.text)


def classify_refusal(observation: Observation, codes: Iterable[str]) -> Reason | None:
    """TRN-06: a note is classified under a competence of the organisation's profile."""
    if not observation.text.strip():
        return Reason("TRN-06", "Een observatie beschrijft wat de kandidaat deed of zei.")
    if observation.competence not in set(codes):
        return Reason("TRN-06", "Klasseer de observatie onder een competentie uit het profiel.")
    return None


def unclassified(observations: Iterable[Observation]) -> tuple[Observation, ...]:
    return tuple(o for o in observations if not o.competence)


def observation_counts(observations: Iterable[Observation]) -> Mapping[tuple[str, str], int]:
    """TRN-06 (Kwantificeren): how many classified notes per (candidate, competence)."""
    return dict(Counter((o.candidate, o.competence) for o in observations if o.competence))


def counts_by_assessor(
    observations: Iterable[Observation], candidate: str
) -> Mapping[str, Mapping[str, int]]:
    """Per competence, how many notes each assessor made about `candidate` (each notes separately)."""
    table: dict[str, Counter[str]] = {}
    for o in observations:
        if o.candidate == candidate and o.competence:
            table.setdefault(o.competence, Counter())[o.assessor] += 1
    return {code: dict(counter) for code, counter in table.items()}


@dataclass(frozen=True)
class LevelProposal:
    """One assessor's level for one candidate and competence (Evalueren, before aligning)."""

    assessor: str
    candidate: str
    competence: str
    level: SamLevel


@dataclass(frozen=True)
class Comparison:
    """The assessors' proposals for one candidate and competence, side by side."""

    candidate: str
    competence: str
    levels: Mapping[str, SamLevel]  # assessor -> proposed level, by assessor

    @property
    def lowest(self) -> SamLevel:
        return min(self.levels.values())

    @property
    def highest(self) -> SamLevel:
        return max(self.levels.values())

    @property
    def spread(self) -> int:
        """How many SAM levels lie between the lowest and the highest proposal."""
        return self.highest - self.lowest

    @property
    def unanimous(self) -> bool:
        return self.spread == 0

    @property
    def majority(self) -> SamLevel | None:
        """The level more assessors propose than any other; None on a tie."""
        ranked = Counter(self.levels.values()).most_common()
        if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
            return None
        return ranked[0][0]

    @property
    def differences(self) -> tuple[tuple[str, str, int], ...]:
        """Every pair of assessors that differs: (a, b, b's level minus a's)."""
        return tuple(
            (a, b, self.levels[b] - self.levels[a])
            for a, b in combinations(sorted(self.levels), 2)
            if self.levels[a] != self.levels[b]
        )

    @property
    def outliers(self) -> tuple[str, ...]:
        """Who differs: the assessors away from the majority (everyone who differs on a tie)."""
        majority = self.majority
        if self.unanimous:
            return ()
        if majority is None:
            return tuple(sorted(self.levels))
        return tuple(a for a in sorted(self.levels) if self.levels[a] != majority)


def compare(proposals: Iterable[LevelProposal]) -> tuple[Comparison, ...]:
    """TRN-06: per candidate and competence, the assessors' proposals side by side. An assessor
    who proposes twice for the same candidate and competence corrects himself: the last one counts."""
    table: dict[tuple[str, str], dict[str, SamLevel]] = {}
    for p in proposals:
        table.setdefault((p.candidate, p.competence), {})[p.assessor] = SamLevel(p.level)
    return tuple(
        Comparison(candidate, competence, dict(sorted(levels.items())))
        for (candidate, competence), levels in sorted(table.items())
    )


def comparison_warnings(comparison: Comparison, ruleset: TransitionRuleset) -> tuple[Reason, ...]:
    """TRN-06: a single assessor, or proposals far apart, warn (the indicators may not mean the
    same to every assessor); any difference is aligned into one agreed level."""
    warnings: list[Reason] = []
    if len(comparison.levels) < ruleset.assessment_min_assessors:
        warnings.append(
            reason(
                "TRN-06",
                "Observeer met meerdere assessoren: hier slechts {count}.",
                count=len(comparison.levels),
            )
        )
    if comparison.spread >= ruleset.assessment_large_spread:
        warnings.append(
            reason(
                "TRN-06",
                "De assessoren liggen {spread} niveaus uit elkaar ({low} tot {high}): stem af wat "
                "elke indicator betekent.",
                spread=comparison.spread,
                low=SAM_LABELS[comparison.lowest],
                high=SAM_LABELS[comparison.highest],
            )
        )
    return tuple(warnings)


def agreed_level_warnings(comparison: Comparison, level: SamLevel) -> tuple[Reason, ...]:
    """TRN-06: the agreed level normally lies between the lowest and the highest proposal."""
    if comparison.lowest <= level <= comparison.highest:
        return ()
    return (
        reason(
            "TRN-06",
            "Het afgesproken niveau ‘{level}’ ligt buiten de voorstellen van de assessoren.",
            level=SAM_LABELS[SamLevel(level)],
        ),
    )


def agreed_level_refusal(comparison: Comparison | None, level: object) -> Reason | None:
    """TRN-06: the assessors agree on one level of the SAM scale, after they proposed theirs."""
    if comparison is None:
        return Reason("TRN-06", "Eerst stellen de assessoren elk een niveau voor.")
    return level_refusal(level)


def final_levels(
    comparisons: Iterable[Comparison], agreed: Mapping[tuple[str, str], SamLevel]
) -> tuple[Mapping[tuple[str, str], SamLevel], tuple[Reason, ...]]:
    """The level per (candidate, competence): the agreed one, or the proposals' when unanimous.
    Proposals that differ and have no agreed level yet are listed: the assessors still align."""
    levels: dict[tuple[str, str], SamLevel] = {}
    open_: list[Reason] = []
    for c in comparisons:
        key = (c.candidate, c.competence)
        if key in agreed:
            levels[key] = SamLevel(agreed[key])
        elif c.unanimous:
            levels[key] = c.lowest
        else:
            open_.append(
                reason(
                    "TRN-06",
                    "{candidate}, {competence}: de assessoren spreken nog één niveau af.",
                    candidate=c.candidate,
                    competence=c.competence,
                )
            )
    return levels, tuple(open_)


@dataclass(frozen=True)
class Finding:
    """One competence seen at the intake and in the assessment centre (TRN-16)."""

    competence: str
    intake: SamLevel | None
    assessment: SamLevel | None

    @property
    def change(self) -> int | None:
        if self.intake is None or self.assessment is None:
            return None
        return self.assessment - self.intake


@dataclass(frozen=True)
class Report:
    """TRN-06 (Rapporteren), TRN-16: what goes back to the worker, the supervisors and the PDP."""

    levels: Mapping[str, SamLevel]
    strengths: tuple[str, ...]  # goed or zeer goed
    growth_points: tuple[str, ...]  # onvoldoende or matig: to work on in the PDP
    attention_points: tuple[Finding, ...]  # intake and assessment disagree, or only one saw it


_ORDER = {c.code: i for i, c in enumerate(SEED_COMPETENCES)}


def _in_profile_order(codes: Iterable[str]) -> list[str]:
    return sorted(codes, key=lambda code: (_ORDER.get(code, len(_ORDER)), code))


def report(
    assessment_levels: Mapping[str, SamLevel], intake_levels: Mapping[str, SamLevel]
) -> Report:
    """TRN-16: the assessment's levels compared with the intake's findings."""
    codes = _in_profile_order(set(assessment_levels) | set(intake_levels))
    findings = [
        Finding(code, intake_levels.get(code), assessment_levels.get(code)) for code in codes
    ]
    assessed = _in_profile_order(assessment_levels)
    return Report(
        levels={code: SamLevel(assessment_levels[code]) for code in assessed},
        strengths=tuple(c for c in assessed if assessment_levels[c] >= SamLevel.GOED),
        growth_points=tuple(c for c in assessed if assessment_levels[c] < SamLevel.GOED),
        attention_points=tuple(f for f in findings if f.change != 0),
    )
