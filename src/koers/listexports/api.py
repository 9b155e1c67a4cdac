"""/exports/<list>: every list as CSV or XLSX with the same filter and access as its page
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
from koers.listexports.schemas import ExportJobOut, ExportQuery
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


def _export(request: HttpRequest, kind: str, params: ExportQuery):
    """The rows the user sees on the list page with this filter; over the inline limit a 202
    with the job to poll."""
    export, content = list_export_start(
        user=auth_user(request),
        kind=list_kind(kind),
        fmt=params.format,
        given=params.dict(exclude_none=True),
    )
    if content is not None:
        return selectors.download(content, export.download_name, params.format)
    return 202, job_out(export)


# One operation per list (a path id is always a number, `tests/api/test_huge_ids.py`).
RESPONSES = {200: None, 202: ExportJobOut, **ERRORS}


@router.get("/exports/clients", response=RESPONSES, summary="Export: cliënten")
def export_clients(request: HttpRequest, params: Query[ExportQuery]):
    """The client list; `q` searches as the page does."""
    return _export(request, "clients", params)


@router.get("/exports/leads", response=RESPONSES, summary="Export: aanvragen")
def export_leads(request: HttpRequest, params: Query[ExportQuery]):
    """The leads; `status` (open, a state, all), `mijn=1`, `laat=1`."""
    return _export(request, "leads", params)


@router.get("/exports/mediation", response=RESPONSES, summary="Export: klanten opvolgen")
def export_mediation(request: HttpRequest, params: Query[ExportQuery]):
    """The mediation services; `status`, `tender`."""
    return _export(request, "mediation", params)


@router.get("/exports/trajectories", response=RESPONSES, summary="Export: trajecten")
def export_trajectories(request: HttpRequest, params: Query[ExportQuery]):
    """The trajectories; `programma`, `status`, `mijn=1`, `dossier` (volledig, open)."""
    return _export(request, "trajectories", params)


@router.get("/exports/contacts", response=RESPONSES, summary="Export: contacten")
def export_contacts(request: HttpRequest, params: Query[ExportQuery]):
    """The contacts; `van`, `tot` (ISO dates, default this month), `mijn=1`."""
    return _export(request, "contacts", params)


@router.get("/exports/transition", response=RESPONSES, summary="Export: doorstroom")
def export_transition(request: HttpRequest, params: Query[ExportQuery]):
    """The transition files; `q` searches the worker's name, `fase` (e.g. 1.2)."""
    return _export(request, "transition", params)


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
