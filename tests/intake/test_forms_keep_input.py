"""A posted form that fails on a lead's page is shown again with the error next to its field
(status 422), never a redirect with a message on top."""

import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from koers.intake.services import lead_submit
from tests.intake.conftest import lead_data

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fixed_day():
    """A working Monday inside every programme's rule sets, whatever day the suite runs."""
    with time_machine.travel(datetime(2026, 3, 2, 10, 0, tzinfo=ZoneInfo("Europe/Brussels"))):
        yield


@pytest.fixture
def lead(centre, coach):
    now = timezone.now()
    start = now + timedelta(hours=30)
    lead, _ = lead_submit(
        organisation=centre, data=lead_data(windows=[(start, start + timedelta(hours=2))]), now=now
    )
    return lead


def test_assigning_no_coach_says_so_next_to_the_coach_field(logged_in, centre_staff, lead):
    response = logged_in(centre_staff).post(
        reverse("intake_lead_assign", args=[lead.pk]), {"coach": "999999"}
    )
    assert response.status_code == 422
    html = response.content.decode()
    errors = re.search(r'<ul class="errorlist" id="id_coach_errors">(.*?)</ul>', html, re.S)
    assert errors and "Kies een coach" in errors.group(1)
    lead.refresh_from_db()
    assert lead.coach_id != 999999


# Every form on the lead's page with one wrong field: the page again, never a redirect.
INVALID_POSTS = {
    "intake_lead_acknowledge": {"channel": "sms", "call_at": "morgen", "text": "Dag Lotte"},
    "intake_lead_call": {"kind": "match", "called_at": "x"},
    "intake_lead_assign": {"coach": ""},
}


@pytest.mark.parametrize("name", sorted(INVALID_POSTS))
def test_every_lead_page_form_is_shown_again_on_invalid_input(name, logged_in, centre_staff, lead):
    response = logged_in(centre_staff).post(reverse(name, args=[lead.pk]), INVALID_POSTS[name])
    assert response.status_code == 422, response.get("Location")
    assert 'class="errorlist"' in response.content.decode()
