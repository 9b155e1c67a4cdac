"""TRN-03: the intake — two coaches, the intake form, STARR notes, the decision, the engagement
statement (the first milestone) and the kick-off.

The intake form has an administrative part (page 1) the worker fills in himself (so the coach
sees his language and self-reliance), then reviewed and completed in the interview; an in-depth
interview on motivation, job target and competences using STARR. After it the decision (start /
no start) is recorded and fed back to the worker and the supervisors. When positive, coach and
worker both sign the engagement statement; the selected workers are invited, with their
instructors and counsellors, to a kick-off.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from koers.lib.rules import Joined, Phrase, Reason, phrase, reason
from koers.transition.rules.competences import Competence, Indicators
from koers.transition.rules.ruleset import TransitionRuleset


class StarrPart(StrEnum):
    SITUATION = "situation"
    TASK = "task"
    ACTION = "action"
    RESULT = "result"
    REFLECTION = "reflection"


STARR_LABELS: dict[StarrPart, Phrase] = {
    StarrPart.SITUATION: phrase("Situatie"),
    StarrPart.TASK: phrase("Taak"),
    StarrPart.ACTION: phrase("Acties"),
    StarrPart.RESULT: phrase("Resultaat"),
    StarrPart.REFLECTION: phrase("Reflectie"),
}

# TRN-03: the seed's prompts per part of STARR.
STARR_PROMPTS: dict[StarrPart, tuple[str, ...]] = {
    StarrPart.SITUATION: ("Wat speelde er?",),
    StarrPart.TASK: ("Wat waren je taken?", "Wat werd er van je verwacht?"),
    StarrPart.ACTION: ("Wat heb je concreet gezegd of gedaan?",),
    StarrPart.RESULT: (
        "Wat gebeurde er daarna?",
        "Wat was het resultaat?",
        "Hoe ging de klant weg?",
        "Was uw chef tevreden?",
    ),
    StarrPart.REFLECTION: (
        "Wat heb je hieruit geleerd?",
        "Hoe zou je het nu doen?",
        "Wat lukte goed?",
        "Wat lukte minder goed?",
    ),
}


@dataclass(frozen=True)
class StarrNote:
    """One example the worker told, noted per STARR part, under one competence."""

    competence: str
    situation: str = ""
    task: str = ""
    action: str = ""
    result: str = ""
    reflection: str = ""

    def part(self, part: StarrPart) -> str:
        return getattr(self, part.value)


def starr_missing(note: StarrNote) -> tuple[StarrPart, ...]:
    return tuple(p for p in StarrPart if not note.part(p).strip())


def starr_complete(note: StarrNote) -> bool:
    """A complete STARR note: a competence and all five parts written."""
    return bool(note.competence) and not starr_missing(note)


def starr_refusal(note: StarrNote, codes: Iterable[str]) -> tuple[Reason, ...]:
    """Why a STARR note is not complete (TRN-03): it belongs to a competence of the profile and
    has all five parts. A coach may keep an incomplete note as a draft; these say what is missing."""
    refusals: list[Reason] = []
    if note.competence not in set(codes):
        refusals.append(
            Reason("TRN-03", "Kies een competentie uit het profiel voor deze STARR-notitie.")
        )
    missing = starr_missing(note)
    if missing:
        refusals.append(
            reason(
                "TRN-03",
                "De STARR-notitie mist nog: {parts}.",
                parts=Joined(tuple(STARR_LABELS[p] for p in missing)),
            )
        )
    return tuple(refusals)


class Decision(StrEnum):
    START = "start"
    NO_START = "no_start"


DECISION_LABELS: dict[Decision, str] = {
    Decision.START: "Start doorstroomtraject",
    Decision.NO_START: "Geen start",
}


@dataclass(frozen=True)
class IntakeFacts:
    held_on: date | None = None
    coach: str = ""
    second_coach: str = ""  # preferably a second, independent coach
    second_coach_independent: bool = False  # not the worker's own coach or supervisor
    administrative_by_worker: bool = False  # page 1 filled in by the worker himself
    administrative_completed: bool = False  # reviewed and completed in the interview
    starr_notes: tuple[StarrNote, ...] = ()
    decision: Decision | None = None
    decided_on: date | None = None
    feedback_worker_on: date | None = None  # "Feedback Selectie Doelgroepwerknemer"
    feedback_supervisors_on: date | None = None
    engagement_worker_signed_on: date | None = None
    engagement_coach_signed_on: date | None = None


def intake_warnings(facts: IntakeFacts, ruleset: TransitionRuleset) -> tuple[Reason, ...]:
    """The seed's advice for the intake, as warnings (TRN-03)."""
    warnings: list[Reason] = []
    if ruleset.intake_second_coach_preferred:
        if not facts.second_coach.strip():
            warnings.append(
                Reason(
                    "TRN-03",
                    "Voer de intake bij voorkeur samen met een tweede, onafhankelijke jobcoach.",
                )
            )
        elif facts.second_coach == facts.coach:
            warnings.append(Reason("TRN-03", "De tweede jobcoach is een andere dan de eerste."))
        elif not facts.second_coach_independent:
            warnings.append(Reason("TRN-03", "De tweede jobcoach is bij voorkeur onafhankelijk."))
    if not facts.administrative_by_worker:
        warnings.append(
            Reason(
                "TRN-03",
                "Laat de doelgroepwerknemer het administratieve luik zelf invullen: zo zie je "
                "zijn taalvaardigheid en zelfredzaamheid.",
            )
        )
    return tuple(warnings)


