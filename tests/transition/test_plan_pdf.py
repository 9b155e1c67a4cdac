"""TRN-07/16: the PDP as a PDF, with the assessment findings it builds on, stored as a document
in the worker's file."""

import io

import pytest
from django.urls import reverse

from koers.trajectories.models import Document, DocumentKind
from koers.transition import models as m
from koers.transition.services.plan_pdf import pdp_context, pdp_pdf
from tests.transition.conftest import TRN_TODAY
from tests.transition.plan_helpers import first_pdp, signed

pytestmark = pytest.mark.django_db


def _assessed(file, coach, company):
    session = m.AssessmentSession.objects.create(
        organisation=company, title="Assessment magazijn", job_target="Magazijn"
    )
    candidate = m.SessionCandidate.objects.create(
        session=session,
        file=file,
        growth_points="Vraagt sneller hulp",
        attention_points="Stiptheid",
        reported_on=TRN_TODAY,
    )
    m.Competence.objects.get_or_create(
        organisation=company, code="initiatief", defaults={"name": "Initiatief", "group": "core"}
    )
    m.AgreedLevel.objects.create(
        candidate=candidate, competence="initiatief", level=3, agreed_on=TRN_TODAY, agreed_by=coach
    )


def test_trn_07_the_pdf_shows_the_plan_and_the_assessment_findings(
    transition_file, job_coach, company
):
    signed(transition_file, job_coach)
    _assessed(transition_file, job_coach, company)
    first_pdp(transition_file, job_coach)
    context = pdp_context(transition_file)
    finding = context["findings"][0]
    assert finding.levels[0].competence == "Initiatief"
    assert finding.levels[0].label == "goed"
    document = pdp_pdf(file=transition_file, acting_user=job_coach)
    assert document.kind == DocumentKind.PLAN
    from pypdf import PdfReader

    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(document.file.read())).pages)
    for expected in (
        "Persoonlijk Doorstroom Plan",
        "Initiatief",
        "Vraagt sneller hulp",
        "Stiptheid",
        "CV opmaken",
        "Magazijnmedewerker",
    ):
        assert expected in text


def test_trn_07_no_pdf_without_a_pdp(transition_file, job_coach, logged_in):
    response = logged_in(job_coach).post(reverse("transition_plan_pdf", args=[transition_file.pk]))
    assert response.status_code == 302
    assert not Document.objects.exists()
    api = logged_in(job_coach).post(f"/api/v1/transition/files/{transition_file.pk}/pdp/pdf")
    assert api.status_code == 422


def test_trn_07_the_page_stores_the_pdf(transition_file, job_coach, logged_in):
    signed(transition_file, job_coach)
    first_pdp(transition_file, job_coach)
    response = logged_in(job_coach).post(reverse("transition_plan_pdf", args=[transition_file.pk]))
    document = Document.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("document_download", args=[document.pk])
