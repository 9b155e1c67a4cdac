"""TRN-13: a team, period and baseline as the API gives them (each optional: this year so far
against the same days of last year), checked as the page checks them."""

from datetime import date

from koers.core.models import User
from koers.lib.refusals import refusal
from koers.transition.rules import kpis as rules
from koers.transition.selectors.kpis import (
    Team,
    default_periods,
    kpi_figures,
    kpi_figures_with_baseline,
    team_get,
)


def _period(start: date | None, end: date | None, default: rules.Period, field: str):
    period = rules.Period(start or default.start, end or default.end)
    problem = rules.period_refusal(period)
    if problem:
        raise refusal(field, problem)
    return period


def kpi_choice(
    *,
    user: User,
    today: date,
    organisation_id: int | None = None,
    coach_id: int | None = None,
    start: date | None = None,
    end: date | None = None,
    baseline_start: date | None = None,
    baseline_end: date | None = None,
) -> tuple[Team, rules.Period, rules.Period]:
    """404 for an organisation or coach that is not the user's; 422 for a period that ends
    before it starts."""
    team = team_get(user, organisation_id, coach_id)
    current, before = default_periods(today)
    return (
        team,
        _period(start, end, current, "end"),
        _period(baseline_start, baseline_end, before, "baseline_end"),
    )


def kpi_rows(team: Team, period: rules.Period, baseline: rules.Period) -> list[dict]:
    """The 16 KPIs with their raw values (coaching in minutes) and as shown."""
    figures = kpi_figures_with_baseline(team, period, baseline)
    current, before = (f.counts for f in figures)
    return [
        {
            "number": rules.KPI_NUMBER[c.kpi],
            "kpi": c.kpi.value,
            "label": str(rules.KPI_LABELS[c.kpi]),
            "value": c.current,
            "baseline": c.baseline,
            "difference": c.difference,
            "ratio": c.ratio,
            "shown_value": rules.shown_value(c.kpi, c.current),
            "shown_baseline": rules.shown_value(c.kpi, c.baseline),
        }
        for c in rules.compare(before, current)
    ]


def kpi_months(team: Team, period: rules.Period) -> list[dict]:
    return [
        {"month": month, "values": {k.value: v for k, v in counts.as_dict().items()}}
        for month, counts in kpi_figures(team, period).series
    ]
