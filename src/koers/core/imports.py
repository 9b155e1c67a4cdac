"""Import clients, staff and organisations from CSV or XLSX, with a dry-run preview.

Each row becomes the data object a form would build and goes through the same service validation;
duplicates are looked for within the file and in the database; only then are the rows created with
the services, in one transaction: all of them, or with `only_valid` the valid ones.
"""

import csv
import io
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cache
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import QuerySet
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from koers.core import services
from koers.core.crypto import blind_index
from koers.core.models import Client, Language, Organisation, OrganisationKind, Role, User
from koers.core.services import ClientData, OrganisationData, StaffData
from koers.core.validators import mask_national_number as mask
from koers.core.validators import normalize_enterprise_number, normalize_national_number

MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 20_000
PREVIEW_ROWS = 10


class ImportKind(models.TextChoices):
    CLIENTS = "clients", gettext_lazy("Cliënten")
    STAFF = "staff", gettext_lazy("Medewerkers")
    ORGANISATIONS = "organisations", gettext_lazy("Organisaties")


class ImportFileError(Exception):
    """The file as a whole cannot be imported (too big, unreadable, a required column missing)."""


@dataclass(frozen=True)
class RowError:
    row: int  # as the user sees it in Excel: the header is row 1
    column: str
    message: str


@dataclass
class ImportResult:
    kind: str
    total: int = 0
    valid: int = 0
    errors: list[RowError] = field(default_factory=list)
    preview_headers: list[str] = field(default_factory=list)
    preview: list[list[str]] = field(default_factory=list)
    created: int = 0
    committed: bool = False

    @property
    def invalid(self) -> int:
        return self.total - self.valid


def normalize_header(text: str) -> str:
    """'E-mail', 'e_mail ' and 'Email' all become 'email'; accents are dropped."""
    plain = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]", "", plain.lower())


def cell_text(value) -> str:
    """A cell as text. Excel stores phone numbers and postal codes as numbers: 9000.0 → '9000'."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime | date):
        return value.strftime("%d/%m/%Y")
    return str(value).strip()


_DATE_FORMATS = ("%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d")


def parse_date(value) -> date | None:
    """dd/mm/jjjj (also with - or .), ISO jjjj-mm-dd, or a real Excel date; empty gives None."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = cell_text(value).split(" ")[0].split("T")[0]  # drop a time: "1985-07-30 00:00:00"
    if not text:
        return None
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date()  # noqa: DTZ007 - a date, no time zone
        except ValueError:
            continue
    raise ValidationError(_("Dit is geen geldige datum (gebruik dd/mm/jjjj)."))


_TRUE = {"ja", "j", "yes", "y", "waar", "true", "1", "x", "akkoord"}
_FALSE = {"", "nee", "neen", "n", "no", "onwaar", "false", "0"}


def parse_bool(value) -> bool:
    text = normalize_header(cell_text(value))
    if text in _TRUE or text in _FALSE:
        return text in _TRUE
    raise ValidationError(_("Vul ja of nee in."))


@cache
def choice_lookup(choices_class, **aliases: str) -> dict[str, str]:
    """Codes and Dutch labels (normalised) of a TextChoices, mapped to their code."""
    with translation.override("nl-be"):
        found = {normalize_header(label): value for value, label in choices_class.choices}
    found.update({normalize_header(value): value for value in choices_class.values})
    return found | aliases


@dataclass
class Table:
    headers: list[str]
    rows: list[tuple[int, list]]  # (row number as in Excel, cell values)
    mapping: dict[int, str] = field(default_factory=dict)  # column index -> field, once mapped


