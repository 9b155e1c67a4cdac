"""TRN-06, TRN-16: an assessment-centre session — its candidates, assessors and tasks — and the
seed's advice for it, as warnings that never block: "Observeer een kleine groep (max. 6 personen)",
"Laat elke kandidaat meerdere proeven/taken uitvoeren", "Spreid assessment-tests over verschillende
dagen", "Observeer met meerdere assessoren"; "Houd assessments gelinkt aan de concrete jobprofielen
en doelwitten" and "Maak de deelnemers duidelijk wat de doelstelling van een assessment is" (TRN-16).
What is recorded in a session (observations, proposed levels) belongs to it: `observation_refusal`
and `proposal_refusal`.
"""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from koers.lib.rules import Reason, reason
from koers.transition.rules.assessment import LevelProposal, Observation
from koers.transition.rules.competences import level_refusal
from koers.transition.rules.ruleset import TransitionRuleset


@dataclass(frozen=True)
class Task:
    """One exercise of a candidate in the assessment centre (a scenario such as "Magazijn + stock")."""

    name: str
    day: date
    job_target: str = ""  # TRN-16: the job target it is linked to
    purpose_explained: bool = False  # TRN-16


@dataclass(frozen=True)
class Session:
    candidates: tuple[str, ...]
    assessors: tuple[str, ...]
    tasks: Mapping[str, tuple[Task, ...]] = field(default_factory=dict)  # per candidate


def session_warnings(session: Session, ruleset: TransitionRuleset) -> tuple[Reason, ...]:
    """TRN-06, TRN-16: the seed's advice for an assessment centre, as warnings."""
    warnings: list[Reason] = []
    if len(session.candidates) > ruleset.assessment_max_candidates:
        warnings.append(
            reason(
                "TRN-06",
                "Observeer een kleine groep: hoogstens {max} kandidaten, hier {count}.",
                max=ruleset.assessment_max_candidates,
                count=len(session.candidates),
            )
        )
    if len(set(session.assessors)) < ruleset.assessment_min_assessors:
        warnings.append(
            reason(
                "TRN-06",
                "Observeer met minstens {min} assessoren.",
                min=ruleset.assessment_min_assessors,
            )
        )
    for candidate in session.candidates:
        warnings.extend(_task_warnings(candidate, session.tasks.get(candidate, ()), ruleset))
    return tuple(warnings)


def _task_warnings(
    candidate: str, tasks: Sequence[Task], ruleset: TransitionRuleset
) -> list[Reason]:
    warnings: list[Reason] = []
    if len(tasks) < ruleset.assessment_min_tasks:
        warnings.append(
            reason(
                "TRN-06",
                "Laat {candidate} minstens {min} proeven doen (nu {count}).",
                candidate=candidate,
                min=ruleset.assessment_min_tasks,
                count=len(tasks),
            )
        )
    days = len({t.day for t in tasks})
    if tasks and days < ruleset.assessment_min_days:
        warnings.append(
            reason(
                "TRN-06",
                "Spreid de proeven van {candidate} over minstens {min} dagen, zo vermijd je de "
                "‘slechte dag’ (nu {days}).",
                candidate=candidate,
                min=ruleset.assessment_min_days,
                days=days,
            )
        )
    for task in tasks:
        if not task.job_target.strip():
            warnings.append(
                reason("TRN-16", "Koppel de proef ‘{task}’ aan het jobdoelwit.", task=task.name)
            )
        if not task.purpose_explained:
            warnings.append(
                reason(
                    "TRN-16",
                    "Leg {candidate} uit wat de proef ‘{task}’ wil nagaan.",
                    candidate=candidate,
                    task=task.name,
                )
            )
    return warnings


def observation_refusal(
    observation: Observation, session: Session, codes: Iterable[str]
) -> Reason | None:
    """TRN-06: an observation is about a candidate of the session, by one of its assessors; once
    classified, under a competence of the profile."""
    if observation.candidate not in session.candidates:
        return reason(
            "TRN-06",
            "{candidate} neemt niet deel aan deze sessie.",
            candidate=observation.candidate,
        )
    if observation.assessor not in session.assessors:
        return reason(
            "TRN-06", "{assessor} is geen assessor in deze sessie.", assessor=observation.assessor
        )
    if not observation.text.strip():
        return Reason("TRN-06", "Een observatie beschrijft wat de kandidaat deed of zei.")
    if observation.competence and observation.competence not in set(codes):
        return Reason("TRN-06", "Klasseer de observatie onder een competentie uit het profiel.")
    return None


def proposal_refusal(
    proposal: LevelProposal, session: Session, codes: Iterable[str]
) -> Reason | None:
    """TRN-06: an assessor of the session proposes a level of the SAM scale for one of its
    candidates and a competence of the profile."""
    if proposal.candidate not in session.candidates:
        return reason(
            "TRN-06", "{candidate} neemt niet deel aan deze sessie.", candidate=proposal.candidate
        )
    if proposal.assessor not in session.assessors:
        return reason(
            "TRN-06", "{assessor} is geen assessor in deze sessie.", assessor=proposal.assessor
        )
    if proposal.competence not in set(codes):
        return Reason("TRN-06", "Kies een competentie uit het profiel.")
    return level_refusal(proposal.level)
