"""The dashboard paints first and loads its heavy parts as panels (issue 14): the page reads only
its cheap parts, each panel only its own part and only what its user may see."""

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from koers.core.models import Role
from tests.dashboard_html import dashboard_html, panel_urls
from tests.factories import ClientFactory, TrajectoryFactory, late_assignments, staff_user

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _a_known_day():
    """The dashboard is built for a given day: a frozen one, not the real date."""
    with time_machine.travel("2026-06-15T10:00:00+02:00", tick=False):
        yield


# The page itself, for a coach who is also centre staff: the session, the user, their second factor
# and roles, the coach's counts, agenda (and today's number), trajectories, the leads and the rule
# sets (one per programme). Whatever the amount of work behind its panels; the page read 28 before issue 14.
PAGE_QUERIES = 17


def _page(client) -> str:
    response = client.get(reverse("dashboard"))
    assert response.status_code == 200
    return response.content.decode()


def _page_queries(client) -> int:
    with CaptureQueriesContext(connection) as captured:
        _page(client)
    return len(captured)


def test_the_page_names_a_panel_per_source_the_dossiers_and_the_centre(centre, logged_in):
    both = staff_user(centre, Role.COACH, Role.CENTRE_STAFF)
    page = _page(logged_in(both))
    urls = panel_urls(page)
    assert reverse("work_panel", args=["opdrachten"]) in urls
    assert reverse("work_panel", args=["te-laat"]) in urls
    assert reverse("work_panel", args=["maandeinde"]) not in urls  # mediators only
    assert urls[-3:] == [
        reverse("dashboard_deliveries"),
        reverse("dashboard_centre_work"),
        reverse("dashboard_centre"),
    ]
    assert page.count('aria-busy="true"') == len(urls)
    # Without JavaScript each placeholder still links to its full page (not the centre's).
    assert f'href="{reverse("work_list", args=["opdrachten"])}"' in page
    assert f'href="{reverse("billing_delivery")}"' in page
    assert "Trajecten per programma en status" not in page  # the centre's panel has it


@pytest.mark.parametrize("name", ["dashboard_centre", "dashboard_centre_work"])
def test_a_coach_sees_no_centre_panel_and_may_not_open_it(name, coach, logged_in):
    client = logged_in(coach)
    assert reverse(name) not in panel_urls(_page(client))
    assert client.get(reverse(name)).status_code == 404


def test_the_centres_follow_up_is_empty_without_late_leads_or_statements(centre_staff, logged_in):
    response = logged_in(centre_staff).get(reverse("dashboard_centre_work"))
    assert response.status_code == 200 and response.content == b""


@pytest.mark.parametrize("who", ["centre_staff", "administrator"])
def test_centre_staff_and_administrators_get_the_centres_overview(who, request, logged_in, coach):
    client = logged_in(request.getfixturevalue(who))
    response = client.get(reverse("dashboard_centre"))
    assert response.status_code == 200
    body = response.content.decode()
    assert "Trajecten per programma en status" in body and "<html" not in body


def test_a_source_that_does_not_apply_or_does_not_exist_is_not_found(coach, logged_in):
    client = logged_in(coach)
    assert client.get(reverse("work_panel", args=["maandeinde"])).status_code == 404
    assert client.get(reverse("work_panel", args=["te-laat"])).status_code == 404  # staff only
    assert client.get(reverse("work_panel", args=["bestaat-niet"])).status_code == 404


def test_the_dossiers_panel_is_for_coaches_and_centre_staff(centre, coach, centre_staff, logged_in):
    job_coach = staff_user(centre, Role.JOB_COACH)
    assert logged_in(coach).get(reverse("dashboard_deliveries")).status_code == 200
    assert logged_in(centre_staff).get(reverse("dashboard_deliveries")).status_code == 200
    assert logged_in(job_coach).get(reverse("dashboard_deliveries")).status_code == 404
    assert reverse("dashboard_deliveries") not in panel_urls(_page(logged_in(job_coach)))


def test_an_empty_source_answers_an_empty_panel(coach, logged_in):
    response = logged_in(coach).get(reverse("work_panel", args=["opdrachten"]))
    assert response.status_code == 200
    assert response.content == b""


def test_a_source_with_work_answers_its_card_with_the_first_items(trajectory, coach, logged_in):
    late_assignments(trajectory, 7)
    response = logged_in(coach).get(reverse("work_panel", args=["opdrachten"]))
    body = response.content.decode()
    assert 'data-testid="work-opdrachten"' in body and "<html" not in body
    assert body.count('class="work-item ') == 5  # DASHBOARD_ITEMS
    assert "Toon alle 7" in body
    assert f'href="{reverse("work_list", args=["opdrachten"])}"' in body


def test_another_coachs_work_is_not_in_my_panels(trajectory, other_coach, logged_in):
    late_assignments(trajectory, 2)
    assert logged_in(other_coach).get(reverse("work_panel", args=["opdrachten"])).content == b""


def test_nothing_urgent_is_left_to_the_css_once_every_panel_is_empty(coach, logged_in):
    page = dashboard_html(logged_in(coach))
    assert 'data-panel="' not in page  # every placeholder was swapped for its (empty) panel
    assert 'class="card empty worklist-empty"' in page and "Niets dringend" in page


def test_the_page_itself_takes_a_small_fixed_number_of_queries(centre, logged_in):
    both = staff_user(centre, Role.COACH, Role.CENTRE_STAFF)
    client = logged_in(both)
    _page(client)  # warm the per-process caches (rule sets)
    few = _page_queries(client)
    assert few <= PAGE_QUERIES
    for _ in range(3):
        trajectory = TrajectoryFactory(client=ClientFactory(organisation=centre), responsible=both)
        late_assignments(trajectory, 3)
    assert _page_queries(client) == few


def test_the_panels_need_a_signed_in_user(client):
    for url in (
        reverse("work_panel", args=["opdrachten"]),
        reverse("dashboard_deliveries"),
        reverse("dashboard_centre"),
    ):
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login" in response["Location"]
