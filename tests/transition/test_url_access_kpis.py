"""TRN-13/14: every KPI-export and checklist URL with an id opens for its owner and is a 404 for
a job coach of another company (GET and POST)."""

from datetime import date

import pytest
from django.urls import reverse
from django.utils import timezone

from koers.transition import models as m

OBJECT_FOR_URL = {
    "transition_kpi_export": "export",
    "transition_kpi_export_download": "export",
    "transition_checklist": "filling",
    "transition_checklist_edit": "filling",
}


@pytest.fixture
def objects(company, job_coach):
    export = m.KpiExport.objects.create(
        organisation=company,
        start=date(2026, 1, 1),
        end=date(2026, 10, 5),
        baseline_start=date(2025, 1, 1),
        baseline_end=date(2025, 10, 5),
        requested_by=job_coach,
        finished_at=timezone.now(),
        progress=100,
        content=b"PK",
        file_name="kpi.xlsx",
    )
    filling = m.ChecklistFilling.objects.create(
        organisation=company, filled_on=date(2026, 9, 1), scores=[3] * 13, filled_by=job_coach
    )
    return {"export": export, "filling": filling}


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(OBJECT_FOR_URL))
def test_trn_13_14_owner_opens_outsider_gets_404(
    name, objects, job_coach, outside_job_coach, logged_in, client
):
    url = reverse(name, kwargs={"pk": objects[OBJECT_FOR_URL[name]].pk})
    owner = logged_in(job_coach)
    assert owner.get(url).status_code == 200
    assert owner.post(url).status_code in (200, 302, 405, 422)
    client.logout()
    outsider = logged_in(outside_job_coach)
    assert outsider.get(url).status_code == 404
    assert outsider.post(url).status_code in (404, 405)


@pytest.mark.django_db
def test_trn_13_another_coachs_export_is_404(objects, second_job_coach, logged_in):
    url = reverse("transition_kpi_export", kwargs={"pk": objects["export"].pk})
    assert logged_in(second_job_coach).get(url).status_code == 404


@pytest.mark.django_db
def test_trn_14_a_colleague_of_the_organisation_sees_its_checklist(
    objects, second_job_coach, logged_in
):
    url = reverse("transition_checklist", kwargs={"pk": objects["filling"].pk})
    assert logged_in(second_job_coach).get(url).status_code == 200
