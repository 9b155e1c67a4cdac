"""The organisation readiness checklist (TRN-14): "Hoe 'doorstroomklaar' is uw organisatie?" — the
13 statements of seed 003, each scored 0 ("totaal niet") to 6 ("volledig"), three reflection
questions and an action plan; two fillings compared over time.

Pure: no Django, no clock.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from types import MappingProxyType

from koers.lib.rules import Phrase, Reason, phrase, reason

SCORE_MIN = 0
SCORE_MAX = 6
SCORE_LABELS: Mapping[int, Phrase] = MappingProxyType(
    {SCORE_MIN: phrase("totaal niet"), SCORE_MAX: phrase("volledig")}
)

# TRN-14: the 13 statements exactly as seed 003 writes them (pages 6–7), in its order.
STATEMENTS: tuple[Phrase, ...] = (
    phrase(
        "Mijn organisatie noemt 'doorstroom' in zijn visie en waarden en heeft dit vertaald in "
        "operationele doelstellingen."
    ),
    phrase(
        "Mijn organisatie formuleert een duidelijke en afgebakende visie op wat 'doorstroom' wel "
        "en niet inhoudt."
    ),
    phrase(
        "Alle leden van mijn organisatie vertalen deze visie op doorstroom in hun dagelijks werk."
    ),
    phrase(
        "De leden van mijn organisatie dragen deze visie uit in alle mogelijke contacten met de "
        "bedrijfswereld."
    ),
    phrase(
        "Mijn organisatie integreert 'doorstroom' in de trajecten, de functionerings- en "
        "evaluatiegesprekken, POP's en/of groeifiches, en de afspraken en overeenkomsten die met "
        "de doelgroep werknemers worden gesloten."
    ),
    phrase(
        "Actieve kennis van het Nederlands is een essentieel element in het traject naar werk op "
        "de reguliere arbeidsmarkt."
    ),
    phrase(
        "In een doorstroomtraject wordt stelselmatig toegewerkt naar kwalitatieve en "
        "kwantitatieve doelstellingen die aansluiten op prestatieverwachtingen en noden in de "
        "doelsector."
    ),
    phrase(
        "In een doorstroomtraject is job-oriëntering, sollicitatietraining en -praktijk een "
        "essentieel onderdeel."
    ),
    phrase(
        "De arbeidsvoorwaarden en werkomstandigheden van de doelgroep werknemers binnen mijn "
        "organisatie sluiten aan op de omstandigheden van gelijkaardige werksituaties in het NEC."
    ),
    phrase(
        "Het functieprofiel van de jobcoach wordt aangevuld met kennis, vaardigheden, "
        "competenties in het doelgericht communiceren met het NEC."
    ),
    phrase(
        "Mijn organisatie voorziet in vorming met betrekking tot kennis, vaardigheden, "
        "competenties in het doelgericht communiceren met het NEC."
    ),
    phrase("Mijn organisatie onderneemt commerciële acties om zichzelf kenbaar te maken."),
    phrase("Mijn organisatie is actief bezig met netwerking gericht naar het bedrijfsleven."),
)

# TRN-14: the three questions after the scores, as the seed asks them.
REFLECTION_QUESTIONS: tuple[Phrase, ...] = (
    phrase("Op welke aspecten scoort je organisatie al goed?"),
    phrase("Op welke aspecten is er nog werk aan de winkel?"),
    phrase("Hoe ga je dit aanpakken?"),
)


class Done(StrEnum):
    """The PDP's "Voltooid?" column (−, +/−, +), reused for the action plan."""

    NOT = "-"
    PARTLY = "+/-"
    DONE = "+"


@dataclass(frozen=True)
class ActionPlanRow:
    """One row of the action plan. The seed gives no shape; we reuse the PDP's action table
    (TRN-07) and add the statements the action works on. TO CONFIRM BY A PERSON."""

    action: str
    time_span: str = ""
    who: str = ""
    done: Done | None = None
    remarks: str = ""
    statements: tuple[int, ...] = ()  # 1-based numbers of the statements it addresses


@dataclass(frozen=True)
class ChecklistFilling:
    filled_on: date
    scores: tuple[int | None, ...]  # one per statement, None while not scored
    answers: tuple[str, ...] = ("", "", "")  # to the three reflection questions
    actions: tuple[ActionPlanRow, ...] = field(default=())


