"""A large export runs as a job (issue 16): its status page shows the progress and refreshes by
htmx polling, its file is its requester's only and is kept `KOERS_EXPORT_KEEP_DAYS` days; the API
answers 202 with the job."""

from datetime import timedelta

import pytest
from django.utils import timezone

from koers.core.sweep import run_sweep
from koers.listexports import services
from koers.listexports.models import ExportStatus, ListExport
from koers.listexports.registry import list_kind
from tests.api.conftest import Api
from tests.factories import ClientFactory, TrajectoryFactory
from tests.listexports.conftest import download, xlsx_rows

pytestmark = pytest.mark.django_db


@pytest.fixture
def three_clients(coach, centre):
    for name in ("Aerts", "Claes", "Peeters"):
        client = ClientFactory(organisation=centre, last_name=name)
        TrajectoryFactory(client=client, responsible=coach, organisation=centre)


@pytest.fixture
def large(settings):
    settings.KOERS_EXPORT_INLINE_ROWS = 2  # three rows make a job


def test_a_large_export_goes_to_its_job_page_and_is_downloaded_there(
    coach, three_clients, large, logged_in
):
    client = logged_in(coach)
    response = client.get("/exporteren/clients/?formaat=xlsx")
    export = ListExport.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/exporteren/taken/{export.pk}/"
    page = client.get(response["Location"]).content.decode()
    assert "Download het bestand" in page
    assert 'hx-trigger="every' not in page  # done: no more polling
    rows = xlsx_rows(download(client.get(f"/exporteren/taken/{export.pk}/bestand/")))
    assert [r[0] for r in rows[1:]] == ["Aerts", "Claes", "Peeters"]
    assert (export.status, export.progress, export.row_count) == (ExportStatus.DONE, 100, 3)


def test_a_running_job_shows_its_progress_and_polls(coach, logged_in):
    export = ListExport.objects.create(
        requested_by=coach, kind="clients", format="csv", status=ExportStatus.RUNNING, progress=40
    )
    client = logged_in(coach)
    page = client.get(f"/exporteren/taken/{export.pk}/").content.decode()
    assert "Export wordt gemaakt… 40 %" in page
    assert f'hx-get="/exporteren/taken/{export.pk}/"' in page
    assert 'hx-trigger="every 2s"' in page
    partial = client.get(f"/exporteren/taken/{export.pk}/", headers={"HX-Request": "true"})
    assert "<html" not in partial.content.decode()
    assert 'data-testid="export-status"' in partial.content.decode()
    assert client.get(f"/exporteren/taken/{export.pk}/bestand/").status_code == 404


def test_only_the_requester_opens_the_job_and_its_file(
    coach, other_coach, centre_staff, three_clients, large, logged_in
):
    logged_in(coach).get("/exporteren/clients/?formaat=csv")
    export = ListExport.objects.get()
    for someone in (other_coach, centre_staff):
        client = logged_in(someone)
        assert client.get(f"/exporteren/taken/{export.pk}/").status_code == 404
        assert client.get(f"/exporteren/taken/{export.pk}/bestand/").status_code == 404


def test_the_job_reports_its_progress_after_each_chunk(coach, three_clients, monkeypatch):
    monkeypatch.setattr(services, "CHUNK", 1)
    seen = []
    services.list_export_bytes(list_kind("clients"), coach, {}, "csv", seen.append)
    assert seen == [1, 2, 3]


def test_a_queue_that_is_down_marks_the_job_failed(coach, three_clients, large, monkeypatch):
    def down(*args):
        raise ConnectionError

    monkeypatch.setattr(services, "list_export_task", down)
    export, content = services.list_export_start(
        user=coach, kind=list_kind("clients"), fmt="csv", given={}
    )
    assert content is None
    assert (export.status, export.error) == (ExportStatus.FAILED, "ConnectionError")


def test_the_sweep_empties_a_file_after_the_keeping_days(coach, settings, logged_in):
    settings.KOERS_EXPORT_KEEP_DAYS = 7
    now = timezone.now()
    old = ListExport.objects.create(
        requested_by=coach,
        kind="clients",
        format="csv",
        status=ExportStatus.DONE,
        content=b"x",
        finished_at=now - timedelta(days=8),
    )
    recent = ListExport.objects.create(
        requested_by=coach,
        kind="clients",
        format="csv",
        status=ExportStatus.DONE,
        content=b"y",
        finished_at=now - timedelta(days=6),
    )
    run_sweep(now)
    old.refresh_from_db()
    recent.refresh_from_db()
    assert (old.status, bytes(old.content)) == (ExportStatus.EXPIRED, b"")
    assert (recent.status, bytes(recent.content)) == (ExportStatus.DONE, b"y")
    client = logged_in(coach)
    assert client.get(f"/exporteren/taken/{old.pk}/bestand/").status_code == 404
    assert "niet meer beschikbaar" in client.get(f"/exporteren/taken/{old.pk}/").content.decode()


def test_the_api_exports_a_small_list_at_once(coach, three_clients):
    response = Api(coach).get("/exports/clients", {"format": "csv", "q": "Claes"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "Claes" in response.content.decode("utf-8-sig")
    assert "Aerts" not in response.content.decode("utf-8-sig")
    assert ListExport.objects.get().searched is True


def test_the_api_answers_202_with_the_job_of_a_large_export(
    coach, other_coach, three_clients, large
):
    api = Api(coach)
    response = api.get("/exports/trajectories", {"format": "xlsx"})
    assert response.status_code == 202
    job = response.json()
    assert (job["status"], job["row_count"], job["kind"]) == ("done", 3, "trajectories")
    assert job["url"] == f"/api/v1/exports/jobs/{job['id']}"
    assert api.get(f"/exports/jobs/{job['id']}").json()["progress"] == 100
    file = api.http.get(job["file_url"], headers=api.headers)
    assert len(xlsx_rows(download(file))) == 4
    other = Api(other_coach)
    assert other.get(f"/exports/jobs/{job['id']}").status_code == 404
    assert other.get(f"/exports/jobs/{job['id']}/file").status_code == 404


def test_the_api_refuses_an_unknown_list_or_format(coach):
    api = Api(coach)
    assert api.get("/exports/unknown").status_code == 404
    assert api.get("/exports/clients", {"format": "pdf"}).status_code == 422
