"""TRN-13: one KPI export job, for its status page and its download (its requester's only)."""

from django.http import Http404, HttpResponse

from koers.core.models import User
from koers.lib.exports import CONTENT_TYPES
from koers.transition import models as m


def kpi_export_get(*, user: User, pk: int) -> m.KpiExport:
    export = (
        m.KpiExport.objects.visible_to(user).select_related("organisation", "coach").filter(pk=pk)
    )
    found = export.first()
    if found is None:
        raise Http404
    return found


def download(content: bytes, file_name: str, content_type: str = CONTENT_TYPES["xlsx"]):
    """A file as a download, for the pages and the API alike; kept by no browser or proxy."""
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{file_name}"'
    response["Cache-Control"] = "no-store"
    return response


def finished_download(export: m.KpiExport) -> HttpResponse:
    """The spreadsheet of a finished export; 404 while it runs or when it failed."""
    if not export.is_done:
        raise Http404
    return download(bytes(export.content), export.file_name)
