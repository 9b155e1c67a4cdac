"""The /privacy/ page for administrators: the retention preview (counts, no names), a refused
request shown again at 422 with what was typed, and the API twin of the preview."""

import pytest
from django.urls import reverse

from koers.privacy.models import ErasureRequest
from tests.privacy.conftest import make_lead

pytestmark = pytest.mark.django_db


def test_the_privacy_page_shows_the_retention_preview_without_names(
    centre, administrator, logged_in
):
    lead = make_lead(centre, first_name="Zwanhilde", created_days_ago=400)
    html = logged_in(administrator).get(reverse("privacy_home")).content.decode()
    assert 'data-testid="retention-preview"' in html and 'data-kind="lead_not_converted"' in html
    # The lead's own details, not its surname alone: the signed-in administrator's random name
    # (a factory's) may well be a Peeters too.
    assert lead.first_name not in html and lead.email not in html and lead.phone not in html


def test_a_refused_request_comes_back_at_422_with_the_number_as_typed(administrator, logged_in):
    response = logged_in(administrator).post(
        reverse("privacy_erasure_request"),
        {"erase-subject_kind": "client", "erase-subject_id": "987654"},
    )
    assert response.status_code == 422
    html = response.content.decode()
    assert "bestaat niet" in html and 'value="987654"' in html
    assert not ErasureRequest.objects.exists()


def test_an_accepted_request_leads_to_its_page(client_record, administrator, logged_in):
    response = logged_in(administrator).post(
        reverse("privacy_erasure_request"),
        {"erase-subject_kind": "client", "erase-subject_id": str(client_record.pk)},
    )
    asked = ErasureRequest.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("privacy_erasure_detail", args=[asked.pk])


def test_the_api_preview_counts_per_kind(centre, administrator, logged_in):
    make_lead(centre, created_days_ago=400)
    items = logged_in(administrator).get("/api/v1/privacy/retention").json()["items"]
    leads = next(item for item in items if item["kind"] == "lead_not_converted")
    assert leads["due"] == 1 and leads["days"] == 365
