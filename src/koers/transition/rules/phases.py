"""TRN-01: the phases of a transition trajectory, where a worker is, and its milestones.

    1 Selectie (IN-stroom)             1.1 Doorstroomklaar? -> 1.2 Intake -> 1.3 Assessment
    2 Naar de actieve arbeidsmarkt     2.1 PDP -> 2.2 Sollicitatieactie -> 2.3 Jobhunting
      (DOOR-stroom)                     -> 2.4 BVS / TBS
    3 In de actieve arbeidsmarkt       3 IBO / ACTIVA, follow-up
      (UIT-stroom)

A phase is entered by a recorded fact (the referral, the invitation to intake, the signed
engagement statement, …) and never left backwards: `phase_of` takes the furthest fact. The signed
engagement statement is the first milestone and is enforced: nothing after the intake is recorded
without it (`step_refusal`). Other milestones (the kick-off, …) are recommended and only warn.
"""

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from koers.lib.rules import Phrase, Reason, phrase, reason


class Phase(StrEnum):
    READY = "1.1"  # toeleiding: "Doorstroomklaar?"
    INTAKE = "1.2"
    ASSESSMENT = "1.3"
    PLAN = "2.1"  # Persoonlijk Doorstroom Plan
    APPLICATION = "2.2"  # sollicitatieactie: trainings, job center, portfolio
    JOB_HUNTING = "2.3"
    THROUGH_MEASURES = "2.4"  # BVS, TBS
    IN_WORK = "3"  # IBO, ACTIVA and the follow-up


class Flow(StrEnum):
    IN = "in"
    THROUGH = "through"
    OUT = "out"


class CoachRole(StrEnum):
    GUIDING = "guiding"
    MEDIATING = "mediating"
    SUPPORTING = "supporting"


ORDER: tuple[Phase, ...] = tuple(Phase)

# TRN-01: the seed's names ("Fase 1.1 Doorstroomklaar?", "Fase 2.1 … PDP", …).
PHASE_LABELS: dict[Phase, Phrase] = {
    Phase.READY: phrase("Doorstroomklaar?"),
    Phase.INTAKE: phrase("Intake"),
    Phase.ASSESSMENT: phrase("Assessment"),
    Phase.PLAN: phrase("Persoonlijk Doorstroom Plan (PDP)"),
    Phase.APPLICATION: phrase("Sollicitatieactie"),
    Phase.JOB_HUNTING: phrase("Jobhunting"),
    Phase.THROUGH_MEASURES: phrase("Arbeidsmaatregelen voor doorstroom (BVS, TBS)"),
    Phase.IN_WORK: phrase("Arbeidsmaatregelen voor uitstroom (IBO, ACTIVA)"),
}

# TRN-01: "Fase 1. Selectie (IN-stroom)", "Fase 2. Naar de actieve arbeidsmarkt (DOOR-stroom)",
# "Fase 3. In de actieve arbeidsmarkt (UIT-stroom)".
MAIN_PHASE_LABELS: dict[str, str] = {
    "1": "Selectie",
    "2": "Naar de actieve arbeidsmarkt",
    "3": "In de actieve arbeidsmarkt",
}
FLOW_LABELS: dict[Flow, str] = {
    Flow.IN: "IN-stroom",
    Flow.THROUGH: "DOOR-stroom",
    Flow.OUT: "UIT-stroom",
}
# TRN-01: "Van begeleidend (fase 1) … over bemiddelend (fase 2) … naar ondersteunend (fase 3)".
ROLE_LABELS: dict[CoachRole, str] = {
    CoachRole.GUIDING: "begeleidend",
    CoachRole.MEDIATING: "bemiddelend",
    CoachRole.SUPPORTING: "ondersteunend",
}
ROLE_TASKS: dict[CoachRole, str] = {
    CoachRole.GUIDING: "screening, attitudetraining, competentietraining, taalvaardigheid",
    CoachRole.MEDIATING: "contacten met bedrijven, sollicitatievoorbereiding en procedures",
    CoachRole.SUPPORTING: "opvolgen van de werknemer als stagiair of als vaste werkkracht",
}

WORKER = "doelgroepwerknemer"
CANDIDATE = "kandidaat"  # TRN-01: the seed's word from job hunting on


def main_phase(phase: Phase) -> str:
    return phase.value.split(".")[0]


def flow_of(phase: Phase) -> Flow:
    return {"1": Flow.IN, "2": Flow.THROUGH, "3": Flow.OUT}[main_phase(phase)]


def coach_role(phase: Phase) -> CoachRole:
    return {
        Flow.IN: CoachRole.GUIDING,
        Flow.THROUGH: CoachRole.MEDIATING,
        Flow.OUT: CoachRole.SUPPORTING,
    }[flow_of(phase)]


def worker_word(phase: Phase) -> str:
    """How the pages name the worker in this phase: "kandidaat" from job hunting on (TRN-01)."""
    return CANDIDATE if ORDER.index(phase) >= ORDER.index(Phase.JOB_HUNTING) else WORKER


