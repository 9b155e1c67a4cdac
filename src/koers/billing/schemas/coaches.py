"""API shapes of the coach administration (BIL-05, BIL-06)."""

from datetime import date, datetime
from typing import Annotated

from ninja import Field, Schema

from koers.api.schemas import Id, RuleReasonOut

# A calendar year in a query or body (bounded: a huge number is a 422, not a database error).
Year = Annotated[int, Field(ge=2000, le=2100)]


class CoachLocationChangeOut(Schema):
    id: int
    kind: str = Field(description="started of ended")
    on: date
    message: str = Field(description="De zin voor VDAB (BIL-05).")
    passed_on_at: datetime | None
    passed_on_by_id: int | None


class CoachLocationOut(Schema):
    id: int
    coach_id: int
    centre_id: int
    location_id: int | None
    name: str
    started_on: date
    ended_on: date | None
    reported_on: date
    changes: list[CoachLocationChangeOut]


class CoachLocationPage(Schema):
    count: int
    items: list[CoachLocationOut]


class CoachLocationStartIn(Schema):
    coach_id: Id | None = Field(None, description="Leeg: de coach zelf.")
    location_id: Id | None = Field(None, description="Een locatie van het centrum.")
    location_name: str = Field("", max_length=200, description="Anders: een vrije naam.")
    started_on: date


class CoachLocationEndIn(Schema):
    ended_on: date


class DevelopmentPlanOut(Schema):
    id: int
    coach_id: int
    centre_id: int
    year: int
    template: str = Field(description="first_time of returning (BIL-06)")
    received_on: date
    note: str
    has_file: bool = Field(description="Een bestand is opgeladen op de pagina.")


class DevelopmentPlanPage(Schema):
    count: int
    items: list[DevelopmentPlanOut]


class DevelopmentPlanStatusOut(Schema):
    coach_id: int
    year: int
    template: str
    received: bool
    due_on: date
    reminder_due: bool
    late: bool
    reasons: list[RuleReasonOut]


class DevelopmentPlanReceiveIn(Schema):
    coach_id: Id
    year: Year
    received_on: date
    note: str = Field("", max_length=500)