def read_table(content: bytes) -> Table:
    """Read a CSV (UTF-8 with or without BOM, ';' or ',') or an XLSX file (its first sheet)."""
    if len(content) > MAX_BYTES:
        raise ImportFileError(_("Het bestand is groter dan 5 MB. Splits het op in kleinere delen."))
    if content.startswith(b"\xd0\xcf\x11\xe0"):
        raise ImportFileError(
            _("Oude .xls-bestanden worden niet ondersteund. Bewaar het bestand als .xlsx of .csv.")
        )
    is_xlsx = content.startswith(b"PK\x03\x04")  # a zip archive, whatever the file is called
    headers, rows = None, []
    for number, cells in _xlsx_records(content) if is_xlsx else _csv_records(content):
        if not any(cell_text(cell) for cell in cells):
            continue  # blank lines keep their number but are not rows
        if headers is None:
            headers = [cell_text(cell) for cell in cells]
        elif len(rows) == MAX_ROWS:
            raise ImportFileError(
                _("Het bestand heeft meer dan 20.000 rijen. Splits het op in kleinere delen.")
            )
        else:
            rows.append((number, list(cells)))
    if headers is None:
        raise ImportFileError(_("Het bestand is leeg."))
    return Table(headers=headers, rows=rows)


def _csv_records(content: bytes):
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Excel's "CSV (gescheiden door lijstscheidingsteken)" writes Windows-1252, not UTF-8.
        text = content.decode("cp1252", errors="replace")
    first_line = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = ";" if first_line.count(";") >= max(first_line.count(","), 1) else ","
    # One record is one Excel row, even when a quoted cell spans several lines.
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        yield from enumerate(reader, 1)
    except csv.Error as exc:
        raise ImportFileError(_("Het CSV-bestand kan niet gelezen worden.")) from exc


def _xlsx_records(content: bytes):
    import openpyxl

    try:
        workbook = openpyxl.load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - zip, XML and openpyxl errors all mean "unreadable"
        raise ImportFileError(_("Het bestand kan niet gelezen worden als Excel-bestand.")) from exc
    try:
        sheet = workbook.worksheets[0]
        sheet.reset_dimensions()  # some programs write wrong dimensions: read what is there
        yield from enumerate(sheet.iter_rows(values_only=True), 1)
    finally:
        workbook.close()


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


class _Rollback(Exception):
    pass


def _staff_validate(data: StaffData, ctx: Context) -> StaffData:
    """Run `staff_create`'s own checks in a savepoint that is always rolled back."""
    data.organisation = ctx.organisation
    try:
        with transaction.atomic():
            services.staff_create(data=data, acting_user=ctx.user)
            raise _Rollback
    except _Rollback:
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


def _show(data, name: str) -> str:
    """A normalised value as the preview shows it; national numbers stay masked."""
    value = getattr(data, name)
    if name == "national_number":
        return mask(value) if value else ""
    if name == "kind":
        return str(OrganisationKind(value).label)
    if name == "roles":
        return ", ".join(str(Role(role).label) for role in value)
    return cell_text(value)


def pending_dir() -> Path:
    """Uploaded files wait here between preview and confirm; the sweep deletes them after 24 h."""
    return Path(settings.DATA_DIR) / "imports"


def import_organisations_for(user: User) -> QuerySet[Organisation]:
    """Organisations a user may import into: all for an administrator, else where centre staff."""
    if user.is_administrator:
        return Organisation.objects.filter(is_active=True)
    return Organisation.objects.filter(pk__in=user.organisation_ids(Role.CENTRE_STAFF))


def map_headers(headers: list[str], spec: Spec) -> dict[int, str]:
    """Column index -> field. Unknown columns are ignored; a missing required one is an error."""
    aliases = {normalize_header(a): name for name in spec.fields for a in COLUMNS[name][0]}
    mapping: dict[int, str] = {}
    for index, header in enumerate(headers):
        name = aliases.get(normalize_header(header))
        if name and name not in mapping.values():
            mapping[index] = name
    missing = [COLUMNS[name][0][0] for name in spec.required if name not in mapping.values()]
    if missing:
        raise ImportFileError(
            _("Deze kolommen ontbreken: %(columns)s.") % {"columns": ", ".join(missing)}
        )
    return mapping


@dataclass
class _Row:
    number: int
    data: object = None
    errors: dict[str, list[str]] = field(default_factory=dict)


