"""What an app declares about the people it holds data of, and the generic export and erasure.

Each app lists in its own `shredders.py` (as pretix's data shredders do):

- `SHREDDERS`: one `ModelShredder` per model that holds or hangs under a person's data: how to
  reach the person from the model (a lookup path per kind of subject), which fields to blank,
  which files to delete, whether rows go altogether, and what is kept and why;
- `SUBJECT_KINDS` (core and intake): the kinds of person an erasure or export is about (a client,
  a lead) and how to find one for a user;
- `RETENTION_RULES`: per kind of record, which subjects are due after their retention period.

This module sits below `koers.core` in the layers (it imports only Django) so that every app,
the core included, can declare its shredders; `koers.privacy.registry` collects them.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from django.db import models, transaction
from django.db.models import QuerySet

# What a blanked name reads after an erasure: a reader sees that something was erased.
ERASED = "[gewist]"

# Never in an export (Art. 15/20 or otherwise): the national number (encrypted and its keyed
# hash; Belgian law restricts its use), derived search keys and secrets.
NEVER_EXPORTED = frozenset(
    {"national_number_encrypted", "national_number_index", "search_name", "fingerprint", "token"}
    | {"key_hash", "secret_hash", "password"}
)


def erased_with_id(subject_id: int) -> str:
    """A replacement that stays unique per subject, for columns in a unique constraint."""
    return f"{ERASED} {subject_id}"


@dataclass(frozen=True)
class ModelShredder:
    """How one model's rows of a subject are found, exported and erased.

    `paths` maps a subject kind ("client", "lead", "invoice") to the lookup from this model to
    the subject's primary key. `erase` fields are set to their empty value (the field's default,
    or None when nullable); `replace` sets a value (or `value(subject_id)`); `files` are deleted
    from storage after the commit; `delete` removes the rows. `keep` says why rows stay (e.g. an
    invoice, 10 years), `kept_fields` names fields that look personal but are not the subject's
    (a coach's name) or must stay. `query(kind, subject_id)` finds the rows where a path cannot
    express it (None: use the path).
    """

    model: type[models.Model]
    paths: Mapping[str, str]
    erase: tuple[str, ...] = ()
    replace: Mapping[str, Any] = field(default_factory=dict)
    files: tuple[str, ...] = ()
    delete: bool = False
    keep: str = ""
    kept_fields: tuple[str, ...] = ()
    query: Callable[[str, int], QuerySet] | None = None

    @property
    def label(self) -> str:
        return self.model._meta.label

    def covers(self, kind: str) -> bool:
        return kind in self.paths or self.query is not None

    def rows(self, kind: str, subject_id: int) -> QuerySet:
        if self.query is not None:
            found = self.query(kind, subject_id)
            if found is not None:
                return found
        if kind not in self.paths:
            return self.model._default_manager.none()
        # A path through a reverse relation can meet a row more than once.
        return self.model._default_manager.filter(**{self.paths[kind]: subject_id}).distinct()

    def history_rows(self, rows: QuerySet) -> QuerySet | None:
        """The simple_history rows of the same objects (None when the model keeps no history)."""
        history = getattr(self.model, "history", None)
        if history is None:
            return None
        return history.model._default_manager.filter(id__in=rows.values("pk"))

    def blank_values(self, subject_id: int) -> dict[str, Any]:
        values = {name: _empty(self.model._meta.get_field(name)) for name in self.erase}
        for name, value in self.replace.items():
            values[name] = value(subject_id) if callable(value) else value
        for name in self.files:
            values[name] = ""
        return values

    def exported_fields(self) -> list[str]:
        return [
            f.attname
            for f in self.model._meta.concrete_fields
            if f.name not in NEVER_EXPORTED and f.attname not in NEVER_EXPORTED
        ]


def _empty(model_field: models.Field) -> Any:
    if model_field.has_default():
        return model_field.get_default()
    if model_field.null:
        return None
    return ""


@dataclass(frozen=True)
class SubjectKind:
    """A kind of person whose data Koers erases or exports on request: a client, a lead.

    `find(user, pk)` answers the subject only when `user` may see it (`visible_to`), else None;
    `organisation_id(subject)` is kept on the erasure record (an id, no personal data).
    """

    kind: str
    label: str
    find: Callable[[Any, int], models.Model | None]
    organisation_id: Callable[[models.Model], int | None]


@dataclass(frozen=True)
class RetentionRule:
    """One kind of record with a retention period (`setting`, in days, from settings).

    `due(cutoff)` answers a queryset of subject ids (`values_list("pk")` of the `subject` kind)
    whose period ended before `cutoff` and that are not erased yet, so a second run finds nothing.
    `keep` says what stays afterwards (e.g. the invoice itself).
    """

    kind: str
    label: str
    subject: str
    setting: str
    due: Callable[[datetime], QuerySet]
    keep: str = ""

    def cutoff(self, now: datetime, days: int) -> datetime:
        return now - timedelta(days=days)


def export_rows(shredder: ModelShredder, kind: str, subject_id: int) -> list[dict[str, Any]]:
    """Every row of the subject in this model, as plain values (no national number)."""
    names = shredder.exported_fields()
    return list(shredder.rows(kind, subject_id).order_by("pk").values(*names))


def stored_files(shredder: ModelShredder, rows: QuerySet) -> list[tuple[str, str]]:
    """(field, file name) of every stored file of these rows and of their history (an earlier
    upload replaced by a later one is the person's file too), to export or delete."""
    if not shredder.files:
        return []
    found: set[tuple[str, str]] = set()
    history = shredder.history_rows(rows)
    for queryset in (rows, history) if history is not None else (rows,):
        for names in queryset.values_list(*shredder.files):
            found.update((f, name) for f, name in zip(shredder.files, names, strict=True) if name)
    return sorted(found)


def erase_rows(shredder: ModelShredder, kind: str, subject_id: int) -> tuple[int, int]:
    """Blank (or delete) the subject's rows of this model and their history: (rows, files).

    Runs inside the caller's transaction. Files are deleted from storage only after the commit,
    so a rolled-back erasure never loses a file while its row still names it. The update goes
    around `save()` on purpose: erasing writes no new history row that would hold the values.
    """
    ids = set(shredder.rows(kind, subject_id).values_list("pk", flat=True))
    if not ids:
        return 0, 0
    rows = shredder.model._default_manager.filter(pk__in=ids)
    files = stored_files(shredder, rows)
    history = shredder.history_rows(rows)
    if shredder.delete:
        if history is not None:
            history.delete()
        rows.delete()
    elif values := shredder.blank_values(subject_id):
        if history is not None:
            # A field the history leaves out (`excluded_fields`) is not there to blank.
            names = {f.name for f in history.model._meta.concrete_fields}
            history.update(**{k: v for k, v in values.items() if k in names})
        rows.update(**values)
    for field_name, name in files:
        storage = shredder.model._meta.get_field(field_name).storage
        transaction.on_commit(lambda storage=storage, name=name: storage.delete(name))
    return len(ids), len(files)
