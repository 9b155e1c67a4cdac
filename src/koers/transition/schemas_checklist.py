"""API schemas of the organisation readiness checklist (TRN-14)."""

from datetime import date
from decimal import Decimal

from ninja import Schema

from koers.api.schemas import Id


class ActionRowIn(Schema):
    action: str
    time_span: str = ""
    who: str = ""
    done: str = ""  # "-", "+/-", "+" or empty
    remarks: str = ""
    statements: list[int] = []


class ChecklistIn(Schema):
    organisation_id: Id | None = None
    filled_on: date
    scores: list[int | None]  # 13, each 0–6 or null while not scored
    answers: list[str] = ["", "", ""]
    actions: list[ActionRowIn] = []


class TransitionChecklistOut(Schema):
    id: int
    organisation_id: int
    filled_on: date
    scores: list[int | None]
    answers: list[str]
    actions: list[dict]
    total: int
    average: Decimal | None
    strongest: list[int]
    weakest: list[int]
    filled_by_id: int


class ChecklistListOut(Schema):
    count: int
    items: list[TransitionChecklistOut]


class StatementChangeOut(Schema):
    number: int
    statement: str
    first: int | None
    second: int | None
    difference: int | None


class ChecklistCompareOut(Schema):
    first: TransitionChecklistOut
    second: TransitionChecklistOut
    changes: list[StatementChangeOut]
    total_difference: int
    improved: list[int]
    declined: list[int]
