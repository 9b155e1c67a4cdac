"""The transition files list exports its current filter as XLSX and CSV (issue 16): the rows the
user sees on the transition home page (a job coach their own workers, no other company's), the
page's search and phase applied, formula injection neutralised, and a record of the export."""

import pytest
from django.urls import reverse

from koers.listexports.models import ListExport
from koers.trajectories.models import Trajectory
from tests.factories import ClientFactory
from tests.listexports.conftest import csv_rows, download, xlsx_rows
from tests.transition.conftest import open_file

pytestmark = pytest.mark.django_db

HEADER = ["Werknemer", "Fase", "Toeleiding", "Voorgesteld op", "Jobdoelwit", "Jobcoach"]


def _export(client, fmt: str = "xlsx", query: str = ""):
    return client.get(f"{reverse('list_export', args=['transition'])}?formaat={fmt}{query}")


def _file(coach, company, first_name, last_name, **proposal):
    worker = ClientFactory(organisation=company, first_name=first_name, last_name=last_name)
    proposal.setdefault("proposed_by", "supervisor")
    proposal.setdefault("why", "Werkt zelfstandig")
    return open_file(worker, coach, company, **proposal)


@pytest.fixture
def files(job_coach, second_job_coach, outside_job_coach, company, other_company):
    """Two workers of the job coach (one in phase 1.2), one of a colleague, one elsewhere."""
    mine = _file(job_coach, company, "Karim", "Benali", job_target="Magazijnmedewerker")
    in_intake = _file(job_coach, company, "Lies", "Wouters")
    Trajectory.objects.filter(pk=in_intake.trajectory_id).update(phase="1.2")
    _file(second_job_coach, company, "Mehmet", "Yilmaz")
    _file(outside_job_coach, other_company, "Olga", "Elders")
    return mine, in_intake


def _workers(rows: list[list]) -> set:
    return {row[0] for row in rows[1:]}


def test_trn_01_a_job_coach_exports_only_their_own_workers_in_excel(files, job_coach, logged_in):
    rows = xlsx_rows(download(_export(logged_in(job_coach))))
    assert rows[0] == HEADER
    assert _workers(rows) == {"Benali, Karim", "Wouters, Lies"}
    karim = next(r for r in rows[1:] if r[0] == "Benali, Karim")
    assert karim[1].startswith("1.1 ") and karim[4] == "Magazijnmedewerker"
    assert karim[5] == "Rudi Dewaele"


def test_trn_01_company_staff_export_their_company_and_never_another(
    files, company_staff, logged_in
):
    rows = xlsx_rows(download(_export(logged_in(company_staff))))
    assert _workers(rows) == {"Benali, Karim", "Wouters, Lies", "Yilmaz, Mehmet"}
    assert "Elders, Olga" not in _workers(rows)


def test_trn_01_the_export_applies_the_pages_phase_and_search(files, job_coach, logged_in):
    client = logged_in(job_coach)
    by_phase = csv_rows(download(_export(client, "csv", "&fase=1.2")))
    assert by_phase[0] == HEADER
    assert _workers(by_phase) == {"Wouters, Lies"}
    searched = xlsx_rows(download(_export(client, "xlsx", "&q=benali")))
    assert _workers(searched) == {"Benali, Karim"}


def test_trn_01_the_export_records_the_phase_but_not_the_search_text(files, job_coach, logged_in):
    download(_export(logged_in(job_coach), "xlsx", "&q=Benali&fase=1.1"))
    export = ListExport.objects.get()
    assert (export.kind, export.requested_by, export.row_count) == ("transition", job_coach, 1)
    assert export.filters == {"fase": "1.1"} and export.searched is True
    assert "Benali" not in str(ListExport.objects.values().get())


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_trn_01_a_formula_in_a_job_target_arrives_as_text(fmt, job_coach, company, logged_in):
    formula = '=HYPERLINK("http://evil.example","klik")'
    _file(job_coach, company, "Eva", "Maes", job_target=formula)
    content = download(_export(logged_in(job_coach), fmt))
    rows = xlsx_rows(content) if fmt == "xlsx" else csv_rows(content)
    assert rows[1][4] == "'" + formula


def test_trn_01_the_transition_home_page_offers_both_exports_with_its_filter(job_coach, logged_in):
    html = logged_in(job_coach).get(reverse("transition_home") + "?fase=1.2").content.decode()
    assert "/exporteren/transition/?fase=1.2&amp;formaat=xlsx" in html
    assert "Exporteer (Excel)" in html and "Exporteer (CSV)" in html


def test_trn_01_the_api_export_gives_the_same_rows(files, job_coach, logged_in):
    response = logged_in(job_coach).get("/api/v1/exports/transition?format=csv&fase=1.2")
    assert _workers(csv_rows(download(response))) == {"Wouters, Lies"}
