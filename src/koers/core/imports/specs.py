"""What each kind of import reads (its columns) and how a row is checked and created."""

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from koers.core import services
from koers.core.crypto import blind_index
from koers.core.data import ClientData, OrganisationData, StaffData
from koers.core.imports.base import ImportKind
from koers.core.imports.cells import (
    cell_text,
    choice_lookup,
    normalize_header,
    parse_bool,
    parse_date,
)
from koers.core.models import Client, Language, Organisation, OrganisationKind, Role, User
from koers.core.validators import mask_national_number as mask
from koers.core.validators import normalize_enterprise_number, normalize_national_number


def _choice(choices_class, value, **aliases: str) -> str:
    """The code for a code or Dutch label; anything else as typed, for the service to reject."""
    text = cell_text(value)
    return choice_lookup(choices_class, **aliases).get(normalize_header(text), text)


def _company(value) -> Organisation | None:
    """A subcontractor's own company, given by its enterprise number."""
    if not cell_text(value):
        return None
    number = normalize_enterprise_number(cell_text(value))
    company = Organisation.objects.filter(enterprise_number=number).first()
    if company is None:
        raise ValidationError(_("Er bestaat geen organisatie met dit ondernemingsnummer."))
    return company


_ROLE_ALIASES = {"backoffice": Role.CENTRE_STAFF, "admin": Role.ADMINISTRATOR}

# Every column any kind knows: field -> (accepted headers, the first is the usual one; how a cell
# becomes a value). A converter that raises ValidationError reports the cell and leaves the
# field at its default.
COLUMNS: dict[str, tuple[tuple[str, ...], Callable]] = {
    "first_name": (("voornaam",), cell_text),
    "last_name": (("achternaam", "familienaam"), cell_text),
    "birth_date": (("geboortedatum", "geboren"), parse_date),
    "email": (("e-mail", "email", "e-mailadres", "mail"), cell_text),
    "phone": (("telefoon", "telefoonnummer", "gsm", "tel"), cell_text),
    "street": (("straat", "straat en nummer", "adres"), cell_text),
    "postal_code": (("postcode", "postnummer"), cell_text),
    "city": (("gemeente", "woonplaats", "stad"), cell_text),
    "preferred_language": (
        ("taal", "voorkeurstaal"),
        lambda v: _choice(Language, v) or Language.DUTCH,
    ),
    "national_number": (("rijksregisternummer", "rijksregister", "rrn", "insz"), cell_text),
    "consent_processing": (("toestemming", "toestemming verwerking"), parse_bool),
    "consent_contact": (("toestemming contact",), parse_bool),
    "name": (("naam", "organisatie", "organisatienaam"), cell_text),
    "kind": (("soort", "type"), lambda v: _choice(OrganisationKind, v)),
    "enterprise_number": (("ondernemingsnummer", "kbo-nummer", "btw-nummer"), cell_text),
    "working_name": (("werknaam", "handelsnaam"), cell_text),
    "username": (("gebruikersnaam", "login"), cell_text),
    "roles": (
        ("rollen", "rol"),
        lambda v: [_choice(Role, r, **_ROLE_ALIASES) for r in re.split(r"[,;]", cell_text(v))],
    ),
    "company": (("bedrijf", "eigen bedrijf"), _company),
}


@dataclass
class Context:
    organisation: Organisation | None
    user: User
    today: date


@dataclass
class Spec:
    data_class: type  # what the service takes; its fields say which columns the kind reads
    required: tuple[str, ...]
    validate: Callable  # (data, ctx) -> normalised data, or ValidationError({field: [...]})
    create: Callable  # (data, ctx) -> the created object, through the service
    key_field: str  # no two rows, and no row and the database, may share this value
    key: Callable  # (data) -> the normalised key, "" for none
    duplicate_message: str
    existing: Callable | None = None  # (keys, ctx) -> {key already in the database: message}
    preview: tuple[str, ...] = ()

    @property
    def fields(self) -> tuple[str, ...]:
        return tuple(name for name in COLUMNS if name in self.data_class.__dataclass_fields__)


