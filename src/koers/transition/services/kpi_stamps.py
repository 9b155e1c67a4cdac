"""TRN-13 (issue 14): raise an organisation's KPI stamp, so that no KPI memo counted before a
write is read after it (`selectors.kpi_memo`). Called by `koers.transition.signals` after every
save and inside every delete of what the figures count, in the writer's transaction."""

from django.db import connection
from django.db.models import QuerySet

from koers.transition.models import KpiMemo, KpiStamp


def kpi_stamp_raise(organisations: QuerySet) -> None:
    """Raise the stamp of every organisation the query gives (one column, `org`), in one
    statement: a missing stamp starts at 1 (an organisation without one reads as 0)."""
    sql, params = organisations.query.sql_with_params()
    table = connection.ops.quote_name(KpiStamp._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (organisation_id, version)"  # noqa: S608 - names, not input
            f" SELECT DISTINCT found.org, 1 FROM ({sql}) found WHERE found.org IS NOT NULL"
            " ON CONFLICT (organisation_id) DO UPDATE SET version = "
            f"{table}.version + 1",
            params,
        )


def kpi_memos_forget() -> None:
    """Forget every memo (after writes that pass no signal: a `bulk_create`, a raw UPDATE)."""
    KpiMemo.objects.all().delete()
