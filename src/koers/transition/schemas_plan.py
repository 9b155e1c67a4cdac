"""Input and output shapes of the PDP endpoints (TRN-07)."""

from datetime import date, datetime
from typing import Literal

from ninja import Field, Schema

from koers.api.schemas import Id


class PlanQuestionSchema(Schema):
    code: str = Field(max_length=40)
    text: str = Field(max_length=500)
    kind: str = Field(description="need, obstacle of resource.")


class PlanQuestionsIn(Schema):
    questions: list[PlanQuestionSchema]


class PlanQuestionsOut(Schema):
    organisation_id: Id
    questions: list[PlanQuestionSchema]


class PdpActionSchema(Schema):
    action: str = Field(max_length=500)
    starts_on: date | None = None
    ends_on: date | None = None
    who: str = Field("", max_length=120)
    done: Literal["-", "+/-", "+"] | None = None
    remarks: str = Field("", max_length=500)


class PdpVersionIn(Schema):
    answers: dict[str, str] = Field(default_factory=dict, description="Vraagcode → antwoord.")
    actions: list[PdpActionSchema] = []


class PdpReviewIn(Schema):
    contact_id: Id | None = Field(None, description="Een contact van het traject.")
    reviewed_on: date | None = Field(None, description="Zonder contact: de datum.")


class PdpVersionOut(Schema):
    number: int
    made_on: date
    created_at: datetime
    author_id: int | None
    answers: dict[str, str]
    actions: list[PdpActionSchema]
    overdue: list[int] = Field(description="Rijnummers (vanaf 1) van acties over tijd.")
    reviewed_on: date | None
    reviewed_in_contact: int | None
    reviewed_version: int | None


class PdpOut(Schema):
    file_id: Id
    plan_id: Id | None
    can_start: bool
    refusal: str | None
    questions: list[PlanQuestionSchema]
    latest: PdpVersionOut | None
    latest_review_on: date | None


class PdpVersionsOut(Schema):
    count: int
    items: list[PdpVersionOut]
