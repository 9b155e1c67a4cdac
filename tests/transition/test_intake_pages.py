"""TRN-03 on the pages: hold the intake with a second coach, page 1, STARR with the observation
prompts, the decision, the feedback, the engagement statement (PDF with two signature places,
then both dates), the kick-off; constant queries on the file page and the kick-off list."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from koers.trajectories.models import Document
from koers.transition import models as m
from koers.transition.services import engagement, intake
from tests.transition.conftest import TRN_TODAY
from tests.transition.steps_intake import FULL_STARR, held, invited, signed, started

pytestmark = pytest.mark.django_db


def test_trn_03_hold_the_intake_with_a_second_coach(
    logged_in, transition_file, job_coach, second_job_coach
):
    invited(transition_file, job_coach)
    url = reverse("transition_intake", args=[transition_file.pk])
    client = logged_in(job_coach)
    assert "Sara" in client.get(url).content.decode()
    response = client.post(
        url,
        {
            "held_on": "05/10/2026",
            "second_coach": second_job_coach.pk,
            "second_coach_independent": "on",
        },
    )
    assert response.status_code == 302
    done = m.Intake.objects.get(file=transition_file)
    assert done.second_coach == second_job_coach and done.second_coach_independent


def test_trn_03_intake_page_refused_before_the_invitation(logged_in, transition_file, job_coach):
    response = logged_in(job_coach).post(
        reverse("transition_intake", args=[transition_file.pk]), {"held_on": "05/10/2026"}
    )
    assert response.status_code == 422 and "(TRN-03)" in response.content.decode()
    assert not m.Intake.objects.exists()


def test_trn_03_page_one_marked_by_worker_and_completed(logged_in, transition_file, job_coach):
    invited(transition_file, job_coach)
    response = logged_in(job_coach).post(
        reverse("transition_intake_administrative", args=[transition_file.pk]),
        {
            "name": "Karim Benali",
            "driving_licence": "B",
            "by_worker": "on",
            "completed": "on",
            "language_observation": "Vult vlot in",
        },
    )
    assert response.status_code == 302
    done = m.Intake.objects.get(file=transition_file)
    assert done.administrative["driving_licence"] == "B"
    assert done.administrative_by_worker and done.administrative_completed


def test_trn_03_starr_page_shows_the_prompts_and_refuses_an_unknown_competence(
    logged_in, transition_file, job_coach
):
    held(transition_file, job_coach)
    url = reverse("transition_starr_new", args=[transition_file.pk])
    client = logged_in(job_coach)
    page = client.get(url).content.decode()
    assert "Geheugensteuntjes" in page and "Ziet werk, maar moet aangepord worden" in page
    assert "Wat speelde er?" in page
    refused = client.post(url, {"competence": "vliegen", "situation": "x"})
    assert refused.status_code == 422 and not m.StarrNote.objects.exists()
    client.post(url, {"competence": "initiatief", "situation": "Drukte"})
    note = m.StarrNote.objects.get()
    client.post(
        reverse("transition_starr_edit", args=[note.pk]),
        {
            "competence": "initiatief",
            **dict.fromkeys(("situation", "task", "action", "result", "reflection"), "x"),
        },
    )
    note.refresh_from_db()
    assert note.reflection == "x"


def test_trn_03_decision_page_refuses_start_without_starr(logged_in, transition_file, job_coach):
    held(transition_file, job_coach)
    url = reverse("transition_intake_decision", args=[transition_file.pk])
    response = logged_in(job_coach).post(url, {"decision": "start", "decided_on": "05/10/2026"})
    assert response.status_code == 422 and "STARR" in response.content.decode()
    assert m.Intake.objects.get(file=transition_file).decision == ""


def test_trn_01_trn_03_engagement_pdf_and_signatures(logged_in, transition_file, job_coach):
    started(transition_file, job_coach)
    client = logged_in(job_coach)
    response = client.post(reverse("transition_engagement_pdf", args=[transition_file.pk]))
    done = m.Intake.objects.get(file=transition_file)
    document = Document.objects.get(pk=done.engagement_document_id)
    assert response.url == reverse("document_download", args=[document.pk])
    assert document.file.read()[:4] == b"%PDF"
    client.post(
        reverse("transition_engagement", args=[transition_file.pk]),
        {"worker_on": "05/10/2026", "coach_on": "05/10/2026"},
    )
    file = m.TransitionFile.objects.select_related("trajectory").get(pk=transition_file.pk)
    assert file.trajectory.phase == "1.3"
    assert (
        "eerste mijlpaal" in client.get(reverse("transition_file", args=[file.pk])).content.decode()
    )


def test_trn_03_engagement_pdf_refused_without_a_start(logged_in, transition_file, job_coach):
    held(transition_file, job_coach)
    client = logged_in(job_coach)
    client.post(reverse("transition_engagement_pdf", args=[transition_file.pk]))
    assert not Document.objects.filter(trajectory=transition_file.trajectory).exists()


def test_trn_03_feedback_page(logged_in, transition_file, job_coach):
    started(transition_file, job_coach)
    response = logged_in(job_coach).post(
        reverse("transition_intake_feedback", args=[transition_file.pk]),
        {"worker_on": "05/10/2026", "supervisors_on": "05/10/2026", "text": "Geselecteerd"},
    )
    assert response.status_code == 302
    assert m.Intake.objects.get(file=transition_file).feedback_text == "Geselecteerd"


def test_trn_03_kick_off_page_invites_the_selected_with_supervisors(
    logged_in, transition_file, job_coach, company
):
    m.TransitionFile.objects.filter(pk=transition_file.pk).update(supervisors=["An"])
    transition_file.refresh_from_db()
    signed(transition_file, job_coach)
    client = logged_in(job_coach)
    url = reverse("transition_kick_off_new")
    assert str(transition_file.client) in client.get(url).content.decode()
    refused = client.post(url, {"organisation": company.pk, "held_on": "12/10/2026"})
    assert refused.status_code == 422 and not m.KickOff.objects.exists()
    response = client.post(
        url,
        {
            "organisation": company.pk,
            "held_on": "12/10/2026",
            "files": [transition_file.pk],
            "supervisors_invited": "on",
        },
    )
    kick_off = m.KickOff.objects.get()
    assert response.url == reverse("transition_kick_off", args=[kick_off.pk])
    assert kick_off.invitees.get().supervisors_invited == ["An"]
    assert "An" in client.get(response.url).content.decode()


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_trn_03_file_page_queries_constant_with_more_notes_and_kick_offs(
    logged_in, transition_file, job_coach, company
):
    done = signed(transition_file, job_coach)
    client = logged_in(job_coach)
    url = reverse("transition_file", args=[transition_file.pk])
    one = _queries(client, url)
    for _ in range(4):
        intake.starr_note_add(intake=done, starr=FULL_STARR, acting_user=job_coach)
        engagement.kick_off_create(
            organisation=company,
            held_on=TRN_TODAY,
            place="",
            note="",
            invitations=[engagement.Invitation(file=transition_file)],
            acting_user=job_coach,
        )
    assert _queries(client, url) == one


def test_trn_03_kick_off_list_queries_constant(logged_in, transition_file, job_coach, company):
    signed(transition_file, job_coach)
    client = logged_in(job_coach)
    url = reverse("transition_kick_offs")
    assert "Nog geen kick-off" in client.get(url).content.decode()

    def add():
        engagement.kick_off_create(
            organisation=company,
            held_on=TRN_TODAY,
            place="Refter",
            note="",
            invitations=[engagement.Invitation(file=transition_file)],
            acting_user=job_coach,
        )

    add()
    one = _queries(client, url)
    for _ in range(5):
        add()
    assert _queries(client, url) == one
