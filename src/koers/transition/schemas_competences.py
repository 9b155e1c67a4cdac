"""Input and output shapes of the competence-profile endpoints (TRN-04/05)."""

from ninja import Field, Schema

from koers.api.schemas import Id


class IndicatorRowIn(Schema):
    insufficient: str = Field("", max_length=2000, description="Onvoldoende")
    moderate: str = Field("", max_length=2000, description="Matig")
    good: str = Field("", max_length=2000, description="Goed")
    very_good: str = Field("", max_length=2000, description="Zeer goed")


class IndicatorRowOut(IndicatorRowIn):
    id: Id
    position: int


class CompetenceOut(Schema):
    id: Id
    code: str
    name: str
    group: str = Field(description="core, additional of extra (TRN-04).")
    active: bool
    from_seed: bool
    definition: str
    indicators: list[IndicatorRowOut]


class ProfileOut(Schema):
    organisation_id: Id
    items: list[CompetenceOut]


class CompetenceIn(Schema):
    name: str = Field(max_length=200)
    group: str = Field(description="core, additional of extra.")
    definition: str = Field("", max_length=4000)


class CompetencePatch(Schema):
    active: bool | None = None
    definition: str | None = Field(None, max_length=4000)
    name: str | None = Field(None, max_length=200, description="Enkel voor een eigen competentie.")
