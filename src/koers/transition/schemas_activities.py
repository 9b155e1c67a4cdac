"""Input and output shapes of the activity, portfolio and VDAB-status endpoints (TRN-08)."""

from datetime import date

from ninja import Field, Schema

from koers.api.schemas import Id


class ActivityIn(Schema):
    kind: str = Field(description="training, job_center_1, job_center_2, job_search, …")
    on: date
    training: str = Field("", max_length=40, description="Sleutel uit de lijst van trainingen.")
    training_form: str = Field("", max_length=16, description="individual of collective.")
    employer_id: Id | None = None
    vacancy: str = Field("", max_length=300)
    note: str = Field("", max_length=4000)


class ActivityOut(Schema):
    id: Id
    file_id: Id
    kind: str
    kind_label: str
    on: date
    training: str
    training_form: str
    employer_id: Id | None
    employer_name: str
    vacancy: str
    note: str
    by_id: Id


class ActivityListOut(Schema):
    count: int
    items: list[ActivityOut]


class ActivityRemovalIn(Schema):
    why: str = Field(max_length=100, description="Waarom de actie geschrapt wordt.")


class PortfolioIn(Schema):
    portfolio: list[str] = Field(description="cv, motivation_letter, stoefboek.")
    vdab_status: str = Field("", description="working, working_and_seeking of leeg.")


class PortfolioOut(Schema):
    file_id: Id
    portfolio: list[str]
    vdab_status: str
    reminders: list[str]
