"""Issue 16, "done when": each role starts at the dashboard, finds the most urgent item of its work
list and reaches the page to act on it in one click (the demo centre, `manage.py demo`)."""

import pytest
import time_machine

from koers.core.demo import DEMO_PASSWORD, demo_build
from tests.conftest import VOUCHER_TEST_TODAY
from tests.dashboard_html import wait_for_panels
from tests.e2e.sign_in import sign_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

# Per demo role, where its most urgent item is: the coach's leads with their 24-hour clock come
# first (INT-02); the others' first work-list group.
MOST_URGENT = {
    "coach": "[aria-labelledby=h-leads] td.name a",
    "backoffice": "[data-testid=work-te-laat] .work-item a",
    "bemiddelaar": "[data-testid=work-bemiddeling] .work-item a",
    "jobcoach": "[data-testid=work-opvolging] .work-item a",
}


@pytest.mark.parametrize("role", sorted(MOST_URGENT))
def test_issue_16_each_role_reaches_its_most_urgent_item_from_the_dashboard_in_one_click(
    role, live_server, browser_page
):
    page = browser_page
    with time_machine.travel(VOUCHER_TEST_TODAY, tick=True):
        demo_build()
        sign_in(page, live_server.url, role, DEMO_PASSWORD)
        wait_for_panels(page)  # the work list's cards load after the page (issue 14)
        first = page.locator(MOST_URGENT[role]).first
        href = first.get_attribute("href")
        assert href, f"{role}: no urgent item on the dashboard"
        first.click()
        page.wait_for_url(f"{live_server.url}{href}")
        assert page.locator("h1").count() == 1
