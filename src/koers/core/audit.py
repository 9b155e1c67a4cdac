"""The change history of a file, read from django-simple-history, for centre staff.

The caller names the audited models (`HistorySource`: a historical manager, which rows, a label);
the client file of `koers.workplace` adds what hangs under the client's trajectories. Bounded: per
page, two queries per audited model (the newest rows up to the end of the page, and the rows just
before them to compute the field differences), whatever the size of the file.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import PurePosixPath
from typing import Any

from django.core.paginator import Page, Paginator
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from koers.core.access_log import kind_label
from koers.core.models import Client, FileAccess, Membership, Role, User

HISTORY_PAGE_SIZE = 25
ACCESS_LIMIT = 50
ACCESS_PAGE_SIZE = 25

# Never shown as values: encrypted or derived fields. A change to the national number is shown
# as "changed" without its value.
_HIDDEN_FIELDS = {"national_number_encrypted", "national_number_index", "search_name", "updated_at"}

_TYPE_LABELS = {
    "+": gettext_lazy("aangemaakt"),
    "~": gettext_lazy("gewijzigd"),
    "-": gettext_lazy("verwijderd"),
}


@dataclass
class Change:
    field: str
    old: str
    new: str


@dataclass
class HistoryEntry:
    at: datetime
    user: User | None
    model_label: str
    object_label: str
    action: str
    changes: list[Change] = field(default_factory=list)


def _display(record, field_name: str, value) -> str:
    if value in (None, ""):
        return "—"
    try:
        model_field = record.instance_type._meta.get_field(field_name)
    except Exception:  # noqa: BLE001 - a field that no longer exists
        return str(value)
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if isinstance(model_field, models.FileField):
        # The stored path (documents/27/…) means nothing to a reader: the name it was uploaded
        # under where the model keeps it, else the file's own name.
        original = getattr(record, "original_filename", "")
        if original and str(value) == str(getattr(record, field_name, "")):
            return original
        return PurePosixPath(str(value)).name
    if isinstance(value, bool):
        return _("ja") if value else _("nee")
    if hasattr(value, "strftime"):
        return value.strftime("%d/%m/%Y %H:%M" if hasattr(value, "hour") else "%d/%m/%Y")
    return str(value)


def _verbose(record, field_name: str) -> str:
    try:
        return str(record.instance_type._meta.get_field(field_name).verbose_name)
    except Exception:  # noqa: BLE001
        return field_name


@dataclass(frozen=True)
class HistorySource:
    """One audited model of a file: its historical manager, which of its rows, and its label."""

    manager: Any
    condition: Q
    label: str


def client_source(client: Client) -> HistorySource:
    return HistorySource(Client.history, Q(id=client.pk), Client._meta.verbose_name)


def object_label(record) -> str:
    """A changed object's name in the history: its title, or its number."""
    return getattr(record, "title", "") or f"#{record.id}"


def _newest_records(sources: Sequence[HistorySource], end: int) -> tuple[list[tuple], int]:
    """The newest `end` rows of all sources together (newest first), and their total count."""
    records = []
    total = 0
    for source in sources:
        qs = source.manager.filter(source.condition)
        total += qs.count()
        rows = list(
            qs.select_related("history_user").order_by("-history_date", "-history_id")[:end]
        )
        records.extend((row, source.label) for row in rows)
    records.sort(key=lambda item: (item[0].history_date, item[0].history_id), reverse=True)
    return records, total


def _predecessors(shown: list[tuple]) -> dict[int, object]:
    """The previous version of each shown row, one query per model: all earlier rows of the
    same objects, newest first; the first one older than a row is its predecessor."""
    previous: dict[int, object] = {}
    by_model: dict[type, list] = {}
    for row, _label in shown:
        by_model.setdefault(type(row), []).append(row)
    for model, rows in by_model.items():
        ids = {row.id for row in rows}
        oldest_shown = max(row.history_date for row in rows)
        earlier = list(
            model.objects.filter(id__in=ids, history_date__lte=oldest_shown).order_by(
                "id", "-history_date", "-history_id"
            )
        )
        for row in rows:
            previous[row.history_id] = next(
                (
                    e
                    for e in earlier
                    if e.id == row.id
                    and (e.history_date, e.history_id) < (row.history_date, row.history_id)
                ),
                None,
            )
    return previous


def _changes(row, prev) -> list[Change]:
    changes: list[Change] = []
    if row.history_type != "~" or prev is None:
        return changes
    delta = row.diff_against(prev, excluded_fields=list(_HIDDEN_FIELDS & _field_names(row)))
    for change in delta.changes:
        changes.append(
            Change(
                _verbose(row, change.field),
                _display(row, change.field, change.old),
                _display(row, change.field, change.new),
            )
        )
    if getattr(row, "national_number_index", None) != getattr(prev, "national_number_index", None):
        changes.append(Change(_("rijksregisternummer"), "•••", _("gewijzigd")))
    return changes


def history_page(
    *,
    sources: Sequence[HistorySource],
    label: Callable[[Any], str] = object_label,
    page: int = 1,
) -> tuple[list[HistoryEntry], int]:
    """One page of changes to the rows of `sources`, newest first: (entries, total count).
    `label` names a changed object. The caller checks `core.view_history` and visibility."""
    page = max(page, 1)
    end = page * HISTORY_PAGE_SIZE
    records, total = _newest_records(sources, end)
    shown = records[end - HISTORY_PAGE_SIZE : end]
    previous = _predecessors(shown)
    entries = [
        HistoryEntry(
            at=row.history_date,
            user=row.history_user,
            model_label=str(model_label),
            object_label=label(row),
            action=str(_TYPE_LABELS.get(row.history_type, row.history_type)),
            changes=_changes(row, previous.get(row.history_id)),
        )
        for row, model_label in shown
    ]
    return entries, total


def _field_names(row) -> set[str]:
    return {f.name for f in row.instance_type._meta.fields}


def _accesses_seen_by(viewer: User, client: Client):
    """The reads of a client's file that `viewer` may see: all for an administrator; for centre
    staff the reads by people of the organisations where they are staff. A read by another
    organisation's mediator would reveal a trajectory the staff member may not see."""
    accesses = FileAccess.objects.filter(client=client)
    if not viewer.is_administrator:
        colleagues = Membership.objects.filter(
            user_id=OuterRef("user_id"),
            organisation_id__in=viewer.organisation_ids(Role.CENTRE_STAFF),
        )
        accesses = accesses.filter(Exists(colleagues))
    return accesses.select_related("user").order_by("-opened_at", "-pk")


@dataclass(frozen=True)
class AccessRow:
    at: datetime
    user: User
    what: str
    channel: str
    path: str


def _row(access: FileAccess) -> AccessRow:
    what = kind_label(access.kind)
    if access.object_id:
        what = f"{what} #{access.object_id}"
    return AccessRow(
        at=access.opened_at,
        user=access.user,
        what=what[:1].upper() + what[1:],
        channel=access.get_channel_display(),
        path=access.path,
    )


def file_access_page(*, viewer: User, client: Client, page: str | None) -> Page:
    """ "Wie heeft dit dossier ingekeken": one page of the file's reads, newest first, as rows.
    The caller checks `core.view_access_log`."""
    result = Paginator(_accesses_seen_by(viewer, client), ACCESS_PAGE_SIZE).get_page(page)
    result.object_list = [_row(access) for access in result.object_list]
    return result


def recent_file_accesses(*, viewer: User, client: Client, limit: int = ACCESS_LIMIT):
    return [_row(access) for access in _accesses_seen_by(viewer, client)[:limit]]
