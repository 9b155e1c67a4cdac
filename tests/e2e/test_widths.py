"""Issue 16: every main page works on a tablet (820 × 1180) and a small laptop (1366 × 900).

The demo centre (`manage.py demo`) is built in the live server's database, one voucher gets many
contacts, and each demo role visits its main pages at both sizes. Nothing may stick out of the
screen: the document is no wider than the window, and no element's right edge passes the window
unless it sits inside an element that scrolls sideways. The voucher page's contact table and the
trajectory list must fit outright (issue 16: the contacts' last column, "Bewijs", was cut off at
820 px), and the main menu takes at most two rows. Screenshots go to
`var/screenshots/` (ignored by git) to look at.
"""

from datetime import timedelta
from pathlib import Path

import pytest
import time_machine
from django.db.models import Count
from django.urls import reverse
from django.utils import timezone

from koers.core.demo import DEMO_PASSWORD, demo_build
from koers.intake.models import Lead
from koers.mediation.models import MediationService
from koers.trajectories.models import Contact, ContactForm, ContactOutcome
from koers.transition.models import TransitionFile
from koers.vouchers.models import Voucher
from tests.conftest import VOUCHER_TEST_TODAY
from tests.dashboard_html import wait_for_panels
from tests.e2e.sign_in import sign_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

SIZES = ((820, 1180), (1366, 900))
SHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"

# What sticks out: the document's width, and each visible element whose right edge passes the
# window without a sideways-scrolling ancestor (then it can be reached), described briefly.
OVERFLOW = """() => {
  const width = window.innerWidth;
  const scrolls = (el) => {
    for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
      const x = getComputedStyle(p).overflowX;
      if (x === "auto" || x === "scroll" || x === "hidden" || x === "clip") return true;
    }
    return false;
  };
  const name = (el) => el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") +
    (el.className && typeof el.className === "string" ? "." + el.className.trim().split(/\\s+/).join(".") : "");
  const out = [];
  const wide = [];
  for (const el of document.body.querySelectorAll("*")) {
    const box = el.getBoundingClientRect();
    if (!box.width || !box.height || box.right <= width + 1) continue;
    if (getComputedStyle(el).position === "fixed") continue;
    if (scrolls(el)) { wide.push(name(el) + " → " + Math.round(box.right) + "px"); continue; }
    out.push(name(el) + " → " + Math.round(box.right) + "px");
    if (out.length >= 5) break;
  }
  const doc = document.documentElement.scrollWidth;
  // The document is wider and nothing outside a scroller says why: name what is in one.
  if (doc > width && !out.length) out.push(...wide.slice(0, 5));
  return {document: doc, window: width, out: out};
}"""
# The main menu in rows of its links (issue 16: squeezed beside search it took four at 820 px).
MENU_ROWS = """() => {
  const nav = document.querySelector(".mainnav");
  const link = nav && nav.querySelector("a");
  return nav && link ? Math.round(nav.getBoundingClientRect().height / link.offsetHeight) : 0;
}"""
# Tables that must fit outright (allowed elsewhere to scroll in their wrapper): the voucher's
# contacts, the trajectory list (its dossier column was squeezed to a letter's width) and the
# transition files (their job target was cut off behind a phase name kept on one line).
MUST_FIT = {
    "voucher": "table:has([data-testid=contact-row])",
    "trajectories": "table:has([data-testid=trajectory-row])",
    "transition": "table:has([data-testid=transition-file-row])",
}
# A table that only fits by scrolling its wrapper.
TABLE_FITS = """(selector) => {
  const table = document.querySelector(selector);
  if (!table) return null;
  const wrap = table.closest(".table-wrap") || table.parentElement;
  return {table: Math.round(table.getBoundingClientRect().width), wrap: wrap.clientWidth};
}"""


def _with_many_contacts() -> Voucher:
    """The demo voucher with the most contacts, given 40 more (more than one page of 25)."""
    voucher = (
        Voucher.objects.annotate(n=Count("trajectory__contacts"))
        .select_related("trajectory")
        .order_by("-n", "pk")
        .first()
    )
    t = voucher.trajectory
    start = timezone.now() - timedelta(days=60)
    Contact.objects.bulk_create(
        Contact(
            trajectory=t,
            staff=t.responsible,
            starts_at=start + timedelta(days=i, hours=1),
            duration_minutes=45,
            form=(ContactForm.INDIVIDUAL, ContactForm.VIDEO)[i % 2],
            outcome=ContactOutcome.HELD if i % 3 else ContactOutcome.ABSENT,
        )
        for i in range(40)
    )
    return voucher


def _pages() -> dict[str, list[tuple[str, str]]]:
    voucher = _with_many_contacts()
    client, trajectory = voucher.client_id, voucher.trajectory_id
    lead = Lead.objects.order_by("pk").first()
    service = MediationService.objects.order_by("pk").first()
    file = TransitionFile.objects.order_by("pk").first()
    common = [
        ("dashboard", reverse("dashboard")),
        ("clients", reverse("client_list")),
        ("trajectories", reverse("trajectory_list")),
    ]
    centre = [
        ("client", reverse("client_detail", args=[client])),
        ("trajectory", reverse("trajectory_detail", args=[trajectory])),
        ("voucher", reverse("voucher_detail", args=[voucher.pk])),
        ("leads", reverse("intake_lead_list")),
        ("lead", reverse("intake_lead_detail", args=[lead.pk])),
        ("statements", reverse("billing_statements")),
        ("invoices", reverse("billing_invoices")),
        ("groups", reverse("group_session_list")),
    ]
    coach = [*centre, ("hours", reverse("billing_hours"))]
    return {
        "coach": common + coach,
        "backoffice": common + centre,
        "bemiddelaar": [
            *common,
            ("mediation", reverse("mediation_dashboard")),
            ("service", reverse("mediation_detail", args=[service.pk])),
        ],
        "jobcoach": [
            *common,
            ("transition", reverse("transition_home")),
            ("transition-file", reverse("transition_file", args=[file.pk])),
        ],
    }


def _visit(page, base: str, role: str, name: str, path: str) -> list[str]:
    problems = []
    for width, height in SIZES:
        page.set_viewport_size({"width": width, "height": height})
        response = page.goto(base + path)
        assert response.status == 200, f"{role} {path}: {response.status}"
        wait_for_panels(page)  # the dashboard's parts load after the page (issue 14)
        page.screenshot(path=str(SHOTS / f"{role}-{name}-{width}.png"), full_page=True)
        seen = page.evaluate(OVERFLOW)
        if seen["document"] > seen["window"] or seen["out"]:
            problems.append(f"{role} {name} {width}px: {seen}")
        if name in MUST_FIT:
            fit = page.evaluate(TABLE_FITS, MUST_FIT[name])
            if fit and fit["table"] > fit["wrap"]:
                problems.append(f"{role} {name} table {width}px: {fit}")
        if (rows := page.evaluate(MENU_ROWS)) > 2:
            problems.append(f"{role} {name} {width}px: the menu takes {rows} rows")
    return problems


def test_issue_16_main_pages_fit_a_tablet_and_a_small_laptop(live_server, browser_page):
    SHOTS.mkdir(parents=True, exist_ok=True)
    with time_machine.travel(VOUCHER_TEST_TODAY, tick=True):
        demo_build()
        pages = _pages()
        problems = []
        for role, visits in pages.items():
            sign_in(browser_page, live_server.url, role, DEMO_PASSWORD)
            for name, path in visits:
                problems += _visit(browser_page, live_server.url, role, name, path)
    assert not problems, "\n".join(problems)
