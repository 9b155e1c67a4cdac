"""TRN-13: the activity kinds as KPIs (the small rule added for database counts) and the chart's
geometry: one bar per month, heights on a round scale, the same figures as shown."""

from datetime import date

from koers.transition.rules import kpis as rules
from koers.transition.selectors.kpi_page import chart
from koers.transition.selectors.kpis import KpiFigures


def test_trn_13_each_activity_kind_counts_for_one_kpi_or_none():
    assert rules.kpi_of_kind("job_center_2") == rules.Kpi.APPLICATION_ACTIONS
    assert rules.kpi_of_kind("training") == rules.Kpi.TRAININGS
    assert rules.kpi_of_kind("phone_prospecting") == rules.Kpi.PHONE_PROSPECTING
    assert rules.kpi_of_kind("job_day") is None
    assert rules.counts_from({"pdps": 2})["pdps"] == 2
    assert sum(rules.counts_from({}).values) == 0


def test_trn_13_the_chart_has_a_bar_per_month_on_a_round_scale():
    months = [date(2026, n, 1) for n in (1, 2, 3)]
    series = tuple(
        (m, rules.counts_from({"coaching_hours": minutes}))
        for m, minutes in zip(months, (90, 0, 420), strict=True)
    )
    period = rules.Period(date(2026, 1, 1), date(2026, 3, 31))
    figures = KpiFigures(period, sum((c for _, c in series), rules.KpiCounts()), series)
    c = chart("coaching_hours", figures)
    assert [b.value for b in c.bars] == ["1,5", "0,0", "7,0"]
    assert c.ticks[1][1] == "10"  # 7 hours: the axis goes to 10
    assert c.bars[2].height == round((c.base_y - c.top) * 0.7, 1)
    assert "Hoogste waarde: 7,0 in maart 2026." in c.description
