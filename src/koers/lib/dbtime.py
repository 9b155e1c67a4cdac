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

from django.db.models import (
    Case,
    CharField,
    DateTimeField,
    DurationField,
    F,
    Func,
    Value,
    When,
)
from django.db.models.functions import Substr, TruncMonth
from django.db.models.lookups import LessThan


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


def _month_tree(expression, starts: list[tuple[str, datetime]], fallback):
    """`expression`'s month among `starts[:-1]` (each month runs to the next start) by halving;
    before the first start or from the last one on: `fallback`."""

    def branch(low: int, high: int):  # months low..high-1; low == high: outside the window
        if high - low == 1:
            return Value(starts[low][0], output_field=CharField())
        mid = (low + high) // 2
        before = LessThan(expression, Value(starts[mid][1], output_field=DateTimeField()))
        return Case(When(before, then=branch(low, mid)), default=branch(mid, high))

    first = Value(starts[0][1], output_field=DateTimeField())
    last = Value(starts[-1][1], output_field=DateTimeField())
    return Case(
        When(LessThan(expression, first), then=fallback),
        When(LessThan(expression, last), then=branch(0, len(starts) - 1)),
        default=fallback,
        output_field=CharField(),
    )


class LocalMonth(Func):
    """The month ("YYYY-MM") of an aware datetime in `tzinfo` (see the module docstring)."""

    output_field = CharField()

    def __init__(self, expression, *, tzinfo: TzInfo, start: datetime, end: datetime):
        expression = F(expression) if isinstance(expression, str) else expression
        per_row = Substr(TruncMonth(expression, tzinfo=tzinfo), 1, 7, output_field=CharField())
        tree = _month_tree(expression, month_starts(tzinfo, start, max(start, end)), per_row)
        super().__init__(expression, tree)
        self.tzinfo = tzinfo

    def as_postgresql(self, compiler, connection, **extra_context):
        sql, params = compiler.compile(self.source_expressions[0])
        name = getattr(self.tzinfo, "key", None) or str(self.tzinfo)
        return f"TO_CHAR(({sql}) AT TIME ZONE %s, 'YYYY-MM')", (*params, name)

    def as_sql(self, compiler, connection, **extra_context):
        return compiler.compile(self.source_expressions[1])


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
