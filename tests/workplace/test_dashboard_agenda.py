"""The coach's agenda on the dashboard (issue 14): today and the coming 7 days, at most
`AGENDA_ROWS` rows with a link to the whole week in the contact list; the number of today's
contacts counts them all."""

from datetime import datetime, timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from koers.workplace.selectors import AGENDA_ROWS
from tests.factories import ContactFactory, TrajectoryFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _a_fixed_day():
    with time_machine.travel("2026-06-15T07:00:00+02:00", tick=False):
        yield


def _planned(trajectory, day_offset: int, n: int) -> None:
    day = timezone.localdate() + timedelta(days=day_offset)
    for i in range(n):
        starts = timezone.make_aware(datetime(day.year, day.month, day.day, 8, 0))
        ContactFactory(trajectory=trajectory, starts_at=starts + timedelta(minutes=20 * i))


def test_the_agenda_shows_its_first_rows_links_the_week_and_counts_every_contact_today(
    logged_in, coach, centre
):
    trajectory = TrajectoryFactory(organisation=centre, responsible=coach)
    _planned(trajectory, 0, AGENDA_ROWS + 2)  # more today than the agenda shows
    _planned(trajectory, 3, 4)
    web = logged_in(coach)
    context = web.get(reverse("dashboard")).context
    assert len(context["contacts_today"]) + len(context["contacts_week"]) == AGENDA_ROWS
    assert context["contacts_today_count"] == AGENDA_ROWS + 2
    html = web.get(reverse("dashboard")).content.decode()
    assert f"{reverse('contact_list')}?mijn=1&amp;van=2026-06-15&amp;tot=2026-06-22" in html


def test_a_short_agenda_shows_every_contact_and_no_link(logged_in, coach, centre):
    trajectory = TrajectoryFactory(organisation=centre, responsible=coach)
    _planned(trajectory, 0, 2)
    _planned(trajectory, 7, 1)
    _planned(trajectory, 8, 1)  # beyond the 7 days
    context = logged_in(coach).get(reverse("dashboard")).context
    assert (len(context["contacts_today"]), len(context["contacts_week"])) == (2, 1)
    assert context["contacts_today_count"] == 2 and not context["agenda_more"]
