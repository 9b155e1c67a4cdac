"""The API's shapes for clients and staff (the workplace's routers)."""

from datetime import date, datetime

from ninja import Field, Schema

from koers.api.errors import ErrorOut
from koers.core.models import Language, Role

# ---- clients -----------------------------------------------------------------------------------


class ClientOut(Schema):
    id: int
    organisation_id: int
    organisation_name: str
    first_name: str
    last_name: str
    birth_date: date | None
    email: str
    phone: str = Field(description="E.164, bv. +32470123456")
    street: str
    postal_code: str
    city: str
    preferred_language: str
    consent_processing: bool
    consent_contact: bool
    national_number: str | None = Field(
        description="Volledig voor wie het mag zien (centrummedewerkers), anders gemaskeerd."
    )
    national_number_masked: bool
    created_at: datetime
    updated_at: datetime
    version: int = Field(
        description="Stijgt bij elke wijziging; dezelfde waarde staat in de ETag-header. Stuur de "
        "ETag als If-Match bij PATCH: een verouderde versie krijgt 412."
    )


class ClientCreatedOut(ClientOut):
    trajectory_id: int | None = Field(
        None, description="Het traject dat samen met de cliënt geopend werd."
    )


class DuplicateOut(ErrorOut):
    duplicate_ids: list[int] = Field(
        [],
        description=(
            "Cliënten die u kunt zien met dezelfde naam en geboortedatum: mogelijk dezelfde "
            "persoon. Leeg bij een ander conflict (bv. een rijksregisternummer dat al bestaat)."
        ),
    )


class ClientPage(Schema):
    count: int
    items: list[ClientOut]
    next: int | None = Field(
        None, description="Geef dit als `after` voor de volgende pagina; null op de laatste."
    )


class ClientPatch(Schema):
    first_name: str | None = Field(None, max_length=100)
    last_name: str | None = Field(None, max_length=100)
    birth_date: date | None = None
    email: str | None = Field(None, max_length=254)
    phone: str | None = Field(None, max_length=30)
    street: str | None = Field(None, max_length=200)
    postal_code: str | None = Field(None, max_length=10)
    city: str | None = Field(None, max_length=100)
    preferred_language: Language | None = None
    consent_processing: bool | None = None
    consent_contact: bool | None = None
    national_number: str | None = Field(None, max_length=20)


# ---- staff -------------------------------------------------------------------------------------


class MembershipOut(Schema):
    organisation_id: int
    organisation_name: str
    role: Role
    role_label: str


class StaffOut(Schema):
    """A colleague as the staff pages show them: no username, phone or other personal data."""

    id: int = Field(description="Te gebruiken als `responsible_id`, `coach_id`, …")
    first_name: str
    last_name: str
    name: str
    email: str
    memberships: list[MembershipOut] = Field(
        description="De actieve rollen in de organisaties die u ziet."
    )


class StaffPage(Schema):
    count: int
    items: list[StaffOut]


class MeOut(StaffOut):
    username: str
    is_administrator: bool
    memberships: list[MembershipOut] = Field(description="Uw actieve rollen.")


# ---- the work list (issue 16) -----------------------------------------------------------------


class WorkItemOut(Schema):
    what: str = Field(description="Wat er te doen is, in de woorden van de pagina.")
    who: str = Field(description="De cliënt of aanvraag.")
    url: str = Field(description="De pagina waar u het doet.")
    due: date | None
    rule: str
    detail: str
    state: str = Field(description="late, soon of later.")


class WorkGroupOut(Schema):
    key: str
    title: str
    rule: str
    count: int
    items: list[WorkItemOut]


class WorkListOut(Schema):
    groups: list[WorkGroupOut]
