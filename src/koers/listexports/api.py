"""/exports/{kind}: every list as CSV or XLSX with the same filter and access as its page
(issue 16); a large one answers 202 with its job (`/exports/jobs/{export_id}`), whose file is
its requester's only."""

from django.http import HttpRequest
from django.urls import reverse
from ninja import Query, Router

from koers.api.errors import ERRORS
from koers.api.lookups import auth_user
from koers.api.schemas import Id
from koers.listexports import selectors
from koers.listexports.registry import list_kind
from koers.listexports.schemas import ExportJobOut, ExportQuery, ListKindName
from koers.listexports.services import list_export_start

router = Router(tags=["exports"])


def job_out(export) -> dict:
    url = reverse("api:get_export_job", kwargs={"export_id": export.pk})
    return {
        "id": export.pk,
        "kind": export.kind,
        "format": export.format,
        "status": export.status,
        "progress": export.progress,
        "row_count": export.row_count,
        "created_at": export.created_at,
        "finished_at": export.finished_at,
        "url": url,
        "file_url": f"{url}/file" if export.is_done else None,
    }


@router.get(
    "/exports/{kind}",
    response={200: None, 202: ExportJobOut, **ERRORS},
    summary="Een lijst exporteren (CSV of XLSX)",
)
def export_list(request: HttpRequest, kind: ListKindName, params: Query[ExportQuery]):
    """The rows you see on the list page with this filter; over the inline limit a 202 with the
    job to poll."""
    given = params.dict(exclude_none=True)
    export, content = list_export_start(
        user=auth_user(request), kind=list_kind(kind.value), fmt=params.format, given=given
    )
    if content is not None:
        return selectors.download(content, export.download_name, params.format)
    return 202, job_out(export)


@router.get(
    "/exports/jobs/{export_id}",
    response={200: ExportJobOut, **ERRORS},
    summary="Export: status",
    url_name="get_export_job",
)
def get_export_job(request: HttpRequest, export_id: Id):
    return job_out(selectors.list_export_get(user=auth_user(request), pk=export_id))


@router.get(
    "/exports/jobs/{export_id}/file", response={200: None, **ERRORS}, summary="Export: bestand"
)
def get_export_file(request: HttpRequest, export_id: Id):
    return selectors.finished_download(user=auth_user(request), pk=export_id)
