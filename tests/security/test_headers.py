"""CSP without 'unsafe-inline' styles, base-uri and a Permissions-Policy on every page; no page
template has a style attribute or a <style> block without the request's nonce (issue 15).

PDF templates (rendered by WeasyPrint, never served as a page) and e-mail bodies (mail clients
know no CSP and need inline styles) are left out."""

import re
from pathlib import Path

import pytest
from django.urls import reverse

import koers
from koers.billing.models import DeliveryBatch

SRC = Path(koers.__file__).resolve().parent
NOT_PAGES = ("/pdf/", "/email/")
STYLE_ATTRIBUTE = re.compile(r"""<[a-zA-Z][^>]*\sstyle\s*=""", re.S)
STYLE_ELEMENT = re.compile(r"<style\b([^>]*)>", re.I)


def _page_templates():
    for path in sorted(SRC.rglob("templates/**/*.html")):
        if not any(part in path.as_posix() for part in NOT_PAGES):
            yield path


def _directives(header: str) -> dict[str, list[str]]:
    parts = (part.split() for part in header.split(";") if part.strip())
    return {name: values for name, *values in parts}


@pytest.mark.django_db
@pytest.mark.parametrize("url_name", ["login", "portal_login"])
def test_every_page_gets_a_csp_without_unsafe_inline_and_a_permissions_policy(client, url_name):
    response = client.get(reverse(url_name))
    csp = _directives(response["Content-Security-Policy"])
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]
    assert csp["style-src"][0] == "'self'"
    assert csp["base-uri"] == ["'self'"]
    assert csp["script-src"] == ["'self'"]
    assert csp["frame-ancestors"] == ["'none'"]
    policy = response["Permissions-Policy"]
    for feature in ("camera=()", "microphone=()", "geolocation=()", "payment=()", "usb=()"):
        assert feature in policy
    assert "publickey-credentials-get=(self)" in policy


@pytest.mark.django_db
def test_a_signed_in_page_gets_the_same_headers(logged_in, coach):
    response = logged_in(coach).get(reverse("dashboard"))
    assert response.status_code == 200
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]
    assert "base-uri 'self'" in response["Content-Security-Policy"]
    assert "camera=()" in response["Permissions-Policy"]


@pytest.mark.django_db
def test_a_page_style_block_carries_the_nonce_of_the_header(logged_in, coach, centre):
    batch = DeliveryBatch.objects.create(coach=coach, organisation=centre)
    response = logged_in(coach).get(reverse("billing_batch_cover", args=[batch.pk]))
    assert response.status_code == 200
    (nonce,) = re.findall(r'<style nonce="([^"]+)">', response.content.decode())
    assert f"'nonce-{nonce}'" in _directives(response["Content-Security-Policy"])["style-src"]


def test_the_walk_finds_the_page_templates():
    names = {path.name for path in _page_templates()}
    assert {"base.html", "login.html", "kpis.html"} <= names


def test_no_page_template_has_a_style_attribute():
    found = [
        f"{path.relative_to(SRC)}:{text[: m.start()].count(chr(10)) + 1}"
        for path in _page_templates()
        for text in [path.read_text()]
        for m in STYLE_ATTRIBUTE.finditer(text)
    ]
    assert not found, "use a class from koers.css instead: " + ", ".join(found)


def test_every_style_block_in_a_page_template_carries_the_request_nonce():
    found = [
        str(path.relative_to(SRC))
        for path in _page_templates()
        for m in STYLE_ELEMENT.finditer(path.read_text())
        if 'nonce="{{ request.csp_nonce }}"' not in m.group(1)
    ]
    assert not found, "move the rules to koers.css or add the nonce: " + ", ".join(found)


def test_issue_15_no_template_has_an_inline_event_handler_the_csp_would_block():
    """script-src 'self' blocks onclick="…": a print or copy button written that way is dead."""
    handler = re.compile(r"\son[a-z]+\s*=", re.I)
    offenders = [
        str(path.relative_to(SRC))
        for path in SRC.rglob("templates/**/*.html")
        if "/pdf/" not in str(path) and handler.search(path.read_text())
    ]
    assert offenders == []
