"""TRN-13: the KPI dashboard of a team for a period against a baseline, its PDF report, and the
spreadsheet export (at once, or as a job with a status page)."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from koers.core.form_pages import REJECTED_STATUS
from koers.transition.forms.kpis import KpiFilterForm
from koers.transition.pdfs_kpis import kpi_report_name, kpi_report_pdf
from koers.transition.selectors import kpi_exports
from koers.transition.selectors import kpis as sel
from koers.transition.selectors.kpi_page import export_is_large, kpi_page
from koers.transition.services.kpi_exports import kpi_export_start


def _page(request, data):
    form = KpiFilterForm(data or None, user=request.user, today=timezone.localdate())
    choice = form.choice()
    team = sel.team_get(request.user, choice.organisation_id, choice.coach_id)
    return form, choice, kpi_page(team, choice.period, choice.baseline, choice.kpi)


@login_required
@require_GET
def transition_kpis(request):
    form, _choice, page = _page(request, request.GET)
    status = REJECTED_STATUS if form.is_bound and form.errors else 200
    context = {"form": form, "p": page, "query": request.GET.urlencode()}
    return render(request, "transition/kpis.html", context, status=status)


@login_required
@require_GET
def transition_kpis_pdf(request):
    _form, _choice, page = _page(request, request.GET)
    pdf = kpi_report_pdf(page)
    return kpi_exports.download(pdf, kpi_report_name(page), "application/pdf")


@login_required
@require_POST
def transition_kpis_export(request):
    form, choice, _page_data = _page(request, request.POST)
    if form.errors:
        return redirect("transition_kpis")
    export = kpi_export_start(
        user=request.user,
        organisation_id=choice.organisation_id,
        coach_id=choice.coach_id,
        period=choice.period,
        baseline=choice.baseline,
    )
    if export.is_done and not export_is_large(choice.period, choice.baseline):
        return kpi_exports.download(bytes(export.content), export.file_name)
    return redirect("transition_kpi_export", pk=export.pk)


@login_required
@require_GET
def transition_kpi_export(request, pk: int):
    export = kpi_exports.kpi_export_get(user=request.user, pk=pk)
    return render(request, "transition/kpis/export.html", {"export": export})


@login_required
@require_GET
def transition_kpi_export_download(request, pk: int):
    export = kpi_exports.kpi_export_get(user=request.user, pk=pk)
    if not export.is_done:
        raise Http404
    return kpi_exports.download(bytes(export.content), export.file_name)
