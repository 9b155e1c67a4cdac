"""TRN-13 (issue 14): the rows of a KPI statement, counted once per change of the organisation's
data instead of on every request.

The statement (`selectors.kpis.kpi_statement`) aggregates two years of the organisation's rows;
its result depends on those rows and on its SQL and parameters only (team, periods, time zone;
never the clock). So its rows are kept as a memo under a digest of the statement, with the
organisation's KPI stamp at the time they were counted; every write of what the figures count
raises that stamp (`koers.transition.signals`), so a memo is only read while nothing it counted
has changed: one small query instead of the aggregation.

The stamp is read BEFORE the rows are counted: a write committed in between leaves a memo with
a stamp that is already stale (counted again next time), never the other way round.
"""

import hashlib

from django.db import DatabaseError, connection, transaction
from django.db.models import JSONField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce

from koers.core.models import Organisation
from koers.transition.models import KpiMemo, KpiStamp

Row = tuple[str, str, int, int]  # month ("YYYY-MM"), key, period, baseline


def _digest(sql: str, params: tuple) -> str:
    text = repr((connection.vendor, sql, tuple(params)))
    return hashlib.sha256(text.encode()).hexdigest()


def _recall(organisation_id: int, digest: str) -> tuple[int, list | None]:
    """The organisation's current stamp, and the statement's memo when it was counted at that
    stamp: one query."""
    stamp = KpiStamp.objects.filter(organisation_id=OuterRef("pk")).values("version")[:1]
    memo = KpiMemo.objects.filter(digest=digest, version=OuterRef("current")).values("rows")[:1]
    found = (
        Organisation.objects.filter(pk=organisation_id)
        .annotate(current=Coalesce(Subquery(stamp), Value(0)))
        .annotate(rows=Subquery(memo, output_field=JSONField()))
        .values_list("current", "rows")
    )
    return next(iter(found), (0, None))


def _count(sql: str, params: tuple) -> list[Row]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [(m, k, int(p or 0), int(b or 0)) for m, k, p, b in cursor.fetchall()]


def _keep(digest: str, organisation_id: int, version: int, rows: list[Row]) -> None:
    """Store the memo (replacing the statement's earlier one) and drop the organisation's
    stale ones. A cache: when the database is busy the rows are simply not kept."""
    memo = KpiMemo(digest=digest, organisation_id=organisation_id, version=version, rows=rows)
    try:
        with transaction.atomic():
            KpiMemo.objects.bulk_create(
                [memo],
                update_conflicts=True,
                unique_fields=["digest"],
                update_fields=["organisation_id", "version", "rows"],
            )
            KpiMemo.objects.filter(organisation_id=organisation_id, version__lt=version).delete()
    except DatabaseError:
        pass


def kpi_rows(organisation_id: int, sql: str, params: tuple) -> list[Row]:
    """The statement's rows: from its memo when the organisation's stamp is still the one they
    were counted at (one query), else counted now and kept."""
    digest = _digest(sql, params)
    version, rows = _recall(organisation_id, digest)
    if rows is not None:
        return [tuple(row) for row in rows]
    rows = _count(sql, params)
    _keep(digest, organisation_id, version, rows)
    return rows
