"""Date arithmetic for reports, done by the database itself on SQLite and PostgreSQL.

Django's `TruncMonth` and datetime arithmetic (`F("a") - F("b")`, `F("a") + timedelta`) run as a
Python function per row on SQLite (`django_datetime_trunc`, `django_timestamp_diff`,
`django_format_dtdelta`): at 20,000 leads that costs more than the whole GROUP BY (issue 14). These
expressions give the same values with the database's own operators:

- `LocalMonth(expr, tzinfo=…, start=…, end=…)`: the month ("2026-03") of an aware datetime in
  `tzinfo`, exactly as `timezone.localtime(value).strftime("%Y-%m")`. PostgreSQL converts each row
  (`AT TIME ZONE`); on SQLite the month starts between `start` and `end` are computed here, in UTC,
  and the database compares each row against them (a balanced tree of `CASE`, so a few text
  comparisons a row). A row outside `start`…`end` falls back to Django's per-row function, so the
  month is always right; `start` and `end` only decide what is fast.
- `Elapsed(later, earlier)`: `later - earlier` as a duration, to the microsecond, also on SQLite
  (where Django stores `YYYY-MM-DD HH:MM:SS[.ffffff]` in UTC), so it can be sorted and compared in
  SQL.
"""

from datetime import datetime
from datetime import tzinfo as TzInfo

from django.db.models import CharField, DurationField, F, Func
from django.db.models.functions import Substr, TruncMonth


def month_starts(tz: TzInfo, start: datetime, end: datetime) -> list[tuple[str, datetime]]:
    """("YYYY-MM", first instant of that month in `tz`) for every month from the one holding
    `start` up to the one after `end`, so the last item is where the months covered end."""
    local = start.astimezone(tz)
    year, month = local.year, local.month
    starts = []
    while True:
        first = datetime(year, month, 1, tzinfo=tz)
        starts.append((f"{year:04d}-{month:02d}", first))
        if first > end:
            return starts
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


class LocalMonth(Func):
    """The month ("YYYY-MM") of an aware datetime in `tzinfo` (see the module docstring)."""

    output_field = CharField()

    def __init__(self, expression, *, tzinfo: TzInfo, start: datetime, end: datetime):
        expression = F(expression) if isinstance(expression, str) else expression
        per_row = Substr(TruncMonth(expression, tzinfo=tzinfo), 1, 7, output_field=CharField())
        super().__init__(expression, per_row)
        self.tzinfo = tzinfo
        self.starts = month_starts(tzinfo, start, max(start, end))

    def as_postgresql(self, compiler, connection, **extra_context):
        sql, params = compiler.compile(self.source_expressions[0])
        name = getattr(self.tzinfo, "key", None) or str(self.tzinfo)
        return f"TO_CHAR(({sql}) AT TIME ZONE %s, 'YYYY-MM')", (*params, name)

    def as_sql(self, compiler, connection, **extra_context):
        """A balanced tree of CASE over the month starts (each month runs to the next start);
        before the first start or from the last one on: Django's per-row function."""
        column, column_params = compiler.compile(self.source_expressions[0])
        fallback, fallback_params = compiler.compile(self.source_expressions[1])
        starts = [
            (label, connection.ops.adapt_datetimefield_value(first)) for label, first in self.starts
        ]

        def branch(low: int, high: int) -> tuple[str, list]:  # months low..high-1
            if high - low == 1:
                return "%s", [starts[low][0]]
            mid = (low + high) // 2
            (before, before_params), (after, after_params) = branch(low, mid), branch(mid, high)
            sql = f"CASE WHEN {column} < %s THEN {before} ELSE {after} END"
            return sql, [*column_params, starts[mid][1], *before_params, *after_params]

        inside, inside_params = branch(0, len(starts) - 1)
        sql = (
            f"CASE WHEN {column} < %s THEN {fallback} WHEN {column} < %s THEN {inside}"
            f" ELSE {fallback} END"
        )
        params = [
            *column_params,
            starts[0][1],
            *fallback_params,
            *column_params,
            starts[-1][1],
            *inside_params,
            *fallback_params,
        ]
        return sql, params


# SQLite: whole seconds from strftime('%s'), microseconds from the fraction Django writes as six
# digits after position 20 (or not at all: then "|| '.000000'" supplies them).
_SQLITE_MICROSECONDS = (
    "((CAST(strftime('%%s', {a}) AS INTEGER) - CAST(strftime('%%s', {b}) AS INTEGER)) * 1000000"
    " + CAST(substr({a} || '.000000', 21, 6) AS INTEGER)"
    " - CAST(substr({b} || '.000000', 21, 6) AS INTEGER))"
)


class Elapsed(Func):
    """`later - earlier` as a duration (a `timedelta` in Python; NULL when either is NULL)."""

    output_field = DurationField()
    template = "(%(expressions)s)"
    arg_joiner = " - "

    def __init__(self, later, earlier):
        super().__init__(later, earlier)

    def as_sqlite(self, compiler, connection, **extra_context):
        (a, a_params), (b, b_params) = (compiler.compile(e) for e in self.source_expressions)
        sql = _SQLITE_MICROSECONDS.format(a=a, b=b)
        return sql, (*a_params, *b_params, *a_params, *b_params)


class DateMonth(Func):
    """The month ("YYYY-MM") of a date column, by the database's own text functions (Django's
    `TruncMonth` on a date is a Python function per row on SQLite)."""

    output_field = CharField()
    function = "SUBSTR"
    template = "SUBSTR(%(expressions)s, 1, 7)"

    def __init__(self, expression):
        super().__init__(F(expression) if isinstance(expression, str) else expression)

    def as_postgresql(self, compiler, connection, **extra_context):
        sql, params = compiler.compile(self.source_expressions[0])
        return f"TO_CHAR({sql}, 'YYYY-MM')", params
