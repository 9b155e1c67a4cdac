"""Input and output shapes of the API. Validation of meaning (checksums, dates in order, overlaps)
stays in the services; these only check types, choices and lengths."""

from datetime import date, datetime
from typing import Annotated, Any

from django.db import connection
from django.utils import timezone
from ninja import Field, Schema
from pydantic import AfterValidator

from koers.core.models import Language, Role
from koers.trajectories.models import (
    AssignmentStatus,
    ContactForm,
    ContactOutcome,
    DocumentKind,
    DocumentStatus,
    PlanKind,
    Programme,
    TrajectoryStatus,
)


def _aware(value: datetime | None) -> datetime | None:
    """A time without offset is read as Belgian local time (what a coach means by 14:00)."""
    if value is not None and timezone.is_naive(value):
        return timezone.make_aware(value, timezone.get_default_timezone())
    return value


LocalDatetime = Annotated[datetime, AfterValidator(_aware)]

# Every id the API takes (in the path, as a list filter or in a body) is a row id: a positive
# integer within the range of the database's id column (BigAutoField). Anything larger is a 422
# here, not an OverflowError from the database driver (a 500).
MAX_ID = connection.ops.integer_field_range("BigAutoField")[1]
Id = Annotated[int, Field(ge=1, le=MAX_ID)]


class RuleReasonOut(Schema):
    """Why a rule decided as it did: the rule's ID and a Dutch sentence."""

    rule: str = Field(description="Regel-ID, bv. LBC-04, INT-05 of MED-03.")
    message: str


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


class ClientCreatedOut(ClientOut):
    trajectory_id: int | None = Field(
        None, description="Het traject dat samen met de cliënt geopend werd."
    )


class ClientPage(Schema):
    count: int
    items: list[ClientOut]


class ClientIn(Schema):
    first_name: str = Field(max_length=100)
    last_name: str = Field(max_length=100)
    birth_date: date | None = None
    email: str = Field("", max_length=254)
    phone: str = Field("", max_length=30)
    street: str = Field("", max_length=200)
    postal_code: str = Field("", max_length=10)
    city: str = Field("", max_length=100)
    preferred_language: Language = Language.DUTCH
    consent_processing: bool = False
    consent_contact: bool = False
    national_number: str = Field("", max_length=20)
    organisation_id: Id | None = Field(
        None, description="Verplicht als u voor meer dan één organisatie werkt."
    )
    programme: Programme | None = Field(
        None,
        description=(
            "Open meteen een traject in dit programma. Verplicht voor een coach: zonder traject "
            "ziet die de cliënt niet."
        ),
    )
    responsible_id: Id | None = Field(
        None, description="Verantwoordelijke van dat traject (standaard uzelf)."
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


# ---- trajectories ------------------------------------------------------------------------------


class TrajectoryOut(Schema):
    id: int
    client_id: int
    client_name: str
    programme: str
    status: str
    phase: str
    title: str
    start_date: date
    end_date: date | None
    responsible_id: int
    responsible_name: str
    organisation_id: int
    organisation_name: str
    created_at: datetime
    updated_at: datetime


class TrajectoryPage(Schema):
    count: int
    items: list[TrajectoryOut]


class TrajectoryIn(Schema):
    client_id: Id
    programme: Programme
    organisation_id: Id | None = Field(
        None, description="Verplicht als u voor meer dan één organisatie werkt."
    )
    responsible_id: Id | None = Field(None, description="Standaard uzelf.")
    start_date: date | None = Field(None, description="Standaard vandaag.")
    title: str = Field("", max_length=200)


class TrajectoryStatusIn(Schema):
    status: TrajectoryStatus
    on: date | None = Field(None, description="Datum van afsluiten (standaard vandaag).")


# ---- contacts ----------------------------------------------------------------------------------


class ContactOut(Schema):
    id: int
    trajectory_id: int
    staff_id: int
    starts_at: datetime
    duration_minutes: int
    form: str
    place: str
    outcome: str
    absence_reason: str
    notes: str
    created_at: datetime


class ContactPage(Schema):
    count: int
    items: list[ContactOut]


class ContactIn(Schema):
    trajectory_id: Id
    starts_at: LocalDatetime = Field(description="Zonder tijdzone: Belgische tijd.")
    duration_minutes: int
    form: ContactForm = ContactForm.INDIVIDUAL
    place: str = Field("", max_length=200)
    outcome: ContactOutcome = ContactOutcome.PLANNED
    absence_reason: str = Field("", max_length=200)
    notes: str = ""


class ContactPatch(Schema):
    starts_at: LocalDatetime | None = None
    duration_minutes: int | None = None
    form: ContactForm | None = None
    place: str | None = Field(None, max_length=200)
    outcome: ContactOutcome | None = None
    absence_reason: str | None = Field(None, max_length=200)
    notes: str | None = None


# ---- assignments -------------------------------------------------------------------------------


class AssignmentOut(Schema):
    id: int
    trajectory_id: int
    title: str
    description: str
    deadline: date | None
    status: str
    evaluation: str
    created_by_id: int
    created_at: datetime


class AssignmentPage(Schema):
    count: int
    items: list[AssignmentOut]


class AssignmentIn(Schema):
    trajectory_id: Id
    title: str = Field(max_length=200)
    description: str = ""
    deadline: date | None = None
    status: AssignmentStatus = AssignmentStatus.OPEN
    evaluation: str = ""


class AssignmentPatch(Schema):
    title: str | None = Field(None, max_length=200)
    description: str | None = None
    deadline: date | None = None
    status: AssignmentStatus | None = None
    evaluation: str | None = None


# ---- plans -------------------------------------------------------------------------------------


class PlanVersionOut(Schema):
    id: int
    number: int
    content: dict[str, Any]
    author_id: int | None
    author_is_client: bool
    created_at: datetime


class PlanOut(Schema):
    id: int
    trajectory_id: int
    kind: str
    title: str
    finalised_at: datetime | None
    created_at: datetime


class PlanDetailOut(PlanOut):
    versions: list[PlanVersionOut] = Field(description="Nieuwste eerst.")


class PlanPage(Schema):
    count: int
    items: list[PlanOut]


class PlanIn(Schema):
    trajectory_id: Id
    kind: PlanKind
    title: str = Field(max_length=200)
    content: dict[str, Any] = Field(default_factory=dict)


class PlanVersionIn(Schema):
    content: dict[str, Any]


# ---- documents ---------------------------------------------------------------------------------


class DocumentOut(Schema):
    id: int
    trajectory_id: int
    kind: str
    title: str
    status: str
    has_file: bool
    original_filename: str
    content_type: str
    size_bytes: int
    contact_id: int | None
    uploaded_by_id: int | None
    created_at: datetime
    updated_at: datetime


class DocumentPage(Schema):
    count: int
    items: list[DocumentOut]


class DocumentIn(Schema):
    trajectory_id: Id
    kind: DocumentKind
    title: str = Field("", max_length=200)
    status: DocumentStatus | None = None
    contact_id: Id | None = None


class DocumentStatusIn(Schema):
    status: DocumentStatus


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
