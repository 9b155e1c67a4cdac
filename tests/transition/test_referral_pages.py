"""TRN-02, TRN-15 on the pages: propose a worker (an existing or a new one), the dialogue, the
checks and the invitation (refused with the rule's reasons, input kept), the letter, calling off;
the file page's referral section in a constant number of queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from koers.trajectories.models import Document
from koers.transition import models as m
from tests.factories import ClientFactory
from tests.transition.steps_intake import ANSWERS, in_dialogue, invited

pytestmark = pytest.mark.django_db


def test_trn_02_propose_a_new_worker_from_the_page(logged_in, job_coach, company):
    client = logged_in(job_coach)
    assert client.get(reverse("transition_propose")).status_code == 200
    response = client.post(
        reverse("transition_propose"),
        {
            "organisation": company.pk,
            "first_name": "Els",
            "last_name": "Peeters",
            "referred_on": "05/10/2026",
            "proposed_by": "worker",
            "why": "Voelt zich klaar",
            "supervisors": "An\nPatrick",
        },
    )
    file = m.TransitionFile.objects.get(client__last_name="Peeters")
    assert response.status_code == 302 and response.url == reverse(
        "transition_file", args=[file.pk]
    )
    assert file.supervisors == ["An", "Patrick"] and file.trajectory.responsible == job_coach


def test_trn_15_a_proposal_without_why_comes_back_with_the_message(logged_in, job_coach, company):
    worker = ClientFactory(organisation=company, first_name="Jan", last_name="Smet")
    response = logged_in(job_coach).post(
        reverse("transition_propose"),
        {
            "organisation": company.pk,
            "first_name": "Jan",
            "last_name": "Smet",
            "referred_on": "05/10/2026",
            "proposed_by": "coach",
            "why": "",
        },
    )
    assert response.status_code == 422
    body = response.content.decode()
    assert "(TRN-15)" in body and 'value="Smet"' in body
    assert not m.TransitionFile.objects.exists()
    assert worker.pk  # the client that existed is untouched; no other was made
    assert type(worker).objects.filter(last_name="Smet").count() == 1


def test_trn_02_dialogue_page_records_the_four_answers(logged_in, transition_file, job_coach):
    url = reverse("transition_dialogue", args=[transition_file.pk])
    client = logged_in(job_coach)
    page = client.get(url).content.decode()
    assert "intrinsieke" in page and "jobdoelwit" in page
    response = client.post(url, {"held_on": "05/10/2026", **ANSWERS})
    assert response.status_code == 302
    assert m.TransitionFile.objects.get(pk=transition_file.pk).referral_state == "dialogue"


def test_trn_15_invitation_page_refuses_with_reasons_and_keeps_input(
    logged_in, transition_file, job_coach
):
    in_dialogue(transition_file, job_coach)
    url = reverse("transition_invite", args=[transition_file.pk])
    response = logged_in(job_coach).post(
        url, {"invited_on": "05/10/2026", "no_pretext_confirmed": "on"}
    )
    assert response.status_code == 422
    body = response.content.decode()
    assert "basiskennis Nederlands" in body and "(TRN-15)" in body
    assert 'name="no_pretext_confirmed" checked' in body or "checked" in body
    file = m.TransitionFile.objects.get(pk=transition_file.pk)
    assert (file.referral_state, file.no_pretext_confirmed) == ("dialogue", False)


def test_trn_02_invitation_page_invites_and_the_letter_is_a_document(
    logged_in, transition_file, job_coach
):
    in_dialogue(transition_file, job_coach)
    client = logged_in(job_coach)
    response = client.post(
        reverse("transition_invite", args=[transition_file.pk]),
        {"invited_on": "05/10/2026", "basic_dutch_confirmed": "on", "no_pretext_confirmed": "on"},
    )
    assert response.status_code == 302
    letter = client.post(reverse("transition_invitation_pdf", args=[transition_file.pk]))
    file = m.TransitionFile.objects.get(pk=transition_file.pk)
    document = Document.objects.get(pk=file.invitation_document_id)
    assert letter.url == reverse("document_download", args=[document.pk])
    assert document.file.read()[:4] == b"%PDF"


def test_trn_15_only_the_checks_are_saved_without_inviting(logged_in, transition_file, job_coach):
    in_dialogue(transition_file, job_coach)
    logged_in(job_coach).post(
        reverse("transition_invite", args=[transition_file.pk]),
        {"invited_on": "05/10/2026", "basic_dutch_confirmed": "on", "only_checks": "1"},
    )
    file = m.TransitionFile.objects.get(pk=transition_file.pk)
    assert file.basic_dutch_confirmed and file.referral_state == "dialogue"


def test_trn_02_call_off_page(logged_in, transition_file, job_coach):
    url = reverse("transition_call_off", args=[transition_file.pk])
    client = logged_in(job_coach)
    assert "data-confirm" in client.get(url).content.decode()
    refused = client.post(url, {"called_off_on": "05/10/2026", "ground": "other", "reason": ""})
    assert refused.status_code == 422
    client.post(url, {"called_off_on": "05/10/2026", "ground": "other", "reason": "Verhuist"})
    file = m.TransitionFile.objects.get(pk=transition_file.pk)
    assert file.referral_state == "called_off" and file.call_off_reason == "Verhuist"
    page = client.get(reverse("transition_file", args=[file.pk])).content.decode()
    assert "Verhuist" in page


def _file_page_queries(client, file) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("transition_file", args=[file.pk])).status_code == 200
    return len(queries)


def test_trn_02_file_page_queries_do_not_grow_with_the_referral(
    logged_in, transition_file, job_coach
):
    client = logged_in(job_coach)
    before = _file_page_queries(client, transition_file)
    invited(transition_file, job_coach)
    assert _file_page_queries(client, transition_file) <= before + 2  # the intake's row
