"""Screenshots of every staff page, to look at the UI with one's own eyes.

Starts nothing itself: run a Koers server first, then

    .venv/bin/python scripts/screenshots.py http://127.0.0.1:8101 coach koers-demo-123 /tmp/shots
    .venv/bin/python scripts/screenshots.py http://127.0.0.1:8101 staff koers-demo-123 /tmp/shots --prefix staff-

Needs Playwright (`pip install playwright`, not a project dependency) and Debian's Chromium.
Pages with ids (a client, a trajectory, a plan) are found by following the first link on the list.
"""

import argparse
import re
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]

# (file name, path or a callable finding it, viewport width)
STATIC_PAGES = [
    ("dashboard", "/"),
    ("client-list", "/clienten/"),
    ("client-search", "/clienten/?q=pe"),
    ("client-search-empty", "/clienten/?q=zzzzzz"),
    ("client-create", "/clienten/nieuw/"),
    ("organisations", "/organisaties/"),
    ("organisation-create", "/organisaties/nieuw/"),
    ("staff", "/medewerkers/"),
    ("staff-create", "/medewerkers/nieuw/"),
    ("password-change", "/accounts/wachtwoord/"),
    ("otp-setup", "/accounts/tweestapsverificatie/"),
    ("api-keys", "/api-sleutels/"),
    ("import", "/import/"),
]


def first_link(page, base: str, list_path: str, pattern: str) -> str | None:
    page.goto(base + list_path)
    for href in page.eval_on_selector_all("a[href]", "els => els.map(e => e.getAttribute('href'))"):
        if re.fullmatch(pattern, href or ""):
            return href
    return None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("base_url")
    parser.add_argument("username")
    parser.add_argument("password")
    parser.add_argument("out_dir")
    parser.add_argument("--prefix", default="")
    parser.add_argument("--width", type=int, default=1366)
    parser.add_argument("--tablet", action="store_true", help="also shoot at 820 px wide")
    args = parser.parse_args()
    base = args.base_url.rstrip("/")
    out = Path(args.out_dir)
    out.mkdir(parents=True, exist_ok=True)

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": args.width, "height": 900}, locale="nl-BE")
        page = context.new_page()

        def shoot(name: str, path: str) -> None:
            response = page.goto(base + path)
            status = response.status if response else "?"
            target = out / f"{args.prefix}{name}.png"
            page.screenshot(path=str(target), full_page=True)
            print(f"{status} {path} -> {target}")

        shoot("login", "/accounts/login/")
        page.fill("#id_username", args.username)
        page.fill("#id_password", args.password)
        page.click("button[type=submit]")
        page.wait_for_load_state("networkidle")
        if "/accounts/login/" in page.url:
            print("login failed", file=sys.stderr)
            return 1

        for name, path in STATIC_PAGES:
            shoot(name, path)

        client = first_link(page, base, "/clienten/", r"/clienten/\d+/")
        if client:
            shoot("client-detail", client)
            shoot("client-edit", client + "bewerken/")
            shoot("client-history", client + "geschiedenis/")
            shoot("trajectory-create", f"/trajecten/nieuw/?client={client.split('/')[2]}")
        trajectory = first_link(page, base, "/", r"/trajecten/\d+/")
        if trajectory is None and client:
            trajectory = first_link(page, base, client, r"/trajecten/\d+/")
        if trajectory:
            shoot("trajectory-detail", trajectory)
            shoot("contact-create", trajectory + "contacten/nieuw/")
            shoot("assignment-create", trajectory + "opdrachten/nieuw/")
            shoot("plan-create", trajectory + "plannen/nieuw/")
            shoot("document-create", trajectory + "documenten/nieuw/")
            plan = first_link(page, base, trajectory, r"/trajecten/plannen/\d+/")
            if plan:
                shoot("plan-detail", plan)
                shoot("plan-edit", plan + "bewerken/")
            contact = first_link(page, base, trajectory, r"/trajecten/contacten/\d+/bewerken/")
            if contact:
                shoot("contact-edit", contact)
            # A form with errors: a held contact in the future.
            page.goto(base + trajectory + "contacten/nieuw/")
            page.fill("#id_date", "2099-01-01")
            page.select_option("#id_outcome", "held")
            page.click("form.form button[type=submit]")
            page.screenshot(path=str(out / f"{args.prefix}contact-errors.png"), full_page=True)

        page.goto(base + "/clienten/nieuw/")
        page.fill("#id_first_name", "Test")
        page.fill("#id_phone", "123")
        page.fill("#id_postal_code", "123")
        page.fill("#id_national_number", "12345678901")
        page.click("form.form button[type=submit]")
        page.screenshot(path=str(out / f"{args.prefix}client-errors.png"), full_page=True)

        if args.tablet:
            page.set_viewport_size({"width": 820, "height": 1180})
            for name, path in [("dashboard", "/"), ("client-list", "/clienten/")] + (
                [("trajectory-detail", trajectory)] if trajectory else []
            ):
                shoot(f"tablet-{name}", path)
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
