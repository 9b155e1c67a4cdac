"""The trajectory page (views/trajectories.py): opening, the page, the status."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from koers.trajectories.models import (
    Contact,
    Trajectory,
    TrajectoryStatus,
)
from koers.trajectories.selectors import PAGE_PART_SIZE
from tests.factories import (
    AssignmentFactory,
    ContactFactory,
)

pytestmark = pytest.mark.django_db


def test_trajectory_detail_query_count_is_constant(
    logged_in, coach, trajectory, django_assert_max_num_queries
):
    web = logged_in(coach)
    for n in (5, 30):
        start = timezone.now() - timedelta(days=n + 2)
        for i in range(n):
            ContactFactory(trajectory=trajectory, starts_at=start + timedelta(days=i, hours=n))
            AssignmentFactory(trajectory=trajectory)
        with django_assert_max_num_queries(16):
            assert web.get(reverse("trajectory_detail", args=[trajectory.pk])).status_code == 200


def test_issue_14_trajectory_page_shows_one_page_of_800_contacts(logged_in, coach, trajectory):
    web = logged_in(coach)
    url = reverse("trajectory_detail", args=[trajectory.pk])

    def contacts(n: int) -> None:
        start = timezone.now() - timedelta(days=400)
        Contact.objects.bulk_create(
            Contact(
                trajectory=trajectory,
                staff=coach,
                starts_at=start + timedelta(hours=i),
                duration_minutes=60,
            )
            for i in range(n)
        )

    contacts(20)
    web.get(url)
    with CaptureQueriesContext(connection) as few:
        web.get(url)
    contacts(780)
    with CaptureQueriesContext(connection) as many:
        page = web.get(url).content.decode()
    assert len(many) == len(few)
    assert page.count('data-testid="contact-row"') == PAGE_PART_SIZE
    assert "Oudere contacten" in page
    last = web.get(url + f"?contacts={800 // PAGE_PART_SIZE}").content.decode()
    assert last.count('data-testid="contact-row"') == PAGE_PART_SIZE and "Recentere" in last


def test_status_transition(logged_in, coach, trajectory):
    web = logged_in(coach)
    response = web.post(reverse("trajectory_status", args=[trajectory.pk]), {"status": "closed"})
    assert response.status_code == 302
    trajectory.refresh_from_db()
    assert trajectory.status == TrajectoryStatus.CLOSED
    assert trajectory.end_date is not None


def test_illegal_transition_is_refused(logged_in, coach, trajectory):
    web = logged_in(coach)
    response = web.post(
        reverse("trajectory_status", args=[trajectory.pk]), {"status": "planned"}, follow=True
    )
    assert "kan niet naar" in response.content.decode()
    trajectory.refresh_from_db()
    assert trajectory.status == TrajectoryStatus.ACTIVE


@time_machine.travel(datetime(2026, 3, 2, 10, 0, tzinfo=UTC), tick=False)
def test_open_trajectory(logged_in, coach, client_record, trajectory):
    web = logged_in(coach)
    url = reverse("trajectory_create") + f"?client={client_record.pk}"
    page = web.get(url).content.decode()
    assert 'value="voucher"' in page and 'value="mediation"' not in page
    response = web.post(url, {"programme": "voucher", "start_date": "02/03/2026"})
    assert response.status_code == 302
    assert Trajectory.objects.filter(client=client_record, programme="voucher").count() == 2


def test_a_career_centre_opens_no_mediation(logged_in, coach, client_record, trajectory):
    """A career centre's mandate is vouchers: mediation is refused (in the service too)."""
    response = logged_in(coach).post(
        reverse("trajectory_create") + f"?client={client_record.pk}",
        {"programme": "mediation", "start_date": timezone.localdate().strftime("%d/%m/%Y")},
    )
    assert response.status_code == 200
    assert not Trajectory.objects.filter(programme="mediation").exists()
