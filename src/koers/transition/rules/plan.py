"""TRN-07: the personal transition plan (Persoonlijk Doorstroom Plan, PDP).

Questions map the remaining needs and obstacles, the resources found to remove them lead to
actions, and an action table (concrete action, time span, who, done −, +/−, +, remarks) is followed
up and evaluated in later coaching conversations. Every change is a new version made from the
previous one, so the plan's history is kept.

TO CONFIRM BY A PERSON — the seed's PDP questions were an image ("De vragen in bovenstaand schema");
`DEFAULT_QUESTIONS` is Koers' sensible default, built from the obstacles the seed names elsewhere
(kinderopvang, openbaar vervoer, taalkennis, jobdoelwit, opleidingsvraag). An organisation sets
its own list.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from enum import StrEnum

from koers.lib.rules import Reason, reason


class QuestionKind(StrEnum):
    NEED = "need"
    OBSTACLE = "obstacle"
    RESOURCE = "resource"


@dataclass(frozen=True)
class Question:
    code: str
    text: str
    kind: QuestionKind


# TO CONFIRM BY A PERSON: the seed's questions were an image.
DEFAULT_QUESTIONS: tuple[Question, ...] = (
    Question("jobdoelwit", "Welke job wil je doen? Wat is je jobdoelwit?", QuestionKind.NEED),
    Question(
        "nodig",
        "Wat heb je nog nodig om die job te kunnen doen (opleiding, attest, rijbewijs, ervaring)?",
        QuestionKind.NEED,
    ),
    Question(
        "competenties",
        "Welke competenties wil je nog versterken (zie de groeipunten uit het assessment)?",
        QuestionKind.NEED,
    ),
    Question(
        "belemmeringen",
        "Wat houdt je tegen of kan je tegenhouden (kinderopvang, vervoer, gezondheid, taal, "
        "financiën)?",
        QuestionKind.OBSTACLE,
    ),
    Question(
        "zelf", "Wat kan je zelf doen om die hindernissen weg te nemen?", QuestionKind.RESOURCE
    ),
    Question(
        "hulpbronnen",
        "Wie of wat kan je daarbij helpen (omkadering, familie, VDAB, diensten)?",
        QuestionKind.RESOURCE,
    ),
)


def questions_refusal(questions: Iterable[Question]) -> tuple[Reason, ...]:
    """An organisation's PDP questions: at least one, each with a text, codes unique (TRN-07)."""
    questions = list(questions)
    refusals: list[Reason] = []
    if not questions:
        refusals.append(Reason("TRN-07", "Het PDP heeft minstens één vraag."))
    if any(not q.text.strip() or not q.code.strip() for q in questions):
        refusals.append(Reason("TRN-07", "Elke PDP-vraag heeft een tekst en een code."))
    codes = [q.code for q in questions]
    doubles = sorted({c for c in codes if codes.count(c) > 1})
    if doubles:
        refusals.append(
            reason(
                "TRN-07", "Deze codes komen meer dan eens voor: {codes}.", codes=", ".join(doubles)
            )
        )
    return tuple(refusals)


class Done(StrEnum):
    """The seed's "Voltooid?" column."""

    NO = "-"
    PARTLY = "+/-"
    YES = "+"


DONE_LABELS: dict[Done, str] = {Done.NO: "niet", Done.PARTLY: "gedeeltelijk", Done.YES: "voltooid"}


@dataclass(frozen=True)
class Action:
    """One row of the action table: concrete action, time span, who, done, remarks."""

    action: str
    starts_on: date | None = None
    ends_on: date | None = None
    who: str = ""
    done: str | None = None  # one of Done, or None while not yet evaluated
    remarks: str = ""


def action_refusal(action: Action) -> tuple[Reason, ...]:
    """Why this action row cannot be saved (TRN-07); empty when it can."""
    refusals: list[Reason] = []
    if not action.action.strip():
        refusals.append(Reason("TRN-07", "Beschrijf de actie concreet."))
    if action.starts_on and action.ends_on and action.ends_on < action.starts_on:
        refusals.append(Reason("TRN-07", "De tijdspanne eindigt niet vóór ze begint."))
    if action.done is not None and action.done not in {d.value for d in Done}:
        refusals.append(
            reason("TRN-07", "‘Voltooid?’ is −, +/− of +, niet ‘{value}’.", value=action.done)
        )
    return tuple(refusals)


def overdue_actions(actions: Iterable[Action], today: date) -> tuple[Action, ...]:
    """Actions whose time span is over and that are not done: to follow up in coaching (TRN-07)."""
    return tuple(
        a for a in actions if a.ends_on is not None and a.ends_on < today and a.done != Done.YES
    )


@dataclass(frozen=True)
class PlanVersion:
    number: int
    made_on: date
    answers: Mapping[str, str] = field(default_factory=dict)  # question code -> answer
    resources: tuple[str, ...] = ()  # the resources found (hulpbronnen)
    actions: tuple[Action, ...] = ()
    based_on: int | None = None  # the version it was made from


def first_version(made_on: date) -> PlanVersion:
    return PlanVersion(number=1, made_on=made_on)


def new_version(previous: PlanVersion, made_on: date) -> PlanVersion:
    """A new version made from the previous one: everything carried over, to be changed."""
    return replace(previous, number=previous.number + 1, made_on=made_on, based_on=previous.number)


def version_refusal(
    plan: PlanVersion, previous: PlanVersion | None, questions: Iterable[Question]
) -> tuple[Reason, ...]:
    """Why this version cannot be kept (TRN-07): it follows the previous one, answers only the
    organisation's questions, and every action row is valid."""
    refusals: list[Reason] = []
    if previous is None:
        if plan.number != 1 or plan.based_on is not None:
            refusals.append(Reason("TRN-07", "De eerste versie van het PDP is versie 1."))
    else:
        if plan.number != previous.number + 1 or plan.based_on != previous.number:
            refusals.append(
                reason(
                    "TRN-07", "Een nieuwe versie volgt op versie {number}.", number=previous.number
                )
            )
        if plan.made_on < previous.made_on:
            refusals.append(Reason("TRN-07", "Een nieuwe versie dateert niet van vóór de vorige."))
    unknown = sorted(set(plan.answers) - {q.code for q in questions})
    if unknown:
        refusals.append(
            reason("TRN-07", "Onbekende PDP-vragen: {codes}.", codes=", ".join(unknown))
        )
    for row, action in enumerate(plan.actions, start=1):
        refusals.extend(
            reason(
                "TRN-07",
                "Actie {row}: {problem}",
                row=row,
                problem=replace(problem, rule=""),  # the sentence alone, translated when shown
            )
            for problem in action_refusal(action)
        )
    return tuple(refusals)


def unanswered(plan: PlanVersion, questions: Iterable[Question]) -> tuple[Question, ...]:
    """The questions this version does not answer yet (a reminder, not a refusal)."""
    return tuple(q for q in questions if not plan.answers.get(q.code, "").strip())
