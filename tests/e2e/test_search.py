"""The header's search in a real browser (issue 16): "/" focuses it, typing shows live results
(links reached with the keyboard), Enter opens the results page; the header fits at 820 px."""

import os
from datetime import UTC, datetime
from pathlib import Path

import pytest
import time_machine

from koers.core.models import Role
from tests.factories import ClientFactory, OrganisationFactory, TrajectoryFactory, staff_user

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

SIZES = [(820, 1180), (1366, 900)]


def test_slash_focuses_the_search_and_enter_shows_the_result(live_server, browser_page, tmp_path):
    with time_machine.travel(datetime(2026, 3, 2, 9, 0, tzinfo=UTC), tick=True):
        _search(live_server, browser_page, Path(os.environ.get("KOERS_SCREENSHOTS", tmp_path)))


def _search(live_server, page, shots: Path):
    centre = OrganisationFactory(name="Loopbaancentrum Horizon")
    coach = staff_user(centre, Role.COACH, username="e2e-zoeker", first_name="Zo")
    client = ClientFactory(organisation=centre, first_name="Ayşe", last_name="Özdemir")
    TrajectoryFactory(client=client, organisation=centre, responsible=coach)
    base = live_server.url
    page.goto(f"{base}/accounts/login/")
    page.fill("input[name=username]", "e2e-zoeker")
    page.fill("input[name=password]", "secret-pass-123")
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/")

    page.locator("body").click(position={"x": 5, "y": 300})  # focus on the page, not a field
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.id") == "top-search"
    page.keyboard.type("ozdem")
    live = page.locator("#top-search-results a.search-hit")
    live.first.wait_for()
    assert "Özdemir, Ayşe" in live.first.inner_text()
    page.keyboard.press("ArrowDown")  # the live results are links reached with the keyboard
    assert page.evaluate("document.activeElement.classList.contains('search-hit')")
    page.keyboard.press("Escape")
    assert page.locator("#top-search-results a").count() == 0
    page.keyboard.press("Enter")
    page.wait_for_url(f"{base}/zoeken/?q=ozdem")
    assert "Özdemir, Ayşe" in page.locator("main").inner_text()

    shots.mkdir(parents=True, exist_ok=True)
    for width, height in SIZES:
        page.set_viewport_size({"width": width, "height": height})
        page.goto(f"{base}/zoeken/?q=ozdem")
        page.fill("#top-search", "ozd")
        page.locator("#top-search-results a.search-hit").first.wait_for()
        page.screenshot(path=str(shots / f"search-{width}x{height}.png"))
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"the page is {overflow}px wider than the screen at {width}px"
        header = page.locator(".topbar__inner").bounding_box()
        assert header["width"] <= width
