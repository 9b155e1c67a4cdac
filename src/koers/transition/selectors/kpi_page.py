"""TRN-13: what the KPI page, its PDF and its spreadsheet show — the 16 KPIs of the period
against the baseline ("nulmeting"), and one KPI over the months as an accessible bar chart
(the same figures as a table beside it)."""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from koers.lib.exports import Column, Table
from koers.transition.rules import kpis as rules
from koers.transition.selectors.kpis import KpiFigures, Team, kpi_figures_with_baseline

# A period and baseline of more months than this is exported as a job (progress shown).
EXPORT_DIRECT_MONTHS = 36


@dataclass(frozen=True)
class KpiRow:
    number: int
    kpi: str
    label: str
    value: str
    baseline: str
    difference: str
    ratio: Decimal | None
    trend: str  # "up", "down", "same": for the badge


@dataclass(frozen=True)
class Bar:
    label: str  # "jan 2026"
    short: str  # "jan"
    value: str  # as shown
    x: float
    y: float
    height: float
    label_x: float


@dataclass(frozen=True)
class Chart:
    kpi: str
    title: str
    description: str
    bars: tuple[Bar, ...]
    bar_width: float
    ticks: tuple[tuple[float, str], ...]  # (y, label) of the gridlines
    width: int = 720
    height: int = 260
    left: int = 44
    top: int = 20
    bottom: int = 40

    @property
    def base_y(self) -> int:
        return self.height - self.bottom

    @property
    def right(self) -> int:
        return self.width - 8


@dataclass(frozen=True)
class KpiPage:
    team: Team
    period: rules.Period
    baseline: rules.Period
    rows: tuple[KpiRow, ...]
    chart: Chart
    kpi_choices: tuple[tuple[str, str], ...] = field(default=())

    @property
    def period_label(self) -> str:
        return period_label(self.period)

    @property
    def baseline_label(self) -> str:
        return period_label(self.baseline)


def period_label(period: rules.Period) -> str:
    return f"{date_format(period.start, 'j M Y')} – {date_format(period.end, 'j M Y')}"


def kpi_choices() -> tuple[tuple[str, str], ...]:
    return tuple((k.value, f"{rules.KPI_NUMBER[k]}. {rules.KPI_LABELS[k]}") for k in rules.KPIS)


def is_kpi(kpi: str) -> bool:
    return kpi in rules.KPI_NUMBER


def period_problem(start: date, end: date) -> str | None:
    refusal = rules.period_refusal(rules.Period(start, end))
    return str(refusal) if refusal else None


def _rows(current: rules.KpiCounts, baseline: rules.KpiCounts) -> tuple[KpiRow, ...]:
    out = []
    for c in rules.compare(baseline, current):
        trend = "up" if c.difference > 0 else "down" if c.difference < 0 else "same"
        diff = rules.shown_value(c.kpi, c.difference)
        out.append(
            KpiRow(
                number=rules.KPI_NUMBER[c.kpi],
                kpi=c.kpi,
                label=str(rules.KPI_LABELS[c.kpi]),
                value=rules.shown_value(c.kpi, c.current),
                baseline=rules.shown_value(c.kpi, c.baseline),
                difference=f"+{diff}" if c.difference > 0 else diff,
                ratio=c.ratio,
                trend=trend,
            )
        )
    return tuple(out)


def _scale_top(highest: float) -> int:
    """A round top for the axis: 1, 2, 5, 10, 20, 50 … at or above the highest bar."""
    magnitude = 1
    while True:
        for step in (1, 2, 5):
            if step * magnitude >= highest:
                return step * magnitude
        magnitude *= 10


