"""GET /api/v1/search (issue 16): the same groups as the page, only what the token's user sees."""

import pytest

from koers.core.models import Role
from tests.factories import ClientFactory, TrajectoryFactory, staff_user

pytestmark = pytest.mark.django_db


def test_the_api_search_gives_the_groups_of_the_page(api, centre, coach, trajectory):
    response = api(coach).get("/search", {"q": trajectory.client.last_name[:4]})
    assert response.status_code == 200
    body = response.json()
    (group,) = body["groups"]
    assert group["kind"] == "clients" and group["count"] == 1
    assert group["items"][0]["url"] == f"/clienten/{trajectory.client.pk}/"
    by_number = api(coach).get("/search", {"q": f"#{trajectory.pk}"}).json()
    assert [g["kind"] for g in by_number["groups"]] == ["trajectories"]


def test_the_api_search_keeps_to_what_the_user_may_see(api, centre, coach, trajectory):
    other = staff_user(centre, Role.COACH)
    TrajectoryFactory(
        client=ClientFactory(organisation=centre, last_name="Zegers"), responsible=other
    )
    assert api(coach).get("/search", {"q": "zegers"}).json()["groups"] == []


def test_the_api_search_says_when_the_query_is_too_short(api, coach):
    body = api(coach).get("/search", {"q": "a"}).json()
    assert body["too_short"] is True and body["groups"] == []


def test_the_api_search_needs_a_user(client):
    assert client.get("/api/v1/search", {"q": "peeters"}).status_code == 401
