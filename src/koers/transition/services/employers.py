"""TRN-08/13: the company's employer list and its typed contacts (market development), from
which the KPIs of employer contacts follow."""

from dataclasses import dataclass, field
from datetime import date

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone

from koers.core.history import save_with_user
from koers.core.models import Organisation, User
from koers.lib.refusals import refusal
from koers.lib.rules import Reason
from koers.transition import models as m

EMPLOYER_FIELDS = (
    "name",
    "sector",
    "municipality",
    "contact_name",
    "phone",
    "email",
    "has_union_delegation",
    "note",
)


def _check_email(data: dict) -> None:
    if data.get("email"):
        try:
            validate_email(data["email"])
        except ValidationError as exc:
            raise refusal("email", Reason("TRN-08", "Geef een geldig e-mailadres.")) from exc


def _check_name(organisation_id: int, name: str, pk: int | None = None) -> None:
    if not name.strip():
        raise refusal("name", Reason("TRN-08", "Geef de naam van de werkgever."))
    same = m.Employer.objects.filter(organisation_id=organisation_id, name__iexact=name.strip())
    if same.exclude(pk=pk).exists():
        raise refusal("name", Reason("TRN-08", "Deze werkgever staat al in de lijst."))


@transaction.atomic
def employer_create(*, organisation: Organisation, data: dict, acting_user: User) -> m.Employer:
    _check_name(organisation.pk, data.get("name", ""))
    _check_email(data)
    employer = m.Employer(organisation=organisation)
    for key in EMPLOYER_FIELDS:
        if key in data:
            setattr(employer, key, data[key].strip() if isinstance(data[key], str) else data[key])
    return save_with_user(employer, acting_user)


@transaction.atomic
def employer_update(*, employer: m.Employer, data: dict, acting_user: User) -> m.Employer:
    if "name" in data:
        _check_name(employer.organisation_id, data["name"], employer.pk)
    _check_email(data)
    for key in EMPLOYER_FIELDS:
        if key in data:
            setattr(employer, key, data[key].strip() if isinstance(data[key], str) else data[key])
    return save_with_user(employer, acting_user)


@dataclass(frozen=True)
class ContactData:
    kind: str
    on: date
    by: User
    files: list[m.TransitionFile] = field(default_factory=list)
    note: str = ""


@transaction.atomic
def employer_contact_add(
    *, employer: m.Employer, data: ContactData, acting_user: User
) -> m.EmployerContact:
    """One typed contact with the employer (TRN-13 counts them per kind)."""
    if data.kind not in m.EmployerContactKind.values:
        raise refusal("kind", Reason("TRN-13", "Kies een soort werkgeverscontact uit de lijst."))
    if data.on > timezone.localdate():
        raise refusal(
            "on", Reason("TRN-13", "Registreer een werkgeverscontact wanneer het plaatsvond.")
        )
    if employer.organisation_id not in data.by.organisation_ids():
        raise refusal("by", Reason("TRN-13", "Kies een medewerker van jullie organisatie."))
    foreign = [f for f in data.files if f.trajectory.organisation_id != employer.organisation_id]
    if foreign:
        raise refusal("files", Reason("TRN-13", "Kies enkel werknemers van jullie organisatie."))
    contact = m.EmployerContact(
        employer=employer, kind=data.kind, on=data.on, by=data.by, note=data.note.strip()
    )
    save_with_user(contact, acting_user)
    contact.files.set(data.files)
    return contact
