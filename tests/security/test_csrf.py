"""CSRF on every POST form (issue 15): a browser that enforces CSRF checks, signed in, posts to
every page without the token (every URL without an id, and every client-bearing URL with the
file's ids) and to every form action found on those pages: each answers 403 (or 405 where the
URL takes no POST) and nothing is written."""

import re

import pytest
from django.test import Client as HttpClient
from django.urls import reverse

from tests import test_url_access
from tests.security.roles import changed_tables, snapshot
from tests.test_url_access import OBJECT_FOR_URL, _named_patterns

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("voucher_rules_in_force")]

file_objects = test_url_access.file_objects
FORM = re.compile(r'<form\b[^>]*method="post"[^>]*>', re.I)
ACTION = re.compile(r'action="([^"]*)"')


def _urls(objects) -> list[str]:
    from django.urls import get_resolver

    urls = []
    for name, route in _named_patterns(get_resolver()):
        if "<" not in route:
            urls.append(reverse(name))
        elif name in OBJECT_FOR_URL:
            urls.append(reverse(name, kwargs={"pk": objects[OBJECT_FOR_URL[name]].pk}))
    return sorted(set(urls))


def _form_actions(browser, urls) -> set[str]:
    actions = set()
    for url in urls:
        response = browser.get(url)
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            continue
        for form in FORM.findall(response.content.decode()):
            action = ACTION.search(form)
            target = action.group(1) if action and action.group(1) else url
            if target.startswith("/"):
                actions.add(target.split("#")[0])
    return actions


def test_every_post_without_the_csrf_token_is_refused(file_objects, centre_staff):
    strict = HttpClient(enforce_csrf_checks=True)
    strict.force_login(centre_staff)
    urls = _urls(file_objects)
    actions = _form_actions(_signed_in(centre_staff), urls)
    assert len(actions) > 20  # the walk found the forms
    before = snapshot()
    problems = []
    for url in sorted(set(urls) | actions):
        if url.startswith("/api/"):
            continue  # the API takes a bearer token, never a cookie: no CSRF to forge
        response = strict.post(url, {"status": "closed", "name": "x"})
        if response.status_code not in (403, 405):
            problems.append(f"POST {url}: {response.status_code}")
    assert not problems, "\n".join(problems)
    assert changed_tables(before, snapshot()) == []


def _signed_in(user) -> HttpClient:
    browser = HttpClient()
    browser.force_login(user)
    return browser