def _build(cells: list, mapping: dict[int, str], spec: Spec, errors: dict) -> object:
    """The row as the service's data object; a cell that cannot be read is reported in `errors`."""
    raw = {name: cells[index] if index < len(cells) else None for index, name in mapping.items()}
    values = {}
    for name in spec.fields:  # absent columns read as empty cells, so every field has a value
        try:
            values[name] = COLUMNS[name][1](raw.get(name))
        except ValidationError as exc:
            errors.setdefault(name, []).extend(exc.messages)
            values[name] = COLUMNS[name][1](None)
    if spec.data_class is StaffData:
        values["organisation"] = None  # set by the validation, from the context
    return spec.data_class(**values)


def _check_rows(table: Table, spec: Spec, ctx: Context) -> list[_Row]:
    table.mapping = map_headers(table.headers, spec)
    rows = []
    for number, cells in table.rows:
        row = _Row(number)
        row.data = _build(cells, table.mapping, spec, row.errors)
        try:
            row.data = spec.validate(row.data, ctx)
        except ValidationError as exc:
            for key, messages in exc.message_dict.items():
                row.errors.setdefault(key, []).extend(messages)
        rows.append(row)
    first_seen: dict[str, int] = {}
    for row in rows:
        if spec.key_field in row.errors or not (key := spec.key(row.data)):
            continue
        if key in first_seen:
            message = str(spec.duplicate_message) % {"row": first_seen[key]}
            row.errors.setdefault(spec.key_field, []).append(message)
        else:
            first_seen[key] = row.number
    if spec.existing:
        by_number = {row.number: row for row in rows}
        for key, message in spec.existing(set(first_seen), ctx).items():
            errors = by_number[first_seen[key]].errors
            errors.setdefault(spec.key_field, []).append(str(message))
    return rows


def run_import(
    *,
    kind: str,
    content: bytes,
    user: User,
    organisation: Organisation | None = None,
    commit: bool = False,
    only_valid: bool = False,
) -> ImportResult:
    """Check a file and, with `commit`, import it in one transaction. Raises ImportFileError.

    Without `only_valid`, nothing is written unless every row is valid.
    """
    spec = SPECS[kind]
    if kind != ImportKind.ORGANISATIONS and (
        organisation is None
        or not import_organisations_for(user).filter(pk=organisation.pk).exists()
    ):
        raise ImportFileError(_("Kies een organisatie waarvoor je mag importeren."))
    ctx = Context(organisation=organisation, user=user, today=timezone.localdate())
    table = read_table(content)
    rows = _check_rows(table, spec, ctx)
    if not commit or (any(row.errors for row in rows) and not only_valid):
        return _summarise(kind, table, rows, spec)
    created = 0
    try:
        with transaction.atomic():
            for row in rows:
                if row.errors:
                    continue
                try:
                    spec.create(row.data, ctx)
                except ValidationError as exc:  # the database changed since the check
                    row.errors = exc.message_dict
                    if not only_valid:
                        raise _Rollback from exc
                else:
                    created += 1
    except _Rollback:
        return _summarise(kind, table, rows, spec)
    result = _summarise(kind, table, rows, spec)
    result.created, result.committed = created, True
    return result


def _summarise(kind: str, table: Table, rows: list[_Row], spec: Spec) -> ImportResult:
    # Errors name the column as the file writes it, else its usual Dutch name.
    columns = {name: COLUMNS[name][0][0] for name in spec.fields}
    columns.update({name: table.headers[index] for index, name in table.mapping.items()})
    result = ImportResult(kind=kind, total=len(rows))
    result.preview_headers = [COLUMNS[name][0][0] for name in spec.preview]
    for row in rows:
        for key, messages in row.errors.items():
            column = columns.get(key, "")
            result.errors.extend(RowError(row.number, column, message) for message in messages)
        if not row.errors:
            result.valid += 1
            if len(result.preview) < PREVIEW_ROWS:
                result.preview.append([_show(row.data, name) for name in spec.preview])
    return result
