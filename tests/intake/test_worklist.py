"""The centre's lead work on its dashboard (issue 16): late leads per coach (INT-02) and leads
nobody was given yet (INT-01)."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from koers.intake.models import Lead
from koers.intake.selectors import worklist
from koers.intake.services import lead_submit
from tests.dashboard_html import dashboard_html
from tests.intake.conftest import lead_data

pytestmark = pytest.mark.django_db


def _lead(centre, coach, hours_ago: int, **data):
    now = timezone.now()
    start = now + timedelta(hours=30)
    data.setdefault("windows", [(start, start + timedelta(hours=2))])
    lead, _ = lead_submit(organisation=centre, data=lead_data(**data), now=now)
    Lead.objects.filter(pk=lead.pk).update(
        coach=coach, clock_started_at=now - timedelta(hours=hours_ago), clock_met_at=None
    )
    return Lead.objects.get(pk=lead.pk)


def test_int_02_a_lead_past_its_24_hours_is_late_for_its_coach(centre, coach, centre_staff):
    late = _lead(centre, coach, 25, email="a@example.org")
    _lead(centre, coach, 23, email="b@example.org", first_name="Bert")
    [row] = worklist.late_leads_per_coach(centre_staff, timezone.now())
    assert (row.coach_id, row.late, row.open) == (coach.pk, 1, 2)
    assert list(worklist.late_leads(centre_staff, timezone.now())) == [late]


def test_int_02_a_met_clock_is_not_late(centre, coach, centre_staff):
    lead = _lead(centre, coach, 30)
    Lead.objects.filter(pk=lead.pk).update(clock_met_at=timezone.now() - timedelta(hours=10))
    assert list(worklist.late_leads(centre_staff, timezone.now())) == []


def test_int_02_another_centres_staff_sees_none_of_its_late_leads(centre, coach, other_centre):
    from koers.core.models import Role
    from tests.factories import staff_user

    _lead(centre, coach, 30)
    elsewhere = staff_user(other_centre, Role.CENTRE_STAFF, username="elders")
    assert worklist.late_leads_per_coach(elsewhere, timezone.now()) == []


def test_int_01_an_open_lead_without_a_coach_is_unassigned(centre, coach, centre_staff):
    lead = _lead(centre, None, 2)
    assert list(worklist.unassigned_leads(centre_staff)) == [lead]


def test_the_centres_dashboard_shows_late_leads_per_coach_and_links_the_list(
    centre, coach, centre_staff, logged_in
):
    lead = _lead(centre, coach, 30)
    client = logged_in(centre_staff)
    html = dashboard_html(client)
    assert 'data-testid="late-leads-per-coach"' in html
    listed = client.get(reverse("work_list", args=["te-laat"])).content.decode()
    assert reverse("intake_lead_detail", args=[lead.pk]) in listed
