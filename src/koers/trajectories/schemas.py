"""Input and output shapes of the trajectory core's API: trajectories, contacts, assignments,
plans, documents and rule sets, and the client input that opens a first trajectory.

Validation of meaning (checksums, dates in order, overlaps) stays in the services; these only
check types, choices and lengths. The shared shapes (`Id`, `LocalDatetime`, reasons, clients'
output, staff) stay in `koers.api.schemas`.
"""

from datetime import date, datetime
from typing import Any

from ninja import Field, Schema

from koers.api.schemas import Id, LocalDatetime
from koers.core.models import Language
from koers.trajectories.contact_fields import CONTACT_FIELDS, ContactData, max_length
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

# ---- clients -----------------------------------------------------------------------------------


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
    confirm_duplicate: bool = Field(
        False,
        description=(
            "Maak de cliënt toch aan, ook al bestaat er een cliënt met dezelfde naam en "
            "geboortedatum die u kunt zien: het is een andere persoon. Zonder dit antwoordt de "
            "API dan 409 met `duplicate_ids`."
        ),
    )


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


class ContactFieldsOut(Schema):
    # The fields of a contact as every contact answer shows them (the core's, a programme's).
    id: int
    staff_id: int
    starts_at: datetime
    duration_minutes: int
    form: str
    place: str
    outcome: str
    absence_reason: str
    notes: str


class ContactOut(ContactFieldsOut):
    trajectory_id: int
    created_at: datetime


class ContactPage(Schema):
    count: int
    items: list[ContactOut]


class ContactFieldsIn(Schema):
    """The fields of a contact as the API takes them (the base of every contact input: the
    core's `ContactIn`, a programme's own, e.g. a voucher's with `is_introduction`). The names
    and defaults are those of `ContactData`, the lengths those of the model."""

    starts_at: LocalDatetime = Field(description="Zonder tijdzone: Belgische tijd.")
    duration_minutes: int
    form: ContactForm = ContactForm.INDIVIDUAL
    place: str = Field("", max_length=max_length("place"))
    outcome: ContactOutcome = ContactOutcome.PLANNED
    absence_reason: str = Field("", max_length=max_length("absence_reason"))
    notes: str = ""

    def contact_data(self) -> ContactData:
        """The contact's fields as the services take them (other fields of a subclass left out)."""
        return ContactData(**self.model_dump(include=set(CONTACT_FIELDS)))


class ContactIn(ContactFieldsIn):
    trajectory_id: Id


class ContactPatch(Schema):
    # The fields of `ContactFieldsIn`, each optional: only those sent change.

    starts_at: LocalDatetime | None = None
    duration_minutes: int | None = None
    form: ContactForm | None = None
    place: str | None = Field(None, max_length=max_length("place"))
    outcome: ContactOutcome | None = None
    absence_reason: str | None = Field(None, max_length=max_length("absence_reason"))
    notes: str | None = None

    def changes(self) -> dict[str, Any]:
        """The fields sent with a value (`null` leaves a field as it is)."""
        return {k: v for k, v in self.model_dump(exclude_unset=True).items() if v is not None}


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


# ---- rule sets ---------------------------------------------------------------------------------


class RulesetParameterOut(Schema):
    name: str
    label: str
    value: Any
    editable: bool


class RulesetVersionOut(Schema):
    version: str
    valid_from: date
    valid_until: date | None
    effective_until: date | None = Field(
        description="The last day this version judges (a later version may take over earlier)."
    )
    status: str = Field(description="in_force, future, expired or replaced (on today)")
    builtin: bool
    in_use: int = Field(description="How many trajectories are judged under this version")
    based_on: str | None
    reason: str
    published_by_id: int | None
    published_at: datetime | None
    parameters: list[RulesetParameterOut]


class RulesetProgrammeOut(Schema):
    programme: str
    label: str
    in_force: str | None
    publishable: bool
    not_publishable_reason: str
    versions: list[RulesetVersionOut]


class RulesetListOut(Schema):
    count: int
    items: list[RulesetProgrammeOut]


class RulesetIn(Schema):
    programme: str = Field(description="voucher, mediation, …", max_length=20)
    version: str = Field(max_length=40, description="e.g. 2027-loopbaankrediet")
    valid_from: date
    valid_until: date | None = None
    based_on: str | None = Field(
        None,
        max_length=40,
        description="The version to copy; default the one in force on valid_from (else the latest).",
    )
    parameters: dict[str, Any] = Field(
        default_factory=dict, description="Only the parameters that change, as JSON values."
    )
    reason: str = Field(max_length=2000)
