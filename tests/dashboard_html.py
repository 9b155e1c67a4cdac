"""Test helper: the dashboard as a browser shows it once its panels have loaded (issue 14).

The page `/` paints its cheap parts and leaves a placeholder (`data-panel`, `hx-get`) for each
heavy part; htmx then fetches every panel and swaps it in for its placeholder (`outerHTML`). This
does the same with the test client: the page, then each placeholder replaced by its panel's body.
"""

import html
import re

from django.urls import reverse

# A placeholder is one `<section>` without nested sections (`workplace/_panel.html`).
PLACEHOLDER = re.compile(r"<section\b[^>]*\bdata-panel=[^>]*>.*?</section>", re.DOTALL)
HX_GET = re.compile(r'\bhx-get="([^"]+)"')


def panel_urls(page: str) -> list[str]:
    """The `hx-get` address of every panel placeholder on the page, in page order."""
    return [html.unescape(HX_GET.search(p.group(0)).group(1)) for p in PLACEHOLDER.finditer(page)]


def dashboard_html(client, **extra) -> str:
    """GET `/` with a logged-in test client, then every panel it names; the page with each
    placeholder replaced by its panel's body. `extra` goes with every request (e.g. headers).
    A panel that does not answer 200 fails here: the page only names panels its user may open."""
    response = client.get(reverse("dashboard"), **extra)
    assert response.status_code == 200, response.status_code
    page = response.content.decode()

    def panel(match: re.Match) -> str:
        url = html.unescape(HX_GET.search(match.group(0)).group(1))
        answer = client.get(url, HTTP_HX_REQUEST="true", **extra)
        assert answer.status_code == 200, (url, answer.status_code)
        return answer.content.decode()

    return PLACEHOLDER.sub(panel, page)


# In a browser (tests/e2e): a panel still loading is a placeholder htmx has not swapped yet.
PANELS_LOADING = '[aria-busy="true"][data-panel]'


def wait_for_panels(page) -> None:
    """Wait until htmx swapped in every panel of the page a Playwright `page` shows (at once on a
    page without panels): read or screenshot the dashboard as its user sees it."""
    page.wait_for_function(f"() => !document.querySelector({PANELS_LOADING!r})")
