"""/exporteren/<lijst>/?formaat=xlsx|csv&<the page's filter>: the export links of every list page;
a large export shows its job's status page (htmx polls it) until its file is ready."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from koers.lib.exports import FORMATS
from koers.listexports import selectors
from koers.listexports.registry import list_kind
from koers.listexports.services import list_export_start


@login_required
@require_GET
def list_export(request, kind: str):
    found = list_kind(kind)
    if found is None:
        raise Http404
    fmt = request.GET.get("formaat", "xlsx")
    if fmt not in FORMATS:
        return HttpResponseBadRequest(_("Kies het formaat xlsx of csv."))
    export, content = list_export_start(user=request.user, kind=found, fmt=fmt, given=request.GET)
    if content is not None:
        return selectors.download(content, export.download_name, fmt)
    return redirect("list_export_job", pk=export.pk)


@login_required
@require_GET
def list_export_job(request, pk: int):
    export = selectors.list_export_get(user=request.user, pk=pk)
    template = "listexports/_status.html" if request.htmx else "listexports/job.html"
    return render(request, template, {"export": export})


@login_required
@require_GET
def list_export_file(request, pk: int):
    return selectors.finished_download(user=request.user, pk=pk)
