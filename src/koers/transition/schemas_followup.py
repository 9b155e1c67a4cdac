"""Input and output shapes of the follow-up endpoints (TRN-17)."""

from datetime import date
from typing import Literal

from ninja import Field, Schema

from koers.api.schemas import Id


class TransitionFollowupRecordOut(Schema):
    id: Id
    day: date
    checkpoint: str
    status: str
    employer_name: str
    note: str


class TransitionCheckpointOut(Schema):
    checkpoint: str = Field(
        description="first (2 weken) of second (6 maanden) volgens de regelset."
    )
    label: str
    due: date
    remind_from: date
    state: str = Field(description="upcoming, reminder, due, overdue, recorded of closed.")


class TransitionPlacementOut(Schema):
    id: Id
    file_id: Id
    client_name: str
    destination: str
    first_day: date
    employer_id: Id | None
    employer_name: str
    current_employer: str
    measure_id: Id | None
    stopped_on: date | None
    checkpoints: list[TransitionCheckpointOut]
    records: list[TransitionFollowupRecordOut]


class TransitionPlacementListOut(Schema):
    count: int
    items: list[TransitionPlacementOut]


class TransitionPlacementIn(Schema):
    file_id: Id
    destination: Literal["work", "ibo"]
    first_day: date
    employer_id: Id | None = None
    new_employer_name: str = Field("", max_length=200)
    measure_id: Id | None = None
    note: str = Field("", max_length=5000)


class TransitionFollowupIn(Schema):
    day: date
    status: Literal["in_work", "in_ibo", "stopped"]
    checkpoint: Literal["", "first", "second"] = ""
    employer_name: str = Field("", max_length=200)
    note: str = Field("", max_length=5000)


class TransitionLeftForTrainingIn(Schema):
    left_for_training_on: date | None = Field(
        description="TRN-13 KPI 11: de dag van vertrek naar een opleiding; null wist hem."
    )


class TransitionLeftForTrainingOut(Schema):
    file_id: Id
    left_for_training_on: date | None