def chart(kpi: str, figures: KpiFigures) -> Chart:
    """One KPI per month as bars (coaching in hours)."""
    label = str(rules.KPI_LABELS[kpi])
    raw = rules.series_of(kpi, figures.series)
    numbers = [v / 60 if kpi == rules.Kpi.COACHING_HOURS else v for v in raw]
    months = [m for m, _ in figures.series]
    geometry = Chart(kpi, "", "", (), 0, ())
    plot_w = geometry.right - geometry.left
    plot_h = geometry.base_y - geometry.top
    top = _scale_top(max(numbers, default=0))
    slot = plot_w / max(1, len(months))
    bar_w = round(slot * 0.66, 1)
    bars = []
    for i, (month, number, value) in enumerate(zip(months, numbers, raw, strict=True)):
        h = round(plot_h * number / top, 1)
        x = round(geometry.left + i * slot + (slot - bar_w) / 2, 1)
        bars.append(
            Bar(
                label=date_format(month, "F Y"),
                short=date_format(month, "M" if len(months) <= 12 else "n/y"),
                value=rules.shown_value(kpi, value),
                x=x,
                y=round(geometry.base_y - h, 1),
                height=h,
                label_x=round(x + bar_w / 2, 1),
            )
        )
    whole = kpi != rules.Kpi.COACHING_HOURS  # a count has no half-way gridline at 0,5
    ticks = tuple(
        (round(geometry.base_y - plot_h * f, 1), _fmt(top * f))
        for f in (0.5, 1)
        if not whole or top * f == int(top * f)
    ) + ((geometry.base_y, "0"),)
    return Chart(
        kpi,
        _("%(kpi)s per maand") % {"kpi": label},
        _describe(label, bars, figures.period),
        tuple(bars),
        bar_w,
        ticks,
    )


def _fmt(number: float) -> str:
    return str(int(number)) if number == int(number) else f"{number:.1f}".replace(".", ",")


def _describe(label: str, bars: list[Bar], period: rules.Period) -> str:
    text = _("Staafdiagram: %(kpi)s per maand, %(period)s.") % {
        "kpi": label,
        "period": period_label(period),
    }
    if bars:
        best = max(bars, key=lambda b: (b.height, b.x))
        text += " " + _("Hoogste waarde: %(value)s in %(month)s.") % {
            "value": best.value,
            "month": best.label,
        }
    return text


def kpi_page(team: Team, period: rules.Period, baseline: rules.Period, kpi: str) -> KpiPage:
    current, before = kpi_figures_with_baseline(team, period, baseline)
    return KpiPage(
        team=team,
        period=period,
        baseline=baseline,
        rows=_rows(current.counts, before.counts),
        chart=chart(kpi if is_kpi(kpi) else rules.Kpi.TRANSITIONS, current),
        kpi_choices=kpi_choices(),
    )


def months_of(period: rules.Period) -> int:
    return len(rules.months_between(period.start, period.end))


def export_is_large(period: rules.Period, baseline: rules.Period) -> bool:
    return months_of(period) + months_of(baseline) > EXPORT_DIRECT_MONTHS


def export_table(team: Team, current: KpiFigures, before: KpiFigures) -> Table:
    """One row per KPI: number, KPI, period, baseline, difference, then one column per month
    of the period (coaching in hours: numbers stay numbers in the spreadsheet)."""
    months = [m for m, _ in current.series]
    columns = [
        Column(_("Nr."), 5),
        Column(_("KPI"), 48),
        Column(_("Periode %(period)s") % {"period": period_label(current.period)}, 16, "0.0"),
        Column(_("Nulmeting %(period)s") % {"period": period_label(before.period)}, 16, "0.0"),
        Column(_("Verschil"), 10, "0.0"),
    ] + [Column(date_format(m, "M Y"), 10, "0.0") for m in months]
    rows = []
    for c in rules.compare(before.counts, current.counts):
        scale = (lambda v: Decimal(v) / 60) if c.kpi == rules.Kpi.COACHING_HOURS else int
        monthly = [scale(v) for v in rules.series_of(c.kpi, current.series)]
        rows.append(
            [
                rules.KPI_NUMBER[c.kpi],
                str(rules.KPI_LABELS[c.kpi]),
                scale(c.current),
                scale(c.baseline),
                scale(c.difference),
                *monthly,
            ]
        )
    return Table(_("KPI doorstroom"), columns, rows)


def export_file_name(team: Team, period: rules.Period) -> str:
    return f"kpi-doorstroom-{period.start:%Y%m%d}-{period.end:%Y%m%d}.xlsx"