def score_refusal(score: object) -> Reason | None:
    """TRN-14: a score is a whole number from 0 to 6 (a 7 is refused)."""
    if isinstance(score, bool) or not isinstance(score, int) or not SCORE_MIN <= score <= SCORE_MAX:
        return reason(
            "TRN-14",
            "Een score gaat van {low} (totaal niet) tot {high} (volledig).",
            low=SCORE_MIN,
            high=SCORE_MAX,
        )
    return None


def filling_problems(filling: ChecklistFilling, *, complete: bool = False) -> tuple[Reason, ...]:
    """TRN-14: the scores one by one; with `complete`, every statement scored and each question
    answered (a filling may be saved half done)."""
    problems = []
    if len(filling.scores) != len(STATEMENTS):
        problems.append(
            reason("TRN-14", "De checklist heeft {count} uitspraken.", count=len(STATEMENTS))
        )
    for number, score in enumerate(filling.scores, start=1):
        if score is not None and score_refusal(score):
            problems.append(
                reason(
                    "TRN-14",
                    "Uitspraak {number}: een score gaat van {low} tot {high}.",
                    number=number,
                    low=SCORE_MIN,
                    high=SCORE_MAX,
                )
            )
    if complete:
        open_numbers = [str(n) for n, s in enumerate(filling.scores, start=1) if s is None]
        if open_numbers:
            problems.append(
                reason(
                    "TRN-14", "Nog te scoren: uitspraak {numbers}.", numbers=", ".join(open_numbers)
                )
            )
        if len(filling.answers) != len(REFLECTION_QUESTIONS) or not all(
            a.strip() for a in filling.answers
        ):
            problems.append(reason("TRN-14", "Beantwoord de drie vragen na de scores."))
    for row in filling.actions:
        if not row.action.strip():
            problems.append(reason("TRN-14", "Elke rij van het actieplan heeft een actie."))
        if any(not 1 <= n <= len(STATEMENTS) for n in row.statements):
            problems.append(
                reason(
                    "TRN-14",
                    "Een actie verwijst naar uitspraak 1 tot {count}.",
                    count=len(STATEMENTS),
                )
            )
    return tuple(problems)


def total(filling: ChecklistFilling) -> int:
    return sum(s for s in filling.scores if s is not None)


def average(filling: ChecklistFilling) -> Decimal | None:
    """The mean of the scored statements, one decimal; None when none is scored."""
    scored = [s for s in filling.scores if s is not None]
    if not scored:
        return None
    return (Decimal(sum(scored)) / len(scored)).quantize(Decimal("0.1"), ROUND_HALF_UP)


def _ranked(filling: ChecklistFilling, highest: bool) -> tuple[int, ...]:
    scored = [(s, n) for n, s in enumerate(filling.scores, start=1) if s is not None]
    if not scored:
        return ()
    best = max(s for s, _ in scored) if highest else min(s for s, _ in scored)
    return tuple(n for s, n in scored if s == best)


def strongest(filling: ChecklistFilling) -> tuple[int, ...]:
    """The statements with the highest score: a start for "where do we score well?"."""
    return _ranked(filling, highest=True)


def weakest(filling: ChecklistFilling) -> tuple[int, ...]:
    """The statements with the lowest score: a start for "where is work to do?"."""
    return _ranked(filling, highest=False)


@dataclass(frozen=True)
class StatementChange:
    number: int
    first: int | None
    second: int | None
    difference: int | None  # None when either filling left it open


@dataclass(frozen=True)
class ChecklistComparison:
    first_on: date
    second_on: date
    changes: tuple[StatementChange, ...]
    total_difference: int

    @property
    def improved(self) -> tuple[int, ...]:
        return tuple(c.number for c in self.changes if (c.difference or 0) > 0)

    @property
    def declined(self) -> tuple[int, ...]:
        return tuple(c.number for c in self.changes if (c.difference or 0) < 0)


def compare(first: ChecklistFilling, second: ChecklistFilling) -> ChecklistComparison:
    """TRN-14: two fillings over time, statement by statement; the earlier one is the baseline
    whichever order they are given in. Totals count only statements scored in both."""
    first, second = sorted((first, second), key=lambda f: f.filled_on)
    changes = []
    for number, (a, b) in enumerate(zip(first.scores, second.scores, strict=True), start=1):
        changes.append(StatementChange(number, a, b, None if a is None or b is None else b - a))
    return ChecklistComparison(
        first.filled_on,
        second.filled_on,
        tuple(changes),
        sum(c.difference for c in changes if c.difference is not None),
    )
