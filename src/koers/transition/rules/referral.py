"""TRN-02, TRN-15: a worker proposed as ready for transition ("doorstroomklaar"), up to the intake.

    PROPOSED --> DIALOGUE --> INVITED --> INTAKE
        \\            \\          \\          \\
         +------------+----------+----------+--> CALLED_OFF (a reason is recorded)

Anyone may propose a worker, the worker too; the referral records who and why (TRN-15). The
dialogue with the worker and the supervisors answers the seed's four questions; the official
invitation to intake formalises a positive decision, and only after the coach has confirmed that
the worker has enough basic Dutch and that the trajectory is no pretext to end the cooperation.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from koers.lib.rules import Joined, Phrase, Reason, phrase, reason, transition_refusal


class Proposer(StrEnum):
    """TRN-02: "kan in principe door iedereen worden genomen", the worker included."""

    WORKER = "worker"
    SUPERVISOR = "supervisor"  # instructeur, werkleider, ploegbaas
    COACH = "coach"
    OTHER = "other"


PROPOSER_LABELS: dict[Proposer, str] = {
    Proposer.WORKER: "de doelgroepwerknemer zelf",
    Proposer.SUPERVISOR: "de omkadering op de werkvloer",
    Proposer.COACH: "de jobcoach",
    Proposer.OTHER: "iemand anders",
}


class DialoguePoint(StrEnum):
    MOTIVATION = "motivation"
    STRENGTHS = "strengths"
    WHY_READY = "why_ready"
    JOB_TARGET = "job_target"


# TRN-02: the four questions of the dialogue, as seed 003 writes them.
DIALOGUE_QUESTIONS: dict[DialoguePoint, str] = {
    DialoguePoint.MOTIVATION: (
        "Wat is de (intrinsieke) motivering voor toeleiding tot een doorstroomtraject naar uitstroom?"
    ),
    DialoguePoint.STRENGTHS: (
        "Wat zijn de positieve punten volgens de omkadering van de doelgroepwerknemer, en welke "
        "zijn de aandachtspunten?"
    ),
    DialoguePoint.WHY_READY: (
        "Waarom is volgens zijn omkadering de doelgroepwerknemer klaar voor doorstroom?"
    ),
    DialoguePoint.JOB_TARGET: "Heeft de doelgroepwerknemer een duidelijk jobdoelwit?",
}
DIALOGUE_SHORT: dict[DialoguePoint, Phrase] = {
    DialoguePoint.MOTIVATION: phrase("motivatie"),
    DialoguePoint.STRENGTHS: phrase("positieve punten en aandachtspunten"),
    DialoguePoint.WHY_READY: phrase("waarom klaar voor doorstroom"),
    DialoguePoint.JOB_TARGET: phrase("jobdoelwit"),
}


class PretextSignal(StrEnum):
    """TRN-15: "mag geen voorwendsel zijn om de samenwerking … af te ronden (bijvoorbeeld einde
    subsidie, herhaaldelijk slecht functioneren …)"."""

    END_OF_SUBSIDY = "end_of_subsidy"
    REPEATED_POOR_PERFORMANCE = "repeated_poor_performance"
    OTHER = "other"


PRETEXT_LABELS: dict[PretextSignal, Phrase] = {
    PretextSignal.END_OF_SUBSIDY: phrase("einde subsidie"),
    PretextSignal.REPEATED_POOR_PERFORMANCE: phrase("herhaaldelijk slecht functioneren"),
    PretextSignal.OTHER: phrase("een andere reden om de samenwerking af te ronden"),
}


class ReferralState(StrEnum):
    PROPOSED = "proposed"
    DIALOGUE = "dialogue"  # the dialogue with worker and supervisors is under way
    INVITED = "invited"  # the official invitation to intake went out
    INTAKE = "intake"  # the intake took place; its decision is the intake's (TRN-03)
    CALLED_OFF = "called_off"


STATE_LABELS: dict[ReferralState, Phrase] = {
    ReferralState.PROPOSED: phrase("Voorgesteld"),
    ReferralState.DIALOGUE: phrase("In dialoog"),
    ReferralState.INVITED: phrase("Uitgenodigd voor intake"),
    ReferralState.INTAKE: phrase("Intake gehouden"),
    ReferralState.CALLED_OFF: phrase("Afgeblazen"),
}

