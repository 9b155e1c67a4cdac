"""Issue 14: `GET /vouchers` pages through an index (no sort over every voucher the user may see),
and every list endpoint of vouchers, mediation and trajectories has a bounded page."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from koers.api.lookups import MAX_LIMIT
from koers.vouchers.services import voucher_open
from tests.api.conftest import Api
from tests.factories import ClientFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("voucher_rules_in_force")]

PAGED = (
    "/vouchers",
    "/group-sessions",
    "/mediation/services",
    "/trajectories",
    "/contacts",
    "/documents",
    "/assignments",
    "/plans",
)


def _plans(api: Api, path: str, params: dict) -> list[list[str]]:
    with CaptureQueriesContext(connection) as queries:
        assert api.get(path, params).status_code == 200
    plans = []
    for query in queries.captured_queries:
        if 'FROM "vouchers_voucher"' in query["sql"] and "COUNT(" not in query["sql"]:
            with connection.cursor() as cursor:
                cursor.execute("EXPLAIN QUERY PLAN " + query["sql"])
                plans.append([row[3] for row in cursor.fetchall()])
    return plans


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's EXPLAIN QUERY PLAN")
@pytest.mark.parametrize("role", ["coach", "centre_staff"])
def test_issue_14_voucher_list_sorts_through_an_index(request, role, centre, coach):
    for i in range(3):
        voucher_open(
            client=ClientFactory(organisation=centre),
            responsible=coach,
            organisation=centre,
            start_date=timezone.localdate() - timedelta(days=10 * i),
            career_question="Welke job past bij mij?",
            acting_user=coach,
        )
    api = Api(request.getfixturevalue(role))
    for params in ({}, {"status": "active"}, {"limit": 2, "offset": 1}):
        plans = _plans(api, "/vouchers", params)
        assert plans, "the list read its vouchers"
        for plan in plans:
            assert not any("TEMP B-TREE FOR ORDER BY" in step for step in plan), plan
    ids = [v["id"] for v in api.get("/vouchers").json()["items"]]
    assert ids == sorted(ids, reverse=True)  # the most recently opened first


@pytest.mark.parametrize("path", PAGED)
def test_issue_14_every_list_endpoint_refuses_a_page_over_the_maximum(centre_staff, path):
    api = Api(centre_staff)
    assert api.get(path, {"limit": MAX_LIMIT + 1}).status_code == 422
    assert api.get(path, {"limit": MAX_LIMIT}).status_code == 200
