"""Writing a list export (issue 16): the rows the user may see for the filter, as CSV or XLSX
(`koers.lib.exports`: formula injection neutralised, XLSX write-only), recorded as a `ListExport`
(who, which list, the filter without its search text, how many rows). Up to
`KOERS_EXPORT_INLINE_ROWS` rows the file is written at once and goes straight to the browser;
a larger one runs as a huey job that records its progress on the row, and its file waits there
for its requester (the status page polls it)."""

import logging
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any

from django.conf import settings
from django.utils import timezone
from huey.contrib.djhuey import db_task

from koers.core.models import User
from koers.core.states import set_state
from koers.lib.exports import Table, export_bytes
from koers.listexports.models import ExportStatus, ListExport
from koers.listexports.registry import CHUNK, Filters, ListKind, list_kind, stored_filters

# Who exported what, also as a log line (ids and counts only), as the billing exports do.
audit = logging.getLogger("koers.audit.exports")
logger = logging.getLogger(__name__)


def _rows(
    kind: ListKind, user: User, filters: Filters, done: Callable[[int], None] | None
) -> Iterator[Sequence[Any]]:
    """The table rows, a chunk at a time (a fixed number of queries per chunk)."""
    chunk: list = []
    count = 0
    for obj in kind.queryset(user, filters).iterator(chunk_size=CHUNK):
        chunk.append(obj)
        if len(chunk) == CHUNK:
            yield from kind.rows(user, chunk)
            count += len(chunk)
            chunk = []
            if done is not None:
                done(count)
    if chunk:
        yield from kind.rows(user, chunk)


def list_export_bytes(
    kind: ListKind,
    user: User,
    filters: Filters,
    fmt: str,
    done: Callable[[int], None] | None = None,
) -> bytes:
    table = Table(kind.title(), kind.columns(), _rows(kind, user, filters, done))
    return export_bytes(table, fmt)


def _log(export: ListExport) -> None:
    audit.info(
        "list export id=%s user=%s kind=%s format=%s filters=%s searched=%s rows=%d",
        export.pk,
        export.requested_by_id,
        export.kind,
        export.format,
        sorted(export.filters.items()),
        export.searched,
        export.row_count,
    )


# An export's moves (one door per status, `core.states.set_state`): a small one is written at once
# (running → done), a large one waits for its job (running → queued → running → done).
MOVES = {
    ExportStatus.RUNNING: {ExportStatus.DONE, ExportStatus.QUEUED, ExportStatus.FAILED},
    ExportStatus.QUEUED: {ExportStatus.RUNNING, ExportStatus.FAILED},
    ExportStatus.DONE: {ExportStatus.EXPIRED},
}


def list_export_set_state(export: ListExport, new: str, **also: Any) -> None:
    """Move the export to `new`, saving `also` (e.g. the file) in the same write."""
    for name, value in also.items():
        setattr(export, name, value)
    set_state(export, "status", new, table=MOVES, rule="", acting_user=None, also_save=list(also))


def list_export_start(
    *, user: User, kind: ListKind, fmt: str, given: Mapping[str, Any]
) -> tuple[ListExport, bytes | None]:
    """Record the export and write it: at once (the bytes are returned) when it has at most
    `KOERS_EXPORT_INLINE_ROWS` rows, else as a job (None: the caller shows the status page)."""
    filters = kind.filters(given)
    kept, searched = stored_filters(filters)
    count = kind.queryset(user, filters).count()
    export = ListExport.objects.create(
        requested_by=user,
        kind=kind.kind,
        format=fmt,
        filters=kept,
        searched=searched,
        row_count=count,
        status=ExportStatus.RUNNING,
    )
    if count <= settings.KOERS_EXPORT_INLINE_ROWS:
        content = list_export_bytes(kind, user, filters, fmt)
        list_export_set_state(export, ExportStatus.DONE, progress=100, finished_at=timezone.now())
        _log(export)
        return export, content
    list_export_set_state(export, ExportStatus.QUEUED)
    try:
        # The filter travels with the task (the search text too: it is never stored on the row,
        # and the queue drops the task once it ran).
        list_export_task(export.pk, dict(filters))
    except Exception as exc:  # the queue is down: the status page says so
        logger.warning("list export %s not queued: %s", export.pk, type(exc).__name__)
        list_export_set_state(export, ExportStatus.FAILED, error=type(exc).__name__)
    export.refresh_from_db()
    return export, None


def list_export_run(export_id: int, filters: Filters) -> None:
    """The job: write the file, saying how far it is after each chunk of rows."""
    export = ListExport.objects.select_related("requested_by").get(pk=export_id)
    kind = list_kind(export.kind)
    rows = ListExport.objects.filter(pk=export.pk)
    list_export_set_state(export, ExportStatus.RUNNING)

    def done(count: int) -> None:
        rows.update(progress=min(99, count * 100 // max(1, export.row_count)))

    try:
        content = list_export_bytes(kind, export.requested_by, filters, export.format, done)
    except Exception as exc:  # a failed job says so on its page instead of running forever
        logger.exception("list export %s failed", export.pk)
        list_export_set_state(export, ExportStatus.FAILED, error=type(exc).__name__)
        return
    list_export_set_state(
        export, ExportStatus.DONE, progress=100, content=content, finished_at=timezone.now()
    )
    _log(export)


@db_task()
def list_export_task(export_id: int, filters: dict) -> None:
    list_export_run(export_id, filters)
