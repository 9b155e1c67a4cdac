"""Running an import: map the headers, check every row, then create them (or only preview)."""

from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from koers.core.data import StaffData
from koers.core.imports.base import (
    PREVIEW_ROWS,
    ImportFileError,
    ImportKind,
    ImportResult,
    RowError,
)
from koers.core.imports.cells import normalize_header
from koers.core.imports.specs import COLUMNS, SPECS, Context, Rollback, Spec, show
from koers.core.imports.tables import Table, read_table
from koers.core.models import Organisation, Role, User


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
                        raise Rollback from exc
                else:
                    created += 1
    except Rollback:
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
                result.preview.append([show(row.data, name) for name in spec.preview])
    return result
