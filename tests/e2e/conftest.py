"""End-to-end tests drive Debian's Chromium through Playwright (its own browser download fails here)."""

import os
import shutil

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]


@pytest.fixture(autouse=True)
def _cookies_without_expiry_date(settings):
    """Session and CSRF cookies last as long as the browser.

    The server's clock may be travelled (a frozen test day, `make test-future`) while Chromium runs
    on the real one: a dated cookie would then be born expired, or never expire.
    """
    settings.SESSION_EXPIRE_AT_BROWSER_CLOSE = True
    settings.CSRF_COOKIE_AGE = None


@pytest.fixture(autouse=True)
def _flows_without_second_factor(settings):
    """The browser flows sign in with a password only, as in `make run`.

    The second factor has its own tests (tests/security/test_mfa.py walks enrolment and login).
    """
    settings.KOERS_MFA_REQUIRED = False


@pytest.fixture
def browser_page():
    sync_api = pytest.importorskip("playwright.sync_api")
    if not os.path.exists(CHROMIUM):
        pytest.skip("Chromium is not installed (apt-get install chromium)")
    # Playwright's sync API runs an event loop; Django must allow ORM calls from the test anyway.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(locale="nl-BE", viewport={"width": 1280, "height": 900})
        # Generous: CI shares two cores with whatever else the machine is doing.
        page.set_default_timeout(60_000)
        yield page
        browser.close()
