"""The dashboard's panels in a real browser (issue 14): the page paints, htmx swaps in each part;
"Niets dringend" shows once every work-list panel answered empty (CSS only); without JavaScript
each placeholder still links to its full page."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from koers.core.models import Role
from koers.trajectories.models import AssignmentStatus
from tests.dashboard_html import PANELS_LOADING, wait_for_panels
from tests.e2e.sign_in import sign_in
from tests.factories import (
    AssignmentFactory,
    ClientFactory,
    OrganisationFactory,
    TrajectoryFactory,
    staff_user,
)

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PASSWORD = "secret-pass-123"  # tests.factories.UserFactory


def test_the_dashboard_loads_its_panels_and_says_when_nothing_is_urgent(live_server, browser_page):
    page = browser_page
    with time_machine.travel(datetime(2026, 3, 2, 9, 0, tzinfo=UTC), tick=True):
        centre = OrganisationFactory(name="Loopbaancentrum Horizon")
        busy = staff_user(centre, Role.COACH, username="e2e-druk")
        staff_user(centre, Role.COACH, username="e2e-rustig")
        trajectory = TrajectoryFactory(
            client=ClientFactory(organisation=centre), organisation=centre, responsible=busy
        )
        AssignmentFactory(
            trajectory=trajectory,
            status=AssignmentStatus.OPEN,
            deadline=timezone.localdate() - timedelta(days=2),
        )

        sign_in(page, live_server.url, "e2e-druk", PASSWORD)
        wait_for_panels(page)
        assert page.locator("[data-testid=work-opdrachten] .work-item").count() == 1
        assert not page.locator(".worklist-empty").is_visible()

        sign_in(page, live_server.url, "e2e-rustig", PASSWORD)
        wait_for_panels(page)
        assert page.locator(".worklist .card").count() == 0  # every source answered empty
        assert page.locator(".worklist-empty").is_visible()


def test_without_javascript_each_placeholder_links_to_its_full_page(live_server, browser_page):
    with time_machine.travel(datetime(2026, 3, 2, 9, 0, tzinfo=UTC), tick=True):
        centre = OrganisationFactory(name="Loopbaancentrum Horizon")
        staff_user(centre, Role.COACH, username="e2e-zonder-js")
        context = browser_page.context.browser.new_context(java_script_enabled=False)
        page = context.new_page()
        page.set_default_timeout(60_000)
        sign_in(page, live_server.url, "e2e-zonder-js", PASSWORD)
        placeholders = page.locator(PANELS_LOADING)
        assert placeholders.count() >= 2  # the coach's work-list sources and the dossiers
        assert page.locator(".worklist-empty").is_hidden()  # not "nothing urgent": not loaded
        link = page.locator(
            f'{PANELS_LOADING} a[href="{reverse("work_list", args=["opdrachten"])}"]'
        )
        link.click()
        page.wait_for_url(f"{live_server.url}{reverse('work_list', args=['opdrachten'])}")
        context.close()


def test_a_panel_that_fails_says_so_and_one_met_by_the_sign_in_page_reloads(
    live_server, browser_page
):
    page = browser_page
    with time_machine.travel(datetime(2026, 3, 2, 9, 0, tzinfo=UTC), tick=True):
        centre = OrganisationFactory(name="Loopbaancentrum Horizon")
        staff_user(centre, Role.COACH, username="e2e-paneel")
        sign_in(page, live_server.url, "e2e-paneel", PASSWORD)
        wait_for_panels(page)
        failing = reverse("dashboard_deliveries")
        page.route(f"**{failing}", lambda route: route.fulfill(status=500, body="kapot"))
        page.reload()
        panel = page.locator('[data-panel][aria-busy="false"]')
        panel.wait_for()
        assert "Dit deel kon niet laden" in panel.inner_text()
        page.unroute(f"**{failing}")
        wait_for_panels(page)  # the others in: the failed one is the only placeholder left

        page.context.clear_cookies()  # the session ended: the panels now meet the sign-in page
        with page.expect_navigation():
            page.evaluate("url => htmx.ajax('GET', url, {target: '[data-panel]'})", failing)
        page.wait_for_url("**/accounts/login/**")
