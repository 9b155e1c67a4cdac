"""INT-02 on the coach's dashboard: the coach's open leads with their 24-hour clock, "Te laat"
included, in a fixed number of queries whatever the number of leads."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from koers.intake.models import Lead
from tests.dashboard_html import dashboard_html
from tests.intake.conftest import NOW, lead_data

pytestmark = pytest.mark.django_db


def _lead(centre, n: int, arrived=NOW) -> Lead:
    from koers.intake.services import lead_submit

    lead, _created = lead_submit(
        organisation=centre,
        data=lead_data(
            first_name=f"Lotte{n}", email=f"lotte{n}@example.org", phone=f"04701234{n:02d}"
        ),
        now=arrived,
    )
    return lead


def test_int_02_the_coach_sees_a_late_lead_with_its_clock_on_the_dashboard(
    logged_in, coach, centre, time_machine
):
    """Issue 10: the coach had a lead "Te laat" and the dashboard showed no leads."""
    lead = _lead(centre, 1)
    assert lead.coach == coach
    time_machine.move_to(NOW + timedelta(hours=30), tick=False)
    page = dashboard_html(logged_in(coach))
    assert "Mijn open aanvragen" in page
    assert lead.full_name in page
    assert "Te laat" in page
    assert reverse("intake_lead_detail", args=[lead.pk]) in page


def test_int_02_a_fresh_lead_shows_the_hours_left(logged_in, coach, centre, time_machine):
    _lead(centre, 1)
    time_machine.move_to(NOW + timedelta(hours=2), tick=False)
    page = dashboard_html(logged_in(coach))
    assert "nog 22,0 u" in page or "nog 22.0 u" in page


def test_int_02_leads_of_another_coach_are_not_on_the_dashboard(
    logged_in, coach, other_coach, centre, time_machine
):
    lead = _lead(centre, 1)
    assert lead.coach == coach
    time_machine.move_to(NOW + timedelta(hours=1), tick=False)
    page = dashboard_html(logged_in(other_coach))
    assert lead.full_name not in page
    assert "Geen open aanvragen" in page


def test_int_02_dashboard_query_count_does_not_grow_with_the_leads(
    logged_in, coach, centre, time_machine
):
    web = logged_in(coach)
    _lead(centre, 0)
    time_machine.move_to(NOW + timedelta(hours=1), tick=False)
    dashboard_html(web)  # warm the session and caches
    with CaptureQueriesContext(connection) as one:  # the page and its panels
        dashboard_html(web)
    for n in range(1, 16):
        _lead(centre, n, arrived=NOW + timedelta(minutes=n))
    assert Lead.objects.filter(coach=coach).count() == 16
    with CaptureQueriesContext(connection) as many:
        page = dashboard_html(web)
    assert len(many) == len(one)
    assert "Mijn open aanvragen (16)" in page
