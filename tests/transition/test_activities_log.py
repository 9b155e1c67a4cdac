"""TRN-08: a worker's application actions, trainings, job center, job-search, vacancies and
interviews; the portfolio and the VDAB status; each refreshes the phase."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from koers.transition import models as m
from koers.transition.services import activities as services
from koers.transition.services import employers as employer_services
from tests.transition.conftest import TRN_TODAY
from tests.transition.plan_helpers import signed

pytestmark = pytest.mark.django_db

YESTERDAY = TRN_TODAY - timedelta(days=1)


def _add(file, coach, **data):
    data.setdefault("on", YESTERDAY)
    return services.activity_add(file=file, data=services.ActivityData(**data), acting_user=coach)


def _employer(company, coach, name="Logistiek Noord"):
    return employer_services.employer_create(
        organisation=company, data={"name": name}, acting_user=coach
    )


def test_trn_08_a_training_is_one_of_the_list_given_individually_or_collectively(
    transition_file, job_coach
):
    signed(transition_file, job_coach)
    with pytest.raises(ValidationError, match="Onbekende training"):
        _add(
            transition_file, job_coach, kind="training", training="yoga", training_form="individual"
        )
    with pytest.raises(ValidationError, match="individueel of collectief"):
        _add(transition_file, job_coach, kind="training", training="cv", training_form="")
    assert not m.Activity.objects.exists()
    _add(
        transition_file,
        job_coach,
        kind="training",
        training="stoefboek",
        training_form="collective",
    )
    transition_file.trajectory.refresh_from_db()
    assert transition_file.trajectory.phase == "2.2"


def test_trn_08_an_interview_names_the_employer_or_the_vacancy(
    transition_file, job_coach, company, other_company, second_job_coach
):
    signed(transition_file, job_coach)
    with pytest.raises(ValidationError, match="werkgever of de vacature"):
        _add(transition_file, job_coach, kind="job_interview")
    elsewhere = m.Employer.objects.create(organisation=other_company, name="Elders NV")
    with pytest.raises(ValidationError, match="niet in jullie lijst"):
        _add(transition_file, job_coach, kind="job_interview", employer=elsewhere)
    assert not m.Activity.objects.exists()
    _add(transition_file, job_coach, kind="job_interview", employer=_employer(company, job_coach))
    transition_file.trajectory.refresh_from_db()
    assert transition_file.trajectory.phase == "2.3"  # job hunting


def test_trn_08_nothing_before_the_engagement_nor_in_the_future(transition_file, job_coach):
    with pytest.raises(ValidationError, match="engagementsverklaring"):
        _add(transition_file, job_coach, kind="job_center_1")
    signed(transition_file, job_coach)
    with pytest.raises(ValidationError, match="wanneer ze plaatsvond"):
        _add(transition_file, job_coach, kind="job_center_1", on=TRN_TODAY + timedelta(days=1))
    assert not m.Activity.objects.exists()


def test_trn_08_the_file_page_logs_actions_and_keeps_bad_input(
    transition_file, job_coach, logged_in
):
    signed(transition_file, job_coach)
    web = logged_in(job_coach)
    url = reverse("transition_activity_add", args=[transition_file.pk])
    bad = web.post(
        url,
        {
            "kind": "vacancy_discussed",
            "on": YESTERDAY.strftime("%d/%m/%Y"),
            "note": "Besproken in job center II",
        },
    )
    assert bad.status_code == 422
    assert "Besproken in job center II" in bad.content.decode()
    assert not m.Activity.objects.exists()
    good = web.post(
        url,
        {
            "kind": "vacancy_discussed",
            "on": YESTERDAY.strftime("%d/%m/%Y"),
            "vacancy": "Orderpicker",
        },
    )
    assert good.status_code == 302
    page = web.get(reverse("transition_file", args=[transition_file.pk])).content.decode()
    assert "Orderpicker" in page
    assert "Wat ga je concreet doen?" in page  # job center II's coaching questions


def test_trn_08_an_action_recorded_by_mistake_is_removed_with_a_reason_kept(
    transition_file, job_coach, logged_in
):
    signed(transition_file, job_coach)
    activity = _add(transition_file, job_coach, kind="job_search")
    web = logged_in(job_coach)
    url = reverse("transition_activity_delete", args=[activity.pk])
    assert web.post(url, {"why": ""}).status_code == 422
    assert m.Activity.objects.exists()
    assert web.post(url, {"why": "Verkeerde werknemer"}).status_code == 302
    assert not m.Activity.objects.exists()
    removed = m.Activity.history.filter(history_type="-").get()
    assert removed.history_change_reason == "Verkeerde werknemer"
    assert removed.history_user == job_coach


def test_trn_08_portfolio_and_vdab_status_reminders(transition_file, job_coach, logged_in):
    signed(transition_file, job_coach)
    web = logged_in(job_coach)
    page = web.get(reverse("transition_file", args=[transition_file.pk])).content.decode()
    assert "Het portfolio is nog niet volledig" in page
    assert "VDAB-status" in page
    _add(transition_file, job_coach, kind="job_center_1")
    page = web.get(reverse("transition_file", args=[transition_file.pk])).content.decode()
    assert "Pas de VDAB-status" in page
    url = reverse("transition_portfolio", args=[transition_file.pk])
    assert web.post(url, {"portfolio": ["cv", "brief"]}).status_code == 422
    response = web.post(
        url,
        {
            "portfolio": ["cv", "motivation_letter", "stoefboek"],
            "vdab_status": "working_and_seeking",
        },
    )
    assert response.status_code == 302
    transition_file.refresh_from_db()
    assert transition_file.portfolio == ["cv", "motivation_letter", "stoefboek"]
    page = web.get(reverse("transition_file", args=[transition_file.pk])).content.decode()
    assert "Het portfolio is nog niet volledig" not in page
    assert "Pas de VDAB-status" not in page


def test_trn_08_api_lists_adds_removes_and_sets_the_portfolio(
    transition_file, job_coach, outside_job_coach, company, logged_in
):
    signed(transition_file, job_coach)
    employer = _employer(company, job_coach)
    api = logged_in(job_coach)
    url = f"/api/v1/transition/files/{transition_file.pk}/activities"
    bad = api.post(
        url,
        {
            "kind": "training",
            "on": str(YESTERDAY),
            "training": "yoga",
            "training_form": "individual",
        },
        content_type="application/json",
    )
    assert bad.status_code == 422 and "TRN-08" in bad.content.decode()
    made = api.post(
        url,
        {"kind": "application", "on": str(YESTERDAY), "employer_id": employer.pk},
        content_type="application/json",
    )
    assert made.status_code == 201
    assert api.get(url).json()["items"][0]["employer_name"] == "Logistiek Noord"
    portfolio = api.put(
        f"/api/v1/transition/files/{transition_file.pk}/portfolio",
        {"portfolio": ["cv"], "vdab_status": "working"},
        content_type="application/json",
    )
    assert portfolio.status_code == 200 and len(portfolio.json()["reminders"]) == 2
    other = logged_in(outside_job_coach)
    assert other.get(url).status_code == 404
    removal = f"/api/v1/transition/activities/{made.json()['id']}/removal"
    assert other.post(removal, {"why": "x"}, content_type="application/json").status_code == 404
    api = logged_in(job_coach)  # one test client: log the owner in again
    assert api.post(removal, {"why": "Vergist"}, content_type="application/json").status_code == 204


def test_trn_08_file_page_and_log_keep_a_constant_query_count(
    transition_file, job_coach, company, logged_in
):
    signed(transition_file, job_coach)
    employer = _employer(company, job_coach)
    web = logged_in(job_coach)
    _add(transition_file, job_coach, kind="application", employer=employer)

    def counted(url):
        with CaptureQueriesContext(connection) as ctx:
            assert web.get(url).status_code == 200
        return len(ctx.captured_queries)

    file_url = reverse("transition_file", args=[transition_file.pk])
    log_url = reverse("transition_activity_log", args=[transition_file.pk])
    one = (counted(file_url), counted(log_url))
    for i in range(15):
        other = _employer(company, job_coach, name=f"Bedrijf {i}")
        _add(transition_file, job_coach, kind="job_interview", employer=other, vacancy=f"V{i}")
        _add(transition_file, job_coach, kind="training", training="cv", training_form="collective")
    assert (counted(file_url), counted(log_url)) == one