REFERRAL_TRANSITIONS: dict[str, frozenset[str]] = {
    ReferralState.PROPOSED: frozenset({ReferralState.DIALOGUE, ReferralState.CALLED_OFF}),
    ReferralState.DIALOGUE: frozenset({ReferralState.INVITED, ReferralState.CALLED_OFF}),
    ReferralState.INVITED: frozenset({ReferralState.INTAKE, ReferralState.CALLED_OFF}),
    ReferralState.INTAKE: frozenset({ReferralState.CALLED_OFF}),
    ReferralState.CALLED_OFF: frozenset(),
}


def referral_state_refusal(
    current: str, new: str, labels: Mapping[str, str] | None = None
) -> Reason | None:
    """TRN-02: may a referral move from `current` to `new` (the referral's door asks this)."""
    return transition_refusal(REFERRAL_TRANSITIONS, current, new, "TRN-02", labels or STATE_LABELS)


@dataclass(frozen=True)
class ReferralFacts:
    proposed_by: Proposer | None = None
    why: str = ""  # TRN-15: why the worker is proposed
    answers: Mapping[DialoguePoint, str] = field(default_factory=dict)
    basic_dutch_confirmed: bool = False  # TRN-15
    no_pretext_confirmed: bool = False  # TRN-15
    pretext_signals: frozenset[PretextSignal] = frozenset()  # what the coach noticed
    state: ReferralState = ReferralState.PROPOSED


def proposal_refusals(facts: ReferralFacts) -> tuple[Reason, ...]:
    """TRN-15: a referral records who started it and why."""
    refusals = []
    if facts.proposed_by is None:
        refusals.append(Reason("TRN-15", "Noteer wie de doelgroepwerknemer voorstelt."))
    if not facts.why.strip():
        refusals.append(Reason("TRN-15", "Noteer waarom de doelgroepwerknemer doorstroomklaar is."))
    return tuple(refusals)


def missing_dialogue_points(facts: ReferralFacts) -> tuple[DialoguePoint, ...]:
    return tuple(p for p in DialoguePoint if not facts.answers.get(p, "").strip())


def invitation_refusal(facts: ReferralFacts) -> tuple[Reason, ...]:
    """Why the official invitation to intake cannot go out yet (TRN-02, TRN-15); empty when it can."""
    refusals = list(proposal_refusals(facts))
    if facts.state != ReferralState.DIALOGUE:
        refusals.append(
            reason(
                "TRN-02",
                "Uitnodigen kan na de dialoog, niet vanuit ‘{state}’.",
                state=STATE_LABELS[facts.state],
            )
        )
    missing = missing_dialogue_points(facts)
    if missing:
        refusals.append(
            reason(
                "TRN-02",
                "De dialoog beantwoordt nog niet: {points}.",
                points=Joined(tuple(DIALOGUE_SHORT[p] for p in missing)),
            )
        )
    if not facts.basic_dutch_confirmed:
        refusals.append(
            Reason(
                "TRN-15",
                "Bevestig dat de doelgroepwerknemer voldoende basiskennis Nederlands heeft.",
            )
        )
    if facts.pretext_signals:
        refusals.append(
            reason(
                "TRN-15",
                "Het traject mag geen voorwendsel zijn om de samenwerking af te ronden ({signals}).",
                signals=Joined(tuple(PRETEXT_LABELS[s] for s in sorted(facts.pretext_signals))),
            )
        )
    elif not facts.no_pretext_confirmed:
        refusals.append(
            Reason(
                "TRN-15",
                "Bevestig dat het traject geen voorwendsel is om de samenwerking af te ronden "
                "(bijvoorbeeld einde subsidie, herhaaldelijk slecht functioneren).",
            )
        )
    return tuple(refusals)


class CallOffGround(StrEnum):
    LACK_OF_ENGAGEMENT = "lack_of_engagement"  # TRN-02: the seed's ground
    WORKER_WITHDRAWS = "worker_withdraws"
    OTHER = "other"


CALL_OFF_LABELS: dict[CallOffGround, str] = {
    CallOffGround.LACK_OF_ENGAGEMENT: "gebrek aan engagement en inspanning in functie van een job in het NEC",
    CallOffGround.WORKER_WITHDRAWS: "de doelgroepwerknemer ziet af van doorstroom",
    CallOffGround.OTHER: "andere reden",
}


def call_off_refusal(
    state: ReferralState, ground: CallOffGround | None, explanation: str
) -> Reason | None:
    """TRN-02: a coach may call a trajectory off; the ground and an explanation are recorded."""
    refused = referral_state_refusal(state, ReferralState.CALLED_OFF)
    if refused is not None:
        return refused
    if ground is None:
        return Reason("TRN-02", "Kies waarom het traject wordt afgeblazen.")
    if not explanation.strip():
        return Reason("TRN-02", "Noteer de reden waarom het traject wordt afgeblazen.")
    return None
