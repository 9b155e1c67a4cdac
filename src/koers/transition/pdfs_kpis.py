"""TRN-13: the KPI report of a period as a PDF — the table against the baseline and the chart
of one KPI over the months (the same SVG as the page; WeasyPrint draws it)."""

from django.utils import timezone

from koers.documents.render import css_string, render_pdf
from koers.transition.selectors.kpi_page import KpiPage


def kpi_report_pdf(page: KpiPage) -> bytes:
    footer = css_string(f"KPI doorstroom · {page.team.label} · {page.period_label}")
    context = {
        "p": page,
        "centre": page.team.organisation,
        "footer_css": footer,
        "made_on": timezone.localdate(),
    }
    return render_pdf("transition/pdf/kpis.html", context)


def kpi_report_name(page: KpiPage) -> str:
    return f"kpi-doorstroom-{page.period.start:%Y%m%d}-{page.period.end:%Y%m%d}.pdf"
