"""An id beyond the database's integer range is a 422 that names the parameter, never a 500.

The tests walk the OpenAPI document, so a new list filter, `{id}` path or body id without the
bounded `Id` type (koers.api.schemas) fails here.
"""

import pytest

from koers.api.api import api as koers_api
from koers.api.schemas import MAX_ID
from tests.api.conftest import Api

pytestmark = pytest.mark.django_db

HUGE = 10**22  # 23 digits: beyond a 64-bit integer, the OverflowError of issue 10
PAGE_PARAMS = {"limit", "offset"}

SCHEMA = koers_api.get_openapi_schema(path_prefix="/api/v1")
OPERATIONS = [
    (method.upper(), path, operation)
    for path, operations in SCHEMA["paths"].items()
    for method, operation in operations.items()
]


def _integer_schemas(schema: dict) -> list[dict]:
    """The integer alternatives of a parameter or property schema (`int | None` is an anyOf)."""
    options = schema.get("anyOf", [schema])
    return [option for option in options if option.get("type") == "integer"]


def _resolve(schema: dict) -> dict:
    ref = schema.get("$ref")
    if ref:
        return SCHEMA["components"]["schemas"][ref.rsplit("/", 1)[-1]]
    return schema


def _body_id_properties(operation: dict):
    for content in operation.get("requestBody", {}).get("content", {}).values():
        body = _resolve(content["schema"])
        if body.get("type") == "array":
            body = _resolve(body["items"])
        for name, prop in body.get("properties", {}).items():
            if name.endswith("_id"):
                yield name, prop


def _id_parameters(operation: dict) -> list[dict]:
    return [
        p
        for p in operation.get("parameters", [])
        if p["name"] not in PAGE_PARAMS and _integer_schemas(p["schema"])
    ]


def test_every_integer_parameter_and_body_id_is_bounded_to_the_database_range():
    unbounded = []
    for method, path, operation in OPERATIONS:
        for parameter in operation.get("parameters", []):
            for option in _integer_schemas(parameter["schema"]):
                if option.get("maximum", MAX_ID + 1) > MAX_ID:
                    unbounded.append(f"{method} {path} ?{parameter['name']}")
        for name, prop in _body_id_properties(operation):
            for option in _integer_schemas(prop):
                if option.get("maximum", MAX_ID + 1) > MAX_ID:
                    unbounded.append(f"{method} {path} body.{name}")
    assert not unbounded, f"use koers.api.schemas.Id for: {unbounded}"


LIST_FILTERS = [
    (path, parameter["name"], max(o["maximum"] for o in _integer_schemas(parameter["schema"])))
    for method, path, operation in OPERATIONS
    if method == "GET"
    for parameter in _id_parameters(operation)
    if parameter["in"] == "query"
]
ID_PATHS = [
    (method, path, [p["name"] for p in _id_parameters(operation) if p["in"] == "path"])
    for method, path, operation in OPERATIONS
    if "{" in path
]


def test_the_six_list_filters_of_issue_10_are_walked():
    walked = {(path.removeprefix("/api/v1"), name) for path, name, _max in LIST_FILTERS}
    assert {
        ("/plans", "trajectory"),
        ("/contacts", "trajectory"),
        ("/assignments", "trajectory"),
        ("/documents", "trajectory"),
        ("/trajectories", "client"),
        ("/vouchers", "client"),
    } <= walked


@pytest.mark.parametrize(
    ("path", "name", "maximum"), LIST_FILTERS, ids=[f"{p}?{n}" for p, n, _m in LIST_FILTERS]
)
def test_list_filter_with_a_23_digit_number_answers_422_with_its_maximum(
    path, name, maximum, centre_staff
):
    """An id is bounded to the database's range, a count (e.g. `months`) to its own."""
    api = Api(centre_staff)
    response = api.http.get(path, {name: str(HUGE)}, headers=api.headers)
    assert response.status_code == 422, response.content
    assert response.json()["errors"] == [
        {"field": name, "message": f"De waarde mag hoogstens {maximum} zijn."}
    ]


@pytest.mark.parametrize(
    ("method", "path", "names"), ID_PATHS, ids=[f"{m} {p}" for m, p, _n in ID_PATHS]
)
def test_id_path_with_a_23_digit_id_answers_422(method, path, names, centre_staff):
    assert names, f"{method} {path}: its path id is not an integer"
    url = path
    for name in names:
        url = url.replace("{" + name + "}", str(HUGE))
    api = Api(centre_staff)
    response = api.http.generic(
        method, url, "{}", content_type="application/json", headers=api.headers
    )
    assert response.status_code == 422, response.content
    assert {e["field"] for e in response.json()["errors"]} >= set(names)


def test_body_id_beyond_the_range_answers_422_naming_the_field(trajectory, coach):
    response = Api(coach).post(
        "/contacts",
        {"trajectory_id": HUGE, "starts_at": "2026-03-02T10:00:00", "duration_minutes": 60},
    )
    assert response.status_code == 422
    assert "trajectory_id" in {e["field"] for e in response.json()["errors"]}
