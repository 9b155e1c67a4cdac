"""TRN-13: the KPI page (table against the baseline, an accessible SVG chart with the same
figures as a table), its query count constant as events grow, the PDF report and the XLSX export
(direct, and as a job with a status page), each starting from the user's own organisation."""

import io
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from koers.transition import models as m
from tests.factories import ClientFactory
from tests.transition.conftest import open_file
from tests.transition.kpi_history import follow_up, year_of_events

URL = "/doorstroom/kpi/"


def _files_with_events(company, coach, count: int):
    employer = m.Employer.objects.create(organisation=company, name=f"Werkgever {count}")
    for _ in range(count):
        file = open_file(ClientFactory(organisation=company), coach, company, proposed_by="coach")
        for year in (2025, 2026):
            placed = year_of_events(file, coach, employer, year)
            follow_up(placed, coach, date(year, 9, 16), checkpoint="first")


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.django_db
def test_trn_13_the_kpi_page_query_count_does_not_grow_with_the_events(
    company, job_coach, logged_in
):
    client = logged_in(job_coach)
    _files_with_events(company, job_coach, 1)
    one = _queries(client, URL)
    _files_with_events(company, job_coach, 29)
    thirty = _queries(client, URL)
    assert one == thirty
    coach_url = (
        f"{URL}?organisation={company.pk}&coach={job_coach.pk}&start=2026-01-01&end=2026-10-05"
        "&baseline_start=2025-01-01&baseline_end=2025-10-05"
    )
    assert _queries(client, coach_url) == thirty + 1  # the chosen coach, looked up once


@pytest.mark.django_db
def test_trn_13_the_page_shows_16_kpis_and_an_accessible_chart(company, job_coach, logged_in):
    _files_with_events(company, job_coach, 2)
    response = logged_in(job_coach).get(URL + "?kpi=trainings")
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count('<th scope="row" class="u-font-weight-normal">') >= 16
    assert "Bedrijfsvoorstellingen" in html and "Besproken vacatures" in html
    assert "<svg" in html and '<title id="kpi-chart-title">Trainingen per maand</title>' in html
    assert '<desc id="kpi-chart-desc">' in html and "@media print" in html
    assert response.context["p"].rows[4].value == "4"  # two files, two trainings each in 2026


@pytest.mark.django_db
def test_trn_13_a_period_that_ends_before_it_starts_is_refused(job_coach, logged_in):
    response = logged_in(job_coach).get(URL + "?start=2026-05-01&end=2026-04-01")
    assert response.status_code == 422
    assert "Het einde van de periode ligt vóór het begin. (TRN-13)" in response.content.decode()


@pytest.mark.django_db
def test_trn_13_another_companys_kpis_are_404(other_company, job_coach, logged_in):
    response = logged_in(job_coach).get(URL + f"?organisation={other_company.pk}")
    # An organisation that is not the coach's is no choice: the page shows the coach's own.
    assert response.status_code in (200, 422)
    assert response.context["p"].team.organisation != other_company


@pytest.mark.django_db
def test_trn_13_the_pdf_report_has_the_table_and_the_chart(company, job_coach, logged_in):
    _files_with_events(company, job_coach, 1)
    response = logged_in(job_coach).get(reverse("transition_kpis_pdf"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


@pytest.mark.django_db
def test_trn_13_the_xlsx_export_has_period_baseline_difference_and_months(
    company, job_coach, logged_in, caplog
):
    _files_with_events(company, job_coach, 1)
    m.Employer.objects.filter(organisation=company).update(name="=HYPERLINK(1)")
    data = {
        "organisation": company.pk,
        "start": "2026-01-01",
        "end": "2026-10-05",
        "baseline_start": "2025-01-01",
        "baseline_end": "2025-10-05",
    }
    with caplog.at_level("INFO", logger="koers.audit.exports"):
        response = logged_in(job_coach).post(reverse("transition_kpis_export"), data)
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:5] == ("Nr.", "KPI", rows[0][2], rows[0][3], "Verschil")
    assert len(rows) == 17 and len(rows[0]) == 5 + 10  # 16 KPIs; January to October
    trainings = rows[5]
    assert trainings[:5] == (5, "Trainingen", 2, 2, 0)
    assert trainings[5 + 2] == 2  # both trainings in March
    assert float(rows[12][2]) == 1.5  # coaching hours as a number of hours
    export = m.KpiExport.objects.get()
    assert export.requested_by == job_coach and export.is_done
    assert f"user={job_coach.pk}" in caplog.text


@pytest.mark.django_db
def test_trn_13_a_long_export_runs_as_a_job_with_a_status_page(company, job_coach, logged_in):
    _files_with_events(company, job_coach, 1)
    data = {
        "organisation": company.pk,
        "start": "2023-01-01",
        "end": "2026-10-05",
        "baseline_start": "2022-01-01",
        "baseline_end": "2022-12-31",
    }
    client = logged_in(job_coach)
    response = client.post(reverse("transition_kpis_export"), data)
    export = m.KpiExport.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("transition_kpi_export", args=[export.pk])
    page = client.get(response["Location"])
    assert page.status_code == 200 and "Download de Excel" in page.content.decode()
    download = client.get(reverse("transition_kpi_export_download", args=[export.pk]))
    assert download.status_code == 200 and download.content[:2] == b"PK"
    assert export.progress == 100 or m.KpiExport.objects.get().progress == 100
