"""The dashboards' work lists (issue 16): the full list behind each figure, the centre's
"stilgevallen" setting, and a fixed number of queries whatever the amount of work."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from koers.billing.selectors.worklist import quarter_end
from koers.core.models import Organisation
from tests.dashboard_html import dashboard_html
from tests.factories import TrajectoryFactory, late_assignments

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("today", "end"),
    [
        (date(2026, 1, 1), date(2026, 3, 31)),
        (date(2026, 3, 31), date(2026, 3, 31)),
        (date(2026, 4, 1), date(2026, 6, 30)),
        (date(2026, 8, 15), date(2026, 9, 30)),
        (date(2026, 12, 2), date(2026, 12, 31)),
    ],
)
def test_bil_01_dossiers_are_due_by_the_last_day_of_the_quarter(today, end):
    assert quarter_end(today) == end


def test_an_assignment_past_its_deadline_is_on_the_coachs_work_list(trajectory, coach, logged_in):
    late_assignments(trajectory, 1)
    html = dashboard_html(logged_in(coach))
    assert 'data-testid="work-opdrachten"' in html
    assert "te laat" in html


def test_the_list_behind_a_figure_pages_through_every_item(trajectory, coach, logged_in):
    late_assignments(trajectory, 30)
    client = logged_in(coach)
    first = client.get(reverse("work_list", args=["opdrachten"])).content.decode()
    second = client.get(reverse("work_list", args=["opdrachten"]) + "?page=2").content.decode()
    assert first.count('class="work-item ') == 25
    assert second.count('class="work-item ') == 5


def test_a_work_list_that_is_not_the_users_is_not_found(coach, logged_in):
    client = logged_in(coach)
    assert client.get(reverse("work_list", args=["maandeinde"])).status_code == 404
    assert client.get(reverse("work_list", args=["bestaat-niet"])).status_code == 404


def test_another_coachs_assignments_are_not_on_my_work_list(trajectory, other_coach, logged_in):
    late_assignments(trajectory, 2)
    html = logged_in(other_coach).get(reverse("work_list", args=["opdrachten"])).content.decode()
    assert 'class="work-item ' not in html


def _queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


def _dashboard_queries(client) -> int:
    """The queries of the dashboard as a browser loads it: the page and each of its panels."""
    with CaptureQueriesContext(connection) as captured:
        dashboard_html(client)
    return len(captured.captured_queries)


@pytest.mark.parametrize("who", ["coach", "centre_staff", "administrator"])
def test_the_dashboard_reads_a_fixed_number_of_queries_whatever_the_work(
    who, request, client_record, coach, logged_in
):
    user = request.getfixturevalue(who)
    client = logged_in(user)
    trajectory = TrajectoryFactory(
        client=client_record, responsible=coach, organisation=client_record.organisation
    )
    late_assignments(trajectory, 6)  # more than the dashboard shows: the count is read too
    dashboard_html(client)  # warm the per-process caches (rule sets)
    few = _dashboard_queries(client)
    for _ in range(4):
        late_assignments(
            TrajectoryFactory(
                client=client_record, responsible=coach, organisation=client_record.organisation
            ),
            3,
        )
    assert _dashboard_queries(client) == few


def test_centre_staff_set_the_days_after_which_a_trajectory_stalls(centre, centre_staff, logged_in):
    client = logged_in(centre_staff)
    url = reverse("organisation_worklist", args=[centre.pk])
    client.post(url, {"stalled_after_days": "45"})
    assert Organisation.objects.get(pk=centre.pk).stalled_after_days == 45
    client.post(url, {"stalled_after_days": "2"})  # below 7: refused, nothing changes
    assert Organisation.objects.get(pk=centre.pk).stalled_after_days == 45
    page = client.get(reverse("organisation_detail", args=[centre.pk])).content.decode()
    assert "na 45 dagen zonder contact" in page


def test_a_coach_may_not_change_the_centres_stalled_days(centre, coach, logged_in):
    response = logged_in(coach).post(
        reverse("organisation_worklist", args=[centre.pk]), {"stalled_after_days": "60"}
    )
    assert response.status_code == 403
    assert Organisation.objects.get(pk=centre.pk).stalled_after_days == 30


def test_the_api_work_list_is_the_dashboards(trajectory, coach, other_coach, logged_in):
    late_assignments(trajectory, 7)
    body = logged_in(coach).get("/api/v1/worklist").json()
    [group] = [g for g in body["groups"] if g["key"] == "opdrachten"]
    assert (group["count"], len(group["items"]), group["items"][0]["state"]) == (7, 5, "late")
    page = logged_in(coach).get("/api/v1/worklist/items?kind=opdrachten").json()
    assert len(page["items"]) == 7
    other = logged_in(other_coach).get("/api/v1/worklist/items?kind=opdrachten").json()
    assert other["count"] == 0
    assert logged_in(coach).get("/api/v1/worklist/items?kind=maandeinde").status_code == 404
