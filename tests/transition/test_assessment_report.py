"""TRN-06 "Rapporteren", TRN-16: the report per candidate — levels, growth points, points of
attention, compared with the intake and the referral, fed back — stored as a PDF on the
trajectory; making it moves the worker past phase 1.3. `assessment_findings(file)` for the PDP."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from koers.trajectories.models import Document
from koers.transition import models as m
from koers.transition.selectors.assessment import assessment_findings
from koers.transition.services import assessment_levels as levels
from koers.transition.services import assessment_report as reports
from tests.transition.assessment_helpers import add_assessors, add_candidates, make_session

pytestmark = pytest.mark.django_db


@pytest.fixture
def candidate(company, job_coach, second_job_coach, transition_file):
    session = make_session(company, job_coach)
    add_assessors(session, job_coach, second_job_coach)
    candidate = add_candidates(session, company, job_coach, 1, first=transition_file)[0]
    for coach, ini, nauw in ((job_coach, 2, 3), (second_job_coach, 4, 3)):
        for code, level in (("initiatief", ini), ("nauwkeurigheid", nauw)):
            levels.proposal_set(
                session=session,
                candidate_id=candidate.pk,
                competence=code,
                level=level,
                acting_user=coach,
            )
    return candidate


def test_trn_06_no_report_while_the_assessors_still_differ(job_coach, candidate):
    with pytest.raises(ValidationError, match="de assessoren spreken nog één niveau af"):
        reports.report_make(candidate=candidate, acting_user=job_coach)
    candidate.refresh_from_db()
    assert candidate.reported_on is None and not Document.objects.exists()


def test_trn_06_the_report_is_stored_as_a_pdf_and_the_worker_leaves_phase_1_3(
    logged_in, job_coach, candidate, transition_file
):
    levels.agreed_level_set(
        candidate=candidate, competence="initiatief", level=2, acting_user=job_coach
    )
    client = logged_in(job_coach)
    client.post(
        reverse("transition_candidate_report", args=[candidate.pk]),
        {
            "growth_points": "Zelf werk zoeken\nVragen stellen",
            "attention_points": "Stress bij tijdsdruk",
            "fed_back_on": "05/10/2026",
        },
    )
    response = client.post(reverse("transition_candidate_report_make", args=[candidate.pk]))
    assert response.status_code == 302
    candidate.refresh_from_db()
    assert candidate.reported_on == date(2026, 10, 5)
    assert candidate.fed_back_on == date(2026, 10, 5)
    document = candidate.report_document
    assert document.trajectory == transition_file.trajectory
    assert document.file.read().startswith(b"%PDF")
    transition_file.trajectory.refresh_from_db()
    assert transition_file.trajectory.phase == "2.1"  # the assessment done feeds the PDP


def test_trn_16_the_findings_for_the_pdp_hold_levels_growth_and_attention_points(
    job_coach, candidate, transition_file
):
    assert assessment_findings(transition_file) == []
    levels.agreed_level_set(
        candidate=candidate, competence="initiatief", level=2, acting_user=job_coach
    )
    reports.report_save(
        candidate=candidate,
        texts=reports.ReportTexts(growth_points="Vragen stellen", attention_points="Stress"),
        acting_user=job_coach,
    )
    reports.report_make(candidate=candidate, acting_user=job_coach)
    found = assessment_findings(transition_file)
    as_tuples = [(f.kind, f.competence, f.level, f.level_label) for f in found]
    assert as_tuples == [
        ("level", "initiatief", 2, "matig"),
        ("level", "nauwkeurigheid", 3, "goed"),
        ("growth", "initiatief", 2, "matig"),
        ("growth", "", None, ""),
        ("attention", "", None, ""),
    ]
    assert found[3].label == "Vragen stellen" and found[4].label == "Stress"
    assert found[0].label == "Initiatief" and found[0].reported_on == date(2026, 10, 5)


def test_trn_16_the_report_page_shows_the_intake_and_the_referral_dialogue(
    logged_in, job_coach, candidate, transition_file
):
    transition_file.dialogue = {"strengths": "Sterk in teamwerk volgens de werkleider"}
    transition_file.save()
    intake = m.Intake.objects.create(
        file=transition_file, coach=job_coach, motivation="Wil vast werk"
    )
    m.StarrNote.objects.create(
        intake=intake, competence="initiatief", situation="Lijn stilgevallen"
    )
    body = (
        logged_in(job_coach)
        .get(reverse("transition_candidate", args=[candidate.pk]))
        .content.decode()
    )
    assert "Sterk in teamwerk volgens de werkleider" in body
    assert "Wil vast werk" in body
    assert "Lijn stilgevallen" in body


def test_trn_16_a_feedback_day_in_the_future_is_refused(job_coach, candidate):
    with pytest.raises(ValidationError, match="TRN-16"):
        reports.report_save(
            candidate=candidate,
            texts=reports.ReportTexts(fed_back_on=date(2026, 12, 1)),
            acting_user=job_coach,
        )
    candidate.refresh_from_db()
    assert candidate.fed_back_on is None


def test_trn_06_only_who_sees_the_file_makes_the_report(logged_in, second_job_coach, candidate):
    client = logged_in(second_job_coach)
    assert client.get(reverse("transition_candidate", args=[candidate.pk])).status_code == 200
    response = client.post(reverse("transition_candidate_report_make", args=[candidate.pk]))
    assert response.status_code == 404


def test_trn_06_the_file_page_shows_the_workers_sessions_and_agreed_levels(
    logged_in, job_coach, candidate, transition_file
):
    levels.agreed_level_set(
        candidate=candidate, competence="initiatief", level=2, acting_user=job_coach
    )
    body = (
        logged_in(job_coach)
        .get(reverse("transition_file", args=[transition_file.pk]))
        .content.decode()
    )
    assert "Assessment magazijn" in body
    assert "Initiatief: <strong>matig</strong>" in body
