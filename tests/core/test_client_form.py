"""The client form reports every error in one round: a date that does not parse does not hide a
bad national number, e-mail or phone until the next submit."""

import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse

from koers.core.models import Client

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fixed_day():
    """A working Monday inside every programme's rule sets, whatever day the suite runs."""
    with time_machine.travel(datetime(2026, 3, 2, 10, 0, tzinfo=ZoneInfo("Europe/Brussels"))):
        yield


def _errors_of(html: str, errors_id: str) -> str:
    match = re.search(rf'<ul class="errorlist" id="{errors_id}">(.*?)</ul>', html, re.S)
    assert match, f"no error list {errors_id}"
    return match.group(1)


def test_client_form_bad_date_and_bad_number_email_phone_all_shown_at_once(centre_staff, logged_in):
    response = logged_in(centre_staff).post(
        reverse("client_create"),
        {
            "first_name": "Lotte",
            "last_name": "Janssens",
            "birth_date": "31/02/1990",
            "national_number": "12345678901",
            "email": "lotte@",
            "phone": "12",
            "city": "Gent",
            "preferred_language": "nl",
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "geldige datum" in _errors_of(html, "id_birth_date_errors")
    assert "rijksregisternummer" in _errors_of(html, "id_national_number_errors")
    assert _errors_of(html, "id_email_errors")
    assert "telefoonnummer" in _errors_of(html, "id_phone_errors")
    assert 'value="Lotte"' in html and 'value="Gent"' in html and 'value="31/02/1990"' in html
    assert not Client.objects.exists()


def test_client_form_of_a_coach_reports_a_missing_programme_with_a_bad_date(coach, logged_in):
    response = logged_in(coach).post(
        reverse("client_create"),
        {"first_name": "Lotte", "last_name": "", "birth_date": "nooit", "preferred_language": "nl"},
    )
    html = response.content.decode()
    assert _errors_of(html, "id_birth_date_errors")
    assert _errors_of(html, "id_last_name_errors")
    assert "programma" in _errors_of(html, "id_programme_errors")
