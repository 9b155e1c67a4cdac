"""TRN-17 in SQL: a checkpoint's due day (`rules.followup.due_day`) as a database expression, so
the KPI page and the follow-up list filter and count placements in the database, with the same
calendar as the pure rule: the first checkpoint N calendar days (weeks × 7) after the first day,
the second N calendar months after it, the 31st becoming the last day of a shorter month
(`measure_kinds.add_months`; PostgreSQL's `date + interval` does the same, SQLite's `date()`
rolls over into the next month, so there the overflow is clamped by hand).

Which numbers apply is a rule set's: by the first day (the KPIs, `ruleset_for`) or by the
version the file was opened under (the follow-up list, `rules_of`). Either becomes one `CASE`
over the few rule sets there are, decided here from the rule sets themselves.
"""

from collections.abc import Callable, Iterable
from datetime import date, timedelta

from django.db.models import Case, DateField, F, Func, Q, When
from django.db.models.expressions import Combinable

from koers.transition.rules.followup import Checkpoint
from koers.transition.rules.measure_kinds import MeasureRules


class PlusDays(Func):
    """A date plus `days` calendar days (negative: minus)."""

    output_field = DateField()

    def __init__(self, expression, days: int):
        super().__init__(F(expression) if isinstance(expression, str) else expression)
        self.days = days

    def as_sqlite(self, compiler, connection, **extra_context):
        sql, params = compiler.compile(self.source_expressions[0])
        return f"date({sql}, %s)", (*params, f"{self.days:+d} days")

    def as_sql(self, compiler, connection, **extra_context):  # PostgreSQL: date + integer
        sql, params = compiler.compile(self.source_expressions[0])
        return f"(({sql}) + %s)", (*params, self.days)


class PlusMonths(Func):
    """A date plus `months` calendar months, the day clamped to the last of a shorter month."""

    output_field = DateField()

    def __init__(self, expression, months: int):
        super().__init__(F(expression) if isinstance(expression, str) else expression)
        self.months = months

    def as_sqlite(self, compiler, connection, **extra_context):
        sql, p = compiler.compile(self.source_expressions[0])
        plus = f"{self.months:+d} months"
        after = f"{self.months + 1:+d} months"
        text = (
            f"CASE WHEN strftime(%s, date({sql}, %s)) = strftime(%s, {sql})"
            f" THEN date({sql}, %s) ELSE date({sql}, 'start of month', %s, '-1 day') END"
        )
        return text, ("%d", *p, plus, "%d", *p, *p, plus, *p, after)

    def as_sql(self, compiler, connection, **extra_context):  # PostgreSQL clamps by itself
        sql, params = compiler.compile(self.source_expressions[0])
        return f"CAST(({sql}) + make_interval(months => %s) AS date)", (*params, self.months)


def due_expression(first_day: Combinable | str, checkpoint: str, rules: MeasureRules) -> Func:
    """`rules.followup.due_day` of a first-day column or expression."""
    if checkpoint == Checkpoint.FIRST:
        return PlusDays(first_day, 7 * rules.followup_first_weeks)
    return PlusMonths(first_day, rules.followup_second_months)


def _numbers(rules: MeasureRules) -> tuple[int, int, int]:
    return (rules.followup_first_weeks, rules.followup_second_months, rules.followup_reminder_days)


def by_first_day(
    first_day: str, starts: Iterable[date], rules_on: Callable[[date], MeasureRules]
) -> list[tuple[Q | None, MeasureRules]]:
    """The rule sets by first day: (condition, rules) for each stretch between the days on which
    the rule set in force may change (`starts`), the first condition that holds deciding; the
    last condition is None (every later day). Neighbouring stretches with the same follow-up
    numbers are one."""
    days = sorted(set(starts))
    if not days:
        return [(None, rules_on(date.min))]
    probes = [days[0] - timedelta(days=1), *days]  # a day inside each stretch
    stretches: list[tuple[date | None, MeasureRules]] = []
    for end, probe in zip([*days, None], probes, strict=True):
        rules = rules_on(probe)
        if stretches and _numbers(stretches[-1][1]) == _numbers(rules):
            stretches[-1] = (end, stretches[-1][1])
        else:
            stretches.append((end, rules))
    out: list[tuple[Q | None, MeasureRules]] = [
        (Q(**{f"{first_day}__lt": end}), rules) for end, rules in stretches[:-1]
    ]
    return [*out, (None, stretches[-1][1])]


def per_rule_set(choices: list[tuple[Q | None, MeasureRules]], expression) -> Func | Case:
    """`expression(rules)` under the rule set each row's condition picks (the first that holds)."""
    if len(choices) == 1:
        return expression(choices[0][1])
    whens = [When(q, then=expression(rules)) for q, rules in choices if q is not None]
    fallback = next(rules for q, rules in choices if q is None)
    return Case(*whens, default=expression(fallback), output_field=DateField())


def rule_set_starts(rulesets: Iterable) -> list[date]:
    """The days on which the rule set in force may change: each version's first day and the day
    after its last."""
    out = []
    for r in rulesets:
        out.append(r.valid_from)
        if r.valid_until is not None and r.valid_until < date.max:
            out.append(r.valid_until + timedelta(days=1))
    return out
