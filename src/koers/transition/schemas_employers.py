"""Input and output shapes of the employer endpoints (TRN-08/13)."""

from datetime import date

from ninja import Field, Schema

from koers.api.schemas import Id


class EmployerIn(Schema):
    organisation_id: Id | None = Field(None, description="Zonder: de enige organisatie.")
    name: str = Field(max_length=200)
    sector: str = Field("", max_length=200)
    municipality: str = Field("", max_length=120)
    contact_name: str = Field("", max_length=200)
    phone: str = Field("", max_length=40)
    email: str = Field("", max_length=254)
    has_union_delegation: bool | None = None
    note: str = Field("", max_length=4000)


class EmployerPatch(Schema):
    name: str | None = Field(None, max_length=200)
    sector: str | None = Field(None, max_length=200)
    municipality: str | None = Field(None, max_length=120)
    contact_name: str | None = Field(None, max_length=200)
    phone: str | None = Field(None, max_length=40)
    email: str | None = Field(None, max_length=254)
    has_union_delegation: bool | None = None
    note: str | None = Field(None, max_length=4000)


class EmployerOut(Schema):
    id: Id
    organisation_id: Id
    name: str
    sector: str
    municipality: str
    contact_name: str
    phone: str
    email: str
    has_union_delegation: bool | None
    note: str


class EmployerListOut(Schema):
    count: int
    items: list[EmployerOut]


class EmployerContactIn(Schema):
    kind: str = Field(description="phone_prospecting, coach_prospecting_visit, … (TRN-13).")
    on: date
    by_id: Id | None = Field(None, description="Zonder: wie de vraag stuurt.")
    file_ids: list[Id] = []
    note: str = Field("", max_length=4000)


class EmployerContactOut(Schema):
    id: Id
    employer_id: Id
    kind: str
    kind_label: str
    on: date
    by_id: Id
    file_ids: list[Id]
    note: str


class EmployerContactListOut(Schema):
    count: int
    items: list[EmployerContactOut]