def decision_refusal(facts: IntakeFacts, decision: Decision, on: date) -> tuple[Reason, ...]:
    """Why the decision start / no start cannot be recorded yet (TRN-03)."""
    refusals: list[Reason] = []
    if facts.held_on is None:
        refusals.append(Reason("TRN-03", "Noteer eerst wanneer het intakegesprek plaatsvond."))
    elif on < facts.held_on:
        refusals.append(Reason("TRN-03", "De beslissing valt niet vóór het intakegesprek."))
    if not facts.administrative_completed:
        refusals.append(
            Reason("TRN-03", "Overloop en vul het administratieve luik aan in het gesprek.")
        )
    if decision == Decision.START and not facts.starr_notes:
        refusals.append(
            Reason("TRN-03", "Noteer minstens één STARR-voorbeeld uit het diepte-interview.")
        )
    return tuple(refusals)


def feedback_missing(facts: IntakeFacts) -> tuple[Reason, ...]:
    """After the decision, the selection is fed back to the worker and the supervisors (TRN-03)."""
    if facts.decision is None:
        return ()
    missing: list[Reason] = []
    if facts.feedback_worker_on is None:
        missing.append(Reason("TRN-03", "Koppel de selectie terug naar de doelgroepwerknemer."))
    if facts.feedback_supervisors_on is None:
        missing.append(Reason("TRN-03", "Koppel de selectie terug naar de omkadering."))
    return tuple(missing)


def engagement_refusal(facts: IntakeFacts) -> Reason | None:
    """TRN-03: the engagement statement follows a positive decision and is signed by both the
    coach and the worker, not before the decision."""
    if facts.decision != Decision.START:
        return Reason(
            "TRN-03", "De engagementsverklaring volgt op een positieve beslissing na de intake."
        )
    signatures = (facts.engagement_worker_signed_on, facts.engagement_coach_signed_on)
    if None in signatures:
        return Reason(
            "TRN-03",
            "Jobcoach en doelgroepwerknemer ondertekenen allebei de engagementsverklaring.",
        )
    if facts.decided_on is not None and min(signatures) < facts.decided_on:  # type: ignore[type-var]
        return Reason(
            "TRN-03", "De engagementsverklaring wordt niet vóór de beslissing ondertekend."
        )
    return None


def engagement_signed_on(facts: IntakeFacts) -> date | None:
    """The day the first milestone is reached: the later of both signatures, once valid."""
    if engagement_refusal(facts) is not None:
        return None
    return max(facts.engagement_worker_signed_on, facts.engagement_coach_signed_on)  # type: ignore[type-var]


@dataclass(frozen=True)
class KickOffInvitee:
    worker: str
    selected: bool  # a positive intake decision
    supervisors: tuple[str, ...] = ()  # the worker's instructors and counsellors
    supervisors_invited: frozenset[str] = field(default_factory=frozenset)


def kick_off_refusals(invitees: Iterable[KickOffInvitee]) -> tuple[Reason, ...]:
    """TRN-03: the kick-off is for the workers selected at the intake."""
    return tuple(
        reason("TRN-03", "{worker} is niet geselecteerd na de intake.", worker=invitee.worker)
        for invitee in invitees
        if not invitee.selected
    )


def kick_off_warnings(invitees: Iterable[KickOffInvitee]) -> tuple[Reason, ...]:
    """TRN-03: the selected workers come with their instructors and counsellors; warn when some
    of them are not invited."""
    warnings: list[Reason] = []
    for invitee in invitees:
        missing = [s for s in invitee.supervisors if s not in invitee.supervisors_invited]
        if invitee.selected and missing:
            warnings.append(
                reason(
                    "TRN-03",
                    "Nodig ook de omkadering van {worker} uit: {names}.",
                    worker=invitee.worker,
                    names=", ".join(missing),
                )
            )
    return tuple(warnings)


def notes_by_competence(notes: Iterable[StarrNote]) -> Mapping[str, tuple[StarrNote, ...]]:
    """The STARR notes grouped under their competence, for the observation form (TRN-05)."""
    grouped: dict[str, list[StarrNote]] = {}
    for note in notes:
        grouped.setdefault(note.competence, []).append(note)
    return {code: tuple(items) for code, items in grouped.items()}


@dataclass(frozen=True)
class ObservationPrompt:
    """One line of the intake form's last page: a competence to watch and what shows it."""

    competence: str
    label: str
    definition: str
    cues: tuple[str, ...]  # the behaviour at "goed", a reminder of what to look for


def observation_prompts(
    competences: Iterable[Competence], indicators: Mapping[str, Indicators]
) -> tuple[ObservationPrompt, ...]:
    """TRN-03, TRN-05: "geheugensteuntjes ter observatie" tied to the competence profile; a
    competence without indicators yet is listed by name only."""
    prompts = []
    for competence in competences:
        known = indicators.get(competence.code)
        cues = tuple(row.levels[2] for row in known.rows) if known else ()
        definition = known.definition if known else ""
        prompts.append(ObservationPrompt(competence.code, competence.label, definition, cues))
    return tuple(prompts)
