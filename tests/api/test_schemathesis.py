"""Schemathesis over the whole OpenAPI document, in process through the WSGI app, as an
authenticated user with a bearer token: no answer is a server error (5xx) and every answer matches
the schema documented for its status code.

Bounded for CI: few examples per operation, no shrinking, no deadline, derandomized (the same
cases on every run). A failure names the operation and prints the request to reproduce it.
"""

import json

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

from koers.api.api import api as koers_api
from koers.core.models import Role
from koers.core.services import api_token_create
from tests.factories import (
    AssignmentFactory,
    ContactFactory,
    PlanFactory,
    PlanVersionFactory,
    staff_user,
)

MAX_EXAMPLES = 8

CONFIG = schemathesis.Config.from_dict(
    {
        "seed": 20261201,
        "phases": {
            "examples": {"enabled": True},
            "coverage": {"enabled": False},
            "fuzzing": {"enabled": True},
            "stateful": {"enabled": False},
        },
        "generation": {
            "mode": "positive",
            "max-examples": MAX_EXAMPLES,
            "no-shrink": True,
            "deterministic": True,
        },
    }
)

# The document as the API serves it (JSON keys), tested against the project's own WSGI app.
_DOCUMENT = json.loads(json.dumps(koers_api.get_openapi_schema(path_prefix="/api/v1"), default=str))
schema = schemathesis.openapi.from_dict(_DOCUMENT, config=CONFIG)
schema.app = get_wsgi_application()


@pytest.fixture(autouse=True)
def _keep_the_test_connection_open():
    """Calling the WSGI app sends request_started/finished, whose handler closes the database
    connection (CONN_MAX_AGE=0 in the test settings) in the middle of the test's transaction; on
    PostgreSQL the next request then meets a closed connection. Django's own test client
    disconnects that handler for the same reason."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def bearer(trajectory, centre):
    """Centre staff of the centre with one file, so lists and ids find something to answer."""
    ContactFactory(trajectory=trajectory)
    AssignmentFactory(trajectory=trajectory)
    PlanVersionFactory(plan=PlanFactory(trajectory=trajectory))
    user = staff_user(centre, Role.CENTRE_STAFF, username="schemathesis")
    _token, key = api_token_create(user=user, name="schemathesis")
    return {"Authorization": f"Bearer {key}"}


@pytest.mark.django_db
@schema.parametrize()
@settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.function_scoped_fixture,
        HealthCheck.filter_too_much,
        HealthCheck.data_too_large,
    ],
)
def test_api_has_no_server_errors_and_answers_as_documented(case, bearer):
    case.call_and_validate(headers=bearer, checks=[not_a_server_error, response_schema_conformance])
