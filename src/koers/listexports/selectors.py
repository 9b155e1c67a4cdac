"""One list export for its status page and its download: its requester's only (404 otherwise)."""

from django.http import Http404, HttpResponse

from koers.core.models import User
from koers.lib.exports import CONTENT_TYPES
from koers.listexports.models import ListExport


def list_export_get(*, user: User, pk: int) -> ListExport:
    found = ListExport.objects.visible_to(user).filter(pk=pk).defer("content").first()
    if found is None:
        raise Http404
    return found


def download(content: bytes, file_name: str, fmt: str) -> HttpResponse:
    """A file as a download, for the pages and the API alike; kept by no browser or proxy."""
    response = HttpResponse(content, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{file_name}"'
    response["Cache-Control"] = "no-store"  # personal data
    return response


def finished_download(*, user: User, pk: int) -> HttpResponse:
    """The job's file for its requester; 404 while it runs, when it failed or expired."""
    export = ListExport.objects.visible_to(user).filter(pk=pk).first()
    if export is None or not export.is_done:
        raise Http404
    return download(bytes(export.content), export.download_name, export.format)
