"""A posted form that fails on the voucher page is shown again as typed, the error next to its
field (status 422, never a redirect with a message on top)."""

import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from koers.vouchers.services import voucher_open

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fixed_day():
    """A working Monday inside every programme's rule sets, whatever day the suite runs."""
    with time_machine.travel(datetime(2026, 3, 2, 10, 0, tzinfo=ZoneInfo("Europe/Brussels"))):
        yield


@pytest.fixture
def voucher(client_record, coach):
    return voucher_open(
        client=client_record,
        responsible=coach,
        organisation=client_record.organisation,
        start_date=timezone.localdate() - timedelta(days=30),
        career_question="Ik wil iets anders doen na twintig jaar in de logistiek.",
        acting_user=coach,
    )


def _errors_of(html: str, errors_id: str) -> str:
    match = re.search(rf'<ul class="errorlist" id="{errors_id}">(.*?)</ul>', html, re.S)
    assert match, f"no error list {errors_id}"
    return match.group(1)


def test_training_certificate_with_a_wrong_date_keeps_the_input(voucher, coach, logged_in):
    response = logged_in(coach).post(
        reverse("voucher_certificate", kwargs={"pk": voucher.pk}),
        {
            "training": "Bachelor Sociaal Werk",
            "academic_year_start": "31/09/2027",
            "only_to_obtain_benefit": "on",
        },
    )
    assert response.status_code == 422
    html = response.content.decode()
    assert "geldige datum" in _errors_of(html, "id_certificate_academic_year_start_errors")
    assert 'value="Bachelor Sociaal Werk"' in html and 'value="31/09/2027"' in html
    assert re.search(r'name="only_to_obtain_benefit"[^>]*checked', html)
    voucher.refresh_from_db()
    assert voucher.certificate_issued_at is None


def test_interim_evaluation_with_a_wrong_date_keeps_the_input(voucher, coach, logged_in):
    response = logged_in(coach).post(
        reverse("voucher_interim", kwargs={"pk": voucher.pk}),
        {"held_on": "morgen", "going_as_wished": "Ja, vlot", "would_change": "Meer tijd"},
    )
    assert response.status_code == 422
    html = response.content.decode()
    assert _errors_of(html, "id_interim_held_on_errors")
    assert "Ja, vlot</textarea>" in html and "Meer tijd</textarea>" in html
    assert not voucher.interim_evaluations.exists()


def test_aftercare_with_a_wrong_date_keeps_the_input(voucher, coach, logged_in):
    response = logged_in(coach).post(
        reverse("voucher_aftercare", kwargs={"pk": voucher.pk}),
        {"on": "31/02/2027", "minutes": "30", "form": "phone", "note": "Vraag over de POP"},
    )
    assert response.status_code == 422
    html = response.content.decode()
    assert _errors_of(html, "id_aftercare_on_errors")
    assert "Vraag over de POP</textarea>" in html


def test_lbc_06_video_consent_with_a_wrong_date_keeps_the_choice(voucher, coach, logged_in):
    response = logged_in(coach).post(
        reverse("voucher_video_consent", kwargs={"pk": voucher.pk}),
        {"video_consent": "request", "video_consent_on": "31/02/2026"},
    )
    assert response.status_code == 422
    html = response.content.decode()
    assert _errors_of(html, "id_video_consent_video_consent_on_errors")
    assert 'value="request" selected' in html
    voucher.refresh_from_db()
    assert voucher.video_consent == ""


def test_intake_with_an_unknown_topic_is_refused_not_ignored(voucher, coach, logged_in):
    response = logged_in(coach).post(
        reverse("voucher_intake", kwargs={"pk": voucher.pk}),
        {"career_question": "Een nieuwe richting", "topics": ["bestaat-niet"]},
    )
    assert response.status_code == 422
    html = response.content.decode()
    assert _errors_of(html, "id_intake_topics_errors")
    assert "Een nieuwe richting</textarea>" in html


# Every voucher-page form with one wrong field: the page again, never a redirect.
INVALID_POSTS = {
    "voucher_contact_create": {"date": "31/02/2026", "start_time": "10:00", "place": "Gent"},
    "voucher_intake": {"topics": ["bestaat-niet"]},
    "voucher_interim": {"held_on": ""},
    "voucher_aftercare": {"on": "x", "minutes": "30", "form": "phone"},
    "voucher_certificate": {"training": "", "academic_year_start": "x"},
    "voucher_code_of_conduct": {"how": "emailed", "on": "31/02/2026"},
    "voucher_video_consent": {"video_consent": "consent", "video_consent_on": "gisteren"},
}


@pytest.mark.parametrize("name", sorted(INVALID_POSTS))
def test_every_voucher_page_form_is_shown_again_on_invalid_input(name, voucher, coach, logged_in):
    response = logged_in(coach).post(reverse(name, kwargs={"pk": voucher.pk}), INVALID_POSTS[name])
    assert response.status_code == 422, response.get("Location")
    assert 'class="errorlist"' in response.content.decode()
