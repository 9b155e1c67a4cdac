"""The role × URL × verb matrix (issue 15): every client-bearing page of tests/test_url_access.py
and every API operation on one of the file's rows, for every role, with GET and the mutating
verbs. Those who see the file get an answer (2xx/3xx); the others get 403/404 (staff), a 405 for
a verb the URL never takes, or the login page (not staff), and a refused write changes no row of
any table.

One test per URL (every role and verb inside it): the file is built once per URL, not per role.
"""

import json

import pytest
from django.urls import reverse

from koers.api.api import api as koers_api
from tests import test_url_access
from tests.security.roles import (
    ALLOWED,
    NOT_STAFF,
    REFUSED_STAFF,
    browser_for,
    changed_tables,
    people,
    sent_to_login,
    snapshot,
)
from tests.test_url_access import OBJECT_FOR_URL, POST_ONLY

# The file every URL opens: the one tests/test_url_access.py builds.
file_objects = test_url_access.file_objects

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("voucher_rules_in_force")]

WRITES = ("post", "put", "patch", "delete")
REFUSED = REFUSED_STAFF + NOT_STAFF
# Pages an allowed role does not open although it sees the file: what it gets instead.
NOT_FOR_ROLE = {
    ("client_history", "owner"): 404,  # the history is for centre staff, not for coaches
}


@pytest.fixture
def world(file_objects, centre, other_centre, coach):
    """The file of tests/test_url_access.py and everyone around it."""
    return {"objects": file_objects, "users": people(centre, other_centre, coach)}


def _send(browser, verb: str, url: str, *, api: bool = False):
    if verb == "get":
        return browser.get(url)
    if api:
        return getattr(browser, verb)(url, json.dumps({}), content_type="application/json")
    if verb == "post":
        return browser.post(url, {"status": "closed"})
    return getattr(browser, verb)(
        url, "status=closed", content_type="application/x-www-form-urlencoded"
    )


def _refusal_ok(role: str, verb: str, response, *, api: bool = False) -> bool:
    status = response.status_code
    if role in NOT_STAFF:
        if api:
            return status in (401, 405)
        return sent_to_login(response) or status == 405
    return status in (403, 404, 405)


def _check_refused(world, url, client_record, *, api=False):
    problems = []
    browsers = {role: browser_for(role, world["users"], client_record) for role in REFUSED}
    before = snapshot()  # one snapshot around all refused requests: it reads every table
    for role, browser in browsers.items():
        for verb in ("get", *WRITES):
            response = _send(browser, verb, url, api=api)
            if not _refusal_ok(role, verb, response, api=api):
                problems.append(f"{role} {verb.upper()} {url}: {response.status_code}")
    changed = changed_tables(before, snapshot())
    if changed:
        problems.append(f"a refused request changed {changed} through {url}")
    return problems


@pytest.mark.parametrize("name", sorted(OBJECT_FOR_URL))
def test_every_role_and_verb_on_a_client_bearing_page(name, world, client_record):
    url = reverse(name, kwargs={"pk": world["objects"][OBJECT_FOR_URL[name]].pk})
    problems = _check_refused(world, url, client_record)
    for role in ALLOWED:
        response = browser_for(role, world["users"], client_record).get(url)
        expected = NOT_FOR_ROLE.get((name, role), 405 if name in POST_ONLY else 200)
        if response.status_code != expected:
            problems.append(f"{role} GET {url}: {response.status_code}, expected {expected}")
    assert not problems, "\n".join(problems)


# --- the API ----------------------------------------------------------------------------------

# Path parameter -> the object of the file it names. Operations on other rows (billing, the
# programmes' own records) are walked in their apps' API tests.
API_OBJECT_FOR_PARAM = {
    "client_id": "client",
    "trajectory_id": "trajectory",
    "contact_id": "contact",
    "assignment_id": "assignment",
    "plan_id": "plan",
    "document_id": "document",
    "voucher_id": "voucher",
}


def _api_operations():
    document = koers_api.get_openapi_schema(path_prefix="/api/v1")
    for path, operations in sorted(document["paths"].items()):
        params = {p.strip("{}") for p in path.split("/") if p.startswith("{")}
        if len(params) == 1 and params <= set(API_OBJECT_FOR_PARAM):
            yield path, sorted(operations), params.pop()


API_OPERATIONS = list(_api_operations())
MISSING_ID = 999_999_999


def test_the_api_walk_finds_the_file_operations():
    paths = {path for path, _verbs, _param in API_OPERATIONS}
    assert {"/api/v1/clients/{client_id}", "/api/v1/documents/{document_id}/download"} <= paths


def _bearer(user) -> dict:
    from koers.core.services import api_token_create

    _token, key = api_token_create(user=user, name="matrix")
    return {"HTTP_AUTHORIZATION": f"Bearer {key}"}


class _ApiBrowser:
    """Django's test client with a bearer token on every request."""

    def __init__(self, headers: dict):
        from django.test import Client as HttpClient

        self.http, self.headers = HttpClient(), headers

    def __getattr__(self, verb):
        method = getattr(self.http, verb)
        return lambda url, *args, **kwargs: method(url, *args, **kwargs, **self.headers)


@pytest.mark.parametrize(("path", "verbs", "param"), API_OPERATIONS, ids=lambda v: str(v))
def test_every_role_and_verb_on_a_file_api_operation(path, verbs, param, world, client_record):
    obj = world["objects"][API_OBJECT_FOR_PARAM[param]]
    url = path.replace("{" + param + "}", str(obj.pk))
    missing = path.replace("{" + param + "}", str(MISSING_ID))
    problems = []
    browsers = {
        role: _ApiBrowser(_bearer(world["users"][role]) if role in world["users"] else {})
        for role in REFUSED
    }
    before = snapshot()
    for role, browser in browsers.items():
        for verb in ("get", *WRITES):
            response = _send(browser, verb, url, api=True)
            if _refusal_ok(role, verb, response, api=True):
                continue
            # An empty body may be refused (422) before the row is looked up: then the row it
            # names must not matter, the answer is the one for an id that does not exist.
            if (
                response.status_code != 422
                or _send(browser, verb, missing, api=True).status_code != 422
            ):
                problems.append(f"{role} {verb.upper()} {url}: {response.status_code}")
    changed = changed_tables(before, snapshot())
    if changed:
        problems.append(f"a refused request changed {changed} through {url}")
    if "get" in verbs:
        for role in ALLOWED:
            response = _ApiBrowser(_bearer(world["users"][role])).get(url)
            if response.status_code != 200:
                problems.append(f"{role} GET {url}: {response.status_code}")
    assert not problems, "\n".join(problems)