def _as_key(normalize, value: str) -> str:
    try:
        return normalize(value) if value else ""
    except ValidationError:
        return ""


def _existing(model, column: str, keys: set[str], transform=lambda key: key) -> set[str]:
    # One query: MAX_ROWS keeps the list under SQLite's and PostgreSQL's parameter limits.
    by_value = {transform(key): key for key in keys}
    found = model._default_manager.filter(**{f"{column}__in": list(by_value)})
    return {by_value[value] for value in found.values_list(column, flat=True)}


def _existing_clients(keys: set[str], ctx: Context) -> dict[str, str]:
    """National numbers already in use. Only a client the importing user may see is named as
    such; for the others the row is refused in words that reveal nothing (as in the form)."""
    taken = _existing(Client, "national_number_index", keys, blind_index)
    by_index = {blind_index(key): key for key in taken}
    seen = {
        by_index[index]
        for index in Client.objects.visible_to(ctx.user)
        .filter(national_number_index__in=list(by_index))
        .values_list("national_number_index", flat=True)
    }
    return {key: services.national_number_taken_message(visible=key in seen) for key in taken}


class Rollback(Exception):
    pass


def _staff_validate(data: StaffData, ctx: Context) -> StaffData:
    """Run `staff_create`'s own checks in a savepoint that is always rolled back."""
    data.organisation = ctx.organisation
    try:
        with transaction.atomic():
            services.staff_create(data=data, acting_user=ctx.user)
            raise Rollback
    except Rollback:
        pass
    data.username, data.email = data.username.strip(), data.email.strip().lower()
    return data


SPECS: dict[str, Spec] = {
    ImportKind.CLIENTS: Spec(
        data_class=ClientData,
        required=("first_name", "last_name"),
        validate=lambda data, ctx: services.client_validate(data, today=ctx.today),
        create=lambda data, ctx: services.client_create(
            organisation=ctx.organisation, data=data, acting_user=ctx.user
        ),
        key_field="national_number",
        key=lambda data: _as_key(normalize_national_number, data.national_number),
        duplicate_message=gettext_lazy("Dit rijksregisternummer komt al voor in rij %(row)s."),
        existing=lambda keys, ctx: _existing_clients(keys, ctx),
        preview=("first_name", "last_name", "birth_date", "email", "phone", "national_number"),
    ),
    ImportKind.ORGANISATIONS: Spec(
        data_class=OrganisationData,
        required=("name", "kind"),
        validate=lambda data, ctx: services.organisation_validate(data),
        create=lambda data, ctx: services.organisation_create(data=data, acting_user=ctx.user),
        key_field="enterprise_number",
        key=lambda data: _as_key(normalize_enterprise_number, data.enterprise_number),
        duplicate_message=gettext_lazy("Dit ondernemingsnummer komt al voor in rij %(row)s."),
        existing=lambda keys, ctx: dict.fromkeys(
            _existing(Organisation, "enterprise_number", keys),
            _("Er bestaat al een organisatie met dit ondernemingsnummer."),
        ),
        preview=("name", "kind", "enterprise_number", "email", "phone"),
    ),
    ImportKind.STAFF: Spec(
        data_class=StaffData,
        required=("username", "roles"),
        validate=_staff_validate,  # `staff_create`'s checks also look for the username in the db
        create=lambda data, ctx: services.staff_create(data=data, acting_user=ctx.user),
        key_field="username",
        key=lambda data: data.username.lower(),
        duplicate_message=gettext_lazy("Deze gebruikersnaam komt al voor in rij %(row)s."),
        preview=("username", "first_name", "last_name", "email", "roles"),
    ),
}


def show(data, name: str) -> str:
    """A normalised value as the preview shows it; national numbers stay masked."""
    value = getattr(data, name)
    if name == "national_number":
        return mask(value) if value else ""
    if name == "kind":
        return str(OrganisationKind(value).label)
    if name == "roles":
        return ", ".join(str(Role(role).label) for role in value)
    return cell_text(value)
