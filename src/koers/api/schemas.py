"""The shapes every part of the API shares: ids, local times, reasons, clients' output and staff.

This module sits below the trajectory core (the layers contract): it imports only `core` and
`lib`. The trajectory core's own shapes live in `koers.trajectories.schemas`. Validation of
meaning (checksums, dates in order, overlaps) stays in the services; these only check types,
choices and lengths."""

from datetime import date, datetime
from importlib import import_module
from typing import Annotated

from django.db import connection
from django.utils import timezone
from ninja import Field, Schema
from pydantic import AfterValidator

from koers.core.models import Language, Role


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


# Moved to `koers.trajectories.schemas` (issue 11). Until every importer names the new home,
# `from koers.api.schemas import ContactOut` still works, read lazily so that this module does
# not import the trajectory core. Remove once no module imports these names from here.
_MOVED_TO_TRAJECTORIES = frozenset(
    {
        "AssignmentIn",
        "AssignmentOut",
        "AssignmentPage",
        "AssignmentPatch",
        "ClientIn",
        "ContactFieldsIn",
        "ContactIn",
        "ContactOut",
        "ContactPage",
        "ContactPatch",
        "DocumentIn",
        "DocumentOut",
        "DocumentPage",
        "DocumentStatusIn",
        "PlanDetailOut",
        "PlanIn",
        "PlanOut",
        "PlanPage",
        "PlanVersionIn",
        "PlanVersionOut",
        "TrajectoryIn",
        "TrajectoryOut",
        "TrajectoryPage",
        "TrajectoryStatusIn",
    }
)


def __getattr__(name: str):
    if name in _MOVED_TO_TRAJECTORIES:
        return getattr(import_module("koers.trajectories.schemas"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
