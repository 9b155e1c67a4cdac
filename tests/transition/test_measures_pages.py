"""The measures pages (TRN-09..12) and the follow-up pages (TRN-17): forms keep their input on
error with the message next to the field, nothing saved; constant query counts."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from koers.trajectories.models import Document
from koers.transition import models as m
from koers.transition.services import followup as followup_services
from koers.transition.services import measures as services
from tests.factories import ClientFactory
from tests.transition.conftest import TRN_TODAY, open_file

pytestmark = pytest.mark.django_db

BVS_DOCS = [
    "bvs_agreement",
    "social_inspection_permission",
    "task_description",
    "insurance_broker_check",
    "mentor_named",
]


def _plan(file, coach, kind="bvs", **data):
    data.setdefault("planned_start", TRN_TODAY)
    return services.measure_plan(
        file=file, data=services.MeasureData(kind=kind, **data), acting_user=coach
    )[0]


def test_trn_11_the_plan_form_refuses_an_ibo_of_7_months_and_keeps_the_input(
    transition_file, job_coach, logged_in
):
    url = reverse("transition_measure_new", kwargs={"pk": transition_file.pk})
    client = logged_in(job_coach)
    assert client.get(url + "?soort=ibo").status_code == 200
    response = client.post(
        url,
        {
            "kind": "ibo",
            "planned_start": "2026-10-05",
            "planned_end": "2027-05-05",
            "mentor": "Marleen",
        },
    )
    assert response.status_code == 422
    body = response.content.decode()
    assert "maximaal 6 maanden" in body and "TRN-11" in body and 'value="Marleen"' in body
    assert not m.Measure.objects.exists()


def test_trn_09_the_plan_form_plans_a_bvs_of_two_weeks(transition_file, job_coach, logged_in):
    url = reverse("transition_measure_new", kwargs={"pk": transition_file.pk})
    response = logged_in(job_coach).post(
        url,
        {
            "kind": "bvs",
            "planned_start": "2026-10-05",
            "new_employer_name": "Logistiek Noord",
            "mentor": "Jan",
            "task_description": "Orderpicking",
        },
    )
    measure = m.Measure.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("transition_measure", kwargs={"pk": measure.pk})
    assert measure.planned_end == date(2026, 10, 18)


def test_trn_12_the_activa_form_offers_the_seed_c4_text(transition_file, job_coach, logged_in):
    url = reverse("transition_measure_new", kwargs={"pk": transition_file.pk}) + "?soort=activa"
    body = logged_in(job_coach).get(url).content.decode()
    assert "met betere arbeidsomstandigheden" in body and "id_c4_text" in body


def test_trn_09_the_start_button_refuses_without_documents_and_names_them(
    transition_file, job_coach, logged_in
):
    measure = _plan(transition_file, job_coach)
    client = logged_in(job_coach)
    page = client.get(reverse("transition_measure", kwargs={"pk": measure.pk})).content.decode()
    assert "Overeenkomst BVS" in page and "data-confirm" in page
    response = client.post(
        reverse("transition_measure_start", kwargs={"pk": measure.pk}), follow=True
    )
    assert "kan niet starten" in response.content.decode()
    measure.refresh_from_db()
    assert measure.state == m.MeasureState.PLANNED


def test_trn_09_ticking_the_documents_then_starting_and_evaluating(
    transition_file, job_coach, logged_in
):
    measure = _plan(transition_file, job_coach)
    client = logged_in(job_coach)
    client.post(
        reverse("transition_measure_documents", kwargs={"pk": measure.pk}), {"present": BVS_DOCS}
    )
    client.post(reverse("transition_measure_start", kwargs={"pk": measure.pk}))
    measure.refresh_from_db()
    assert measure.state == m.MeasureState.RUNNING
    evaluate = reverse("transition_measure_evaluate", kwargs={"pk": measure.pk})
    bad = client.post(evaluate, {"kind": "interim", "on": "2026-10-05", "level_initiatief": "7"})
    assert bad.status_code == 422 and not m.MeasureEvaluation.objects.exists()
    client.post(
        evaluate,
        {"kind": "interim", "on": "2026-10-05", "by_phone": "on", "level_initiatief": "3"},
    )
    evaluation = m.MeasureEvaluation.objects.get()
    assert evaluation.levels == {"initiatief": 3} and evaluation.by_phone


def test_trn_09_the_bvs_checklist_pdf_is_stored_in_the_file(transition_file, job_coach, logged_in):
    measure = _plan(transition_file, job_coach, mentor="Jan", task_description="Orderpicking")
    response = logged_in(job_coach).post(
        reverse("transition_measure_checklist", kwargs={"pk": measure.pk})
    )
    document = Document.objects.get(trajectory=transition_file.trajectory)
    assert response.status_code == 302 and str(document.pk) in response["Location"]
    assert document.file.read().startswith(b"%PDF")


def test_trn_17_the_placement_form_refuses_a_future_first_day(
    transition_file, job_coach, logged_in
):
    url = reverse("transition_placement_new", kwargs={"pk": transition_file.pk})
    tomorrow = f"{TRN_TODAY + timedelta(days=1):%Y-%m-%d}"
    response = logged_in(job_coach).post(
        url, {"destination": "work", "first_day": tomorrow, "new_employer_name": "Groen & Co"}
    )
    assert response.status_code == 422 and "TRN-17" in response.content.decode()
    assert not m.Placement.objects.exists()


def test_trn_17_a_follow_up_on_the_placement_page(transition_file, job_coach, logged_in):
    placement = followup_services.placement_record(
        file=transition_file,
        data=followup_services.PlacementData(
            destination="work", first_day=date(2026, 9, 1), new_employer_name="Logistiek Noord"
        ),
        acting_user=job_coach,
    )
    client = logged_in(job_coach)
    url = reverse("transition_followup_add", kwargs={"pk": placement.pk})
    bad = client.post(url, {"day": "2026-10-04", "checkpoint": "second", "status": "in_work"})
    assert bad.status_code == 422 and "kan pas vanaf" in bad.content.decode()
    client.post(url, {"day": "2026-10-04", "checkpoint": "first", "status": "in_work"})
    assert placement.records.get().checkpoint == "first"


def _workers(company, coach, n):
    files = []
    for i in range(n):
        worker = ClientFactory(organisation=company, first_name=f"W{i}", last_name="Test")
        file = open_file(worker, coach, company, proposed_by="coach")
        _plan(file, coach)
        _plan(file, coach, kind="ibo", planned_end=date(2026, 12, 31))
        followup_services.placement_record(
            file=file,
            data=followup_services.PlacementData(
                destination="work", first_day=date(2026, 9, 21), new_employer_name=f"Firma {i}"
            ),
            acting_user=coach,
        )
        files.append(file)
    return files


def _count(client, url) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_trn_17_the_followup_list_reads_a_constant_number_of_queries(company, job_coach, logged_in):
    client = logged_in(job_coach)
    url = reverse("transition_followups")
    _workers(company, job_coach, 1)
    few = _count(client, url)
    _workers(company, job_coach, 4)
    assert _count(client, url) == few


def test_trn_09_the_file_page_sections_read_a_constant_number_of_queries(
    company, job_coach, logged_in
):
    client = logged_in(job_coach)
    (file,) = _workers(company, job_coach, 1)
    url = reverse("transition_file", kwargs={"pk": file.pk})
    few = _count(client, url)
    for _ in range(3):
        _plan(file, job_coach, kind="activa", planned_end=TRN_TODAY)
    body = client.get(url).content.decode()
    assert "ACTIVA-plan" in body and "Doorstroom en opvolging" in body
    assert _count(client, url) == few


def test_trn_12_the_activa_page_shows_the_advantage_and_trn_11_the_rva_payment_day(
    transition_file, job_coach, logged_in
):
    measure = _plan(
        transition_file,
        job_coach,
        kind="activa",
        planned_end=TRN_TODAY,
        origin="LDE",
        resignation_signed_on=date(2026, 10, 1),
    )
    body = logged_in(job_coach).get(reverse("transition_measure", kwargs={"pk": measure.pk}))
    text = body.content.decode()
    assert "RSZ-vermindering per kwartaal" in text and "15/10/2026" in text


def test_trn_12_an_activa_plan_runs_two_years_by_default(transition_file, job_coach):
    measure = _plan(transition_file, job_coach, kind="activa")
    assert measure.planned_end == date(2028, 10, 4)


def test_trn_09_the_measure_page_reads_a_constant_number_of_queries(
    transition_file, job_coach, logged_in
):
    measure = _plan(transition_file, job_coach)
    services.measure_documents_update(
        measure=measure,
        data=services.DocumentsData(present=frozenset(BVS_DOCS)),
        acting_user=job_coach,
    )
    services.measure_start(measure=measure, acting_user=job_coach)
    client = logged_in(job_coach)
    url = reverse("transition_measure", kwargs={"pk": measure.pk})
    services.measure_evaluate(
        measure=measure,
        kind="interim",
        on=TRN_TODAY,
        levels={"initiatief": 2},
        acting_user=job_coach,
    )
    few = _count(client, url)
    for _ in range(3):
        services.measure_evaluate(
            measure=measure,
            kind="interim",
            on=TRN_TODAY,
            levels={"initiatief": 3, "samenwerken": 4},
            acting_user=job_coach,
        )
    assert _count(client, url) == few
