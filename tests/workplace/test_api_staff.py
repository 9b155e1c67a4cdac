"""/me and /staff: who the token belongs to, and the colleagues whose ids the API asks for
(`responsible_id`, `coach_id`, …), only of one's own organisations, with no more personal data
than the staff pages show."""

import pytest

from koers.core.models import Membership, Role
from tests.api.conftest import Api
from tests.factories import staff_user

pytestmark = pytest.mark.django_db

STAFF_FIELDS = {"id", "first_name", "last_name", "name", "email", "memberships"}


def test_me_answers_the_tokens_user_with_their_roles(coach, centre):
    response = Api(coach).get("/me")
    assert response.status_code == 200
    body = response.json()
    assert body["id"] == coach.pk and body["username"] == "coach"
    assert body["is_administrator"] is False
    assert body["memberships"] == [
        {
            "organisation_id": centre.pk,
            "organisation_name": centre.name,
            "role": "coach",
            "role_label": "Loopbaanbegeleider",
        }
    ]


def test_me_without_credentials_is_401(client):
    assert client.get("/api/v1/me").status_code == 401


def test_staff_lists_only_colleagues_of_ones_own_organisations(
    coach, other_coach, centre_staff, centre, other_centre
):
    elsewhere = staff_user(other_centre, Role.COACH, username="elders", first_name="Zoë")
    # A colleague who also works elsewhere: only the role here is shown.
    Membership.objects.create(user=other_coach, organisation=other_centre, role=Role.COACH)
    gone = staff_user(centre, Role.COACH, username="vertrokken")
    gone.is_active = False
    gone.save()
    body = Api(coach).get("/staff").json()
    ids = {item["id"] for item in body["items"]}
    assert ids == {coach.pk, other_coach.pk, centre_staff.pk}
    assert elsewhere.pk not in ids and gone.pk not in ids
    assert body["count"] == 3
    colleague = next(i for i in body["items"] if i["id"] == other_coach.pk)
    assert set(colleague) == STAFF_FIELDS  # no username, phone or national data
    assert [m["organisation_id"] for m in colleague["memberships"]] == [centre.pk]


def test_staff_filters_by_role_and_organisation(coach, other_coach, centre_staff, centre):
    api = Api(centre_staff)
    coaches = api.get("/staff", {"role": "coach"}).json()
    assert {i["id"] for i in coaches["items"]} == {coach.pk, other_coach.pk}
    assert api.get("/staff", {"organisation": centre.pk}).json()["count"] == 3


def test_staff_of_an_organisation_one_does_not_work_for_is_empty(coach, other_centre):
    staff_user(other_centre, Role.COACH, username="elders")
    body = Api(coach).get("/staff", {"organisation": other_centre.pk}).json()
    assert body == {"count": 0, "items": []}


def test_administrator_sees_the_staff_of_every_organisation(administrator, coach, other_centre):
    elsewhere = staff_user(other_centre, Role.COACH, username="elders")
    ids = {i["id"] for i in Api(administrator).get("/staff", {"limit": 100}).json()["items"]}
    assert {administrator.pk, coach.pk, elsewhere.pk} <= ids


def test_staff_is_paginated(coach, centre):
    for n in range(3):
        staff_user(centre, Role.COACH, username=f"collega-{n}")
    api = Api(coach)
    first = api.get("/staff", {"limit": 2}).json()
    second = api.get("/staff", {"limit": 2, "offset": 2}).json()
    assert first["count"] == second["count"] == 4
    assert len(first["items"]) == 2 and len(second["items"]) == 2
    assert not {i["id"] for i in first["items"]} & {i["id"] for i in second["items"]}


@pytest.mark.usefixtures("voucher_rules_in_force")
def test_a_listed_colleague_is_accepted_as_responsible_id(centre_staff, coach, client_record):
    api = Api(centre_staff)
    coach_id = api.get("/staff", {"role": "coach"}).json()["items"][0]["id"]
    assert coach_id == coach.pk
    response = api.post(
        "/trajectories",
        {"client_id": client_record.pk, "programme": "voucher", "responsible_id": coach_id},
    )
    assert response.status_code == 201, response.json()
    assert response.json()["responsible_id"] == coach.pk
