"""TRN-06/16: an assessment-centre session — created for the coach's own organisation, tasks
(linked to the job target, the purpose explained), candidates (the organisation's files) and
assessors (its job coaches); the seed's advice shown as warnings that never block."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from koers.transition import models as m
from koers.transition.services import assessment as services
from tests.transition.assessment_helpers import add_assessors, add_candidates, make_session

pytestmark = pytest.mark.django_db


def test_trn_06_a_session_is_created_from_the_page_and_seeds_the_profile(
    logged_in, job_coach, company
):
    response = logged_in(job_coach).post(
        reverse("transition_session_new"),
        {
            "title": "Assessment logistiek",
            "job_target": "Magazijnmedewerker",
            "organisation": company.pk,
        },
    )
    session = m.AssessmentSession.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("transition_session", args=[session.pk])
    assert session.organisation == company and session.created_by == job_coach
    assert m.Competence.objects.filter(organisation=company).count() == 18


def test_trn_16_a_session_without_a_job_target_is_refused(logged_in, job_coach, company):
    response = logged_in(job_coach).post(
        reverse("transition_session_new"),
        {"title": "Assessment", "job_target": "", "organisation": company.pk},
    )
    assert response.status_code == 422
    assert not m.AssessmentSession.objects.exists()


def test_trn_06_a_coach_only_chooses_an_organisation_he_is_a_member_of(job_coach, other_company):
    with pytest.raises(ValidationError):
        services.session_create(
            data=services.SessionData("X", "Magazijn", other_company), acting_user=job_coach
        )
    assert not m.AssessmentSession.objects.exists()


def test_trn_06_the_advice_warns_on_one_task_one_day_one_assessor_and_a_large_group(
    logged_in, job_coach, company
):
    session = make_session(company, job_coach, tasks=1)
    add_candidates(session, company, job_coach, 7)
    add_assessors(session, job_coach)
    body = (
        logged_in(job_coach).get(reverse("transition_session", args=[session.pk])).content.decode()
    )
    assert "Observeer een kleine groep: hoogstens 6 kandidaten, hier 7." in body
    assert "Observeer met minstens 2 assessoren." in body
    assert "minstens 2 proeven doen (nu 1)" in body
    assert "over minstens 2 dagen" in body
    # Warnings, not blocks: all seven take part.
    assert session.candidates.count() == 7


def test_trn_06_a_small_group_with_two_tasks_over_two_days_and_two_assessors_is_in_order(
    logged_in, job_coach, second_job_coach, company, transition_file
):
    session = make_session(company, job_coach)
    add_candidates(session, company, job_coach, 2, first=transition_file)
    add_assessors(session, job_coach, second_job_coach)
    assert services.session_warnings(session) == ()


def test_trn_16_a_task_whose_purpose_was_not_explained_warns(job_coach, company, transition_file):
    session = make_session(company, job_coach, tasks=0)
    add_candidates(session, company, job_coach, 1, first=transition_file)
    _task, warnings = services.task_add(
        session=session,
        data=services.TaskData("Fietsherstelling", date(2026, 10, 7)),
        acting_user=job_coach,
    )
    assert any(w.rule == "TRN-16" and "wil nagaan" in w.message for w in warnings)


def test_trn_16_a_task_observes_competences_of_the_profile_only(job_coach, company):
    session = make_session(company, job_coach, tasks=0)
    with pytest.raises(ValidationError, match="TRN-06"):
        services.task_add(
            session=session,
            data=services.TaskData("Kookopdracht", date(2026, 10, 7), competences=["vliegen"]),
            acting_user=job_coach,
        )
    assert not session.tasks.exists()


def test_trn_06_a_task_is_added_from_the_session_page(logged_in, job_coach, company):
    session = make_session(company, job_coach, tasks=0)
    response = logged_in(job_coach).post(
        reverse("transition_session_task_add", args=[session.pk]),
        {
            "name": "Scenario Magazijn + stock",
            "day": "06/10/2026",
            "purpose_explained": "on",
            "competences": ["initiatief"],
        },
    )
    assert response.status_code == 302
    task = session.tasks.get()
    assert task.competences == ["initiatief"] and task.purpose_explained


def test_trn_06_candidates_are_files_of_the_organisation_and_assessors_its_job_coaches(
    job_coach, second_job_coach, outside_job_coach, company, other_company, transition_file
):
    session = make_session(company, job_coach)
    services.candidate_add(session=session, file=transition_file, acting_user=job_coach)
    with pytest.raises(ValidationError):
        services.candidate_add(session=session, file=transition_file, acting_user=job_coach)
    with pytest.raises(ValidationError):
        services.assessor_add(session=session, user=outside_job_coach, acting_user=job_coach)
    services.assessor_add(session=session, user=second_job_coach, acting_user=job_coach)
    assert session.candidates.count() == 1 and session.assessors.count() == 1


def test_trn_06_the_session_list_shows_only_sessions_of_the_users_organisations(
    logged_in, job_coach, outside_job_coach, company
):
    make_session(company, job_coach, title="Sessie De Sprong")
    assert (
        "Sessie De Sprong"
        in logged_in(job_coach).get(reverse("transition_sessions")).content.decode()
    )
    other = logged_in(outside_job_coach).get(reverse("transition_sessions")).content.decode()
    assert "Sessie De Sprong" not in other


def _page_queries(client, session) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(reverse("transition_session", args=[session.pk])).status_code == 200
    return len(ctx.captured_queries)


def test_trn_06_the_session_page_reads_as_many_queries_for_2_as_for_6_candidates(
    logged_in, job_coach, second_job_coach, company
):
    from koers.transition.services import assessment_levels as levels

    client = logged_in(job_coach)
    small = make_session(company, job_coach, title="Klein")
    large = make_session(company, job_coach, title="Groot")
    for session, n in ((small, 2), (large, 6)):
        add_assessors(session, job_coach, second_job_coach)
        for c in add_candidates(session, company, job_coach, n):
            levels.observation_add(
                session=session,
                candidate_id=c.pk,
                text="Vraagt om een lijst",
                acting_user=job_coach,
            )
            levels.proposal_set(
                session=session,
                candidate_id=c.pk,
                competence="initiatief",
                level=3,
                acting_user=job_coach,
            )
    _page_queries(client, small)  # warm the caches
    assert _page_queries(client, small) == _page_queries(client, large)