@dataclass(frozen=True)
class TrajectoryFacts:
    """What has been recorded about one worker's trajectory (each the day it happened)."""

    referred_on: date | None = None  # TRN-02: proposed as ready
    invited_on: date | None = None  # TRN-02: the official invitation to intake
    intake_start: bool | None = None  # TRN-03: the decision; None while not decided
    engagement_signed_on: date | None = None  # TRN-03: the first milestone
    assessment_done_on: date | None = None  # TRN-06
    plan_made_on: date | None = None  # TRN-07: the first PDP version
    application_action_on: date | None = None  # TRN-08: the first training or action
    job_hunting_on: date | None = None  # TRN-08: the first vacancy discussed
    through_measure_on: date | None = None  # TRN-09/10: a BVS or TBS started
    transition_on: date | None = None  # TRN-17: first day of regular work or of the IBO
    called_off_on: date | None = None  # TRN-02: the coach called the trajectory off
    kick_off_on: date | None = None  # TRN-03: a recommended milestone


# The fact that enters each phase, furthest first.
_ENTRY: tuple[tuple[str, Phase], ...] = (
    ("transition_on", Phase.IN_WORK),
    ("through_measure_on", Phase.THROUGH_MEASURES),
    ("job_hunting_on", Phase.JOB_HUNTING),
    ("application_action_on", Phase.APPLICATION),
    ("plan_made_on", Phase.APPLICATION),  # the plan made, its actions are under way
    ("assessment_done_on", Phase.PLAN),  # the assessment's results feed the PDP (TRN-16)
    ("engagement_signed_on", Phase.ASSESSMENT),
    ("invited_on", Phase.INTAKE),
    ("referred_on", Phase.READY),
)


@dataclass(frozen=True)
class Position:
    phase: Phase
    stopped: bool  # called off, or the intake decided not to start
    reason: Reason


def phase_of(facts: TrajectoryFacts) -> Position | None:
    """Where the worker is (TRN-01): the phase of the furthest recorded fact; None before any
    referral. A trajectory called off, or not started after the intake, stays where it stopped."""
    phase = next((p for name, p in _ENTRY if getattr(facts, name) is not None), None)
    if phase is None:
        return None
    label = PHASE_LABELS[phase]
    if facts.called_off_on is not None:
        why = reason(
            "TRN-02",
            "Het traject is afgeblazen in fase {phase} ({label}).",
            phase=phase.value,
            label=label,
        )
        return Position(phase, True, why)
    if facts.intake_start is False and facts.engagement_signed_on is None:
        why = reason("TRN-03", "Na de intake is beslist het traject niet op te starten.")
        return Position(Phase.INTAKE, True, why)
    why = reason("TRN-01", "Fase {phase}: {label}.", phase=phase.value, label=label)
    return Position(phase, False, why)


class Step(StrEnum):
    """What a coach records after the intake; each needs the signed engagement statement."""

    ASSESSMENT = "assessment"
    PLAN = "plan"
    APPLICATION_ACTION = "application_action"
    JOB_HUNTING = "job_hunting"
    THROUGH_MEASURE = "through_measure"
    TRANSITION = "transition"


def step_refusal(facts: TrajectoryFacts, step: Step) -> Reason | None:
    """Why `step` cannot be recorded now (TRN-01, TRN-03): the engagement statement is the first
    milestone and comes before everything after the intake; nothing goes on once called off."""
    if facts.called_off_on is not None:
        return Reason("TRN-02", "Het traject is afgeblazen: er komt niets meer bij.")
    if facts.engagement_signed_on is None:
        return Reason(
            "TRN-01",
            "Eerst ondertekenen jobcoach en doelgroepwerknemer de engagementsverklaring "
            "(de eerste mijlpaal).",
        )
    return None


# TRN-01: milestones the seed recommends to mark a passage ("bijvoorbeeld met een kick-off").
class Milestone(StrEnum):
    ENGAGEMENT = "engagement"  # enforced
    KICK_OFF = "kick_off"  # recommended


MILESTONE_LABELS: dict[Milestone, str] = {
    Milestone.ENGAGEMENT: "Engagementsverklaring ondertekend",
    Milestone.KICK_OFF: "Kick-off",
}
ENFORCED_MILESTONES = frozenset({Milestone.ENGAGEMENT})


def milestone_warnings(facts: TrajectoryFacts) -> tuple[Reason, ...]:
    """Recommended milestones not marked although the worker has passed them (TRN-01): warn only."""
    position = phase_of(facts)
    if position is None or facts.engagement_signed_on is None or facts.kick_off_on is not None:
        return ()
    if ORDER.index(position.phase) >= ORDER.index(Phase.ASSESSMENT):
        return (
            Reason(
                "TRN-01",
                "Markeer de overgang naar het traject met een mijlpaal, bijvoorbeeld een "
                "kick-off met de geselecteerden en hun omkadering.",
            ),
        )
    return ()
