"""/clients: search, read, create and partial update, with the national number masked or not."""

from datetime import date

import pytest
from django.test import override_settings

from koers.core.demo import national_number
from koers.core.models import Client, FileAccess, Role
from koers.trajectories.models import Trajectory
from tests.api.conftest import Api, fields
from tests.factories import ClientFactory, TrajectoryFactory, staff_user

pytestmark = pytest.mark.django_db

VALID_NN = "85.07.30-033.28"


def _with_number(client, digits: str = "85073003328"):
    client.set_national_number(digits)
    client.save()
    return client


def test_list_is_paginated_with_total_count(centre, centre_staff):
    for i in range(5):
        ClientFactory(organisation=centre, last_name=f"Janssens{i}")
    response = Api(centre_staff).get("/clients", {"limit": 2, "offset": 2})
    body = response.json()
    assert response.status_code == 200
    assert body["count"] == 5
    assert [c["last_name"] for c in body["items"]] == ["Janssens2", "Janssens3"]


def test_search_uses_client_search(centre, centre_staff):
    ClientFactory(organisation=centre, first_name="Ann", last_name="Peeters")
    ClientFactory(organisation=centre, first_name="Bert", last_name="Maes")
    body = Api(centre_staff).get("/clients", {"q": "peet"}).json()
    assert body["count"] == 1
    assert body["items"][0]["first_name"] == "Ann"


def test_coach_sees_only_own_clients_in_list(trajectory, other_coach):
    ClientFactory(organisation=trajectory.organisation)
    assert Api(trajectory.responsible).get("/clients").json()["count"] == 1
    assert Api(other_coach).get("/clients").json()["count"] == 0


def test_national_number_masked_for_coach_full_for_centre_staff(trajectory, centre_staff):
    _with_number(trajectory.client)
    as_coach = Api(trajectory.responsible).get(f"/clients/{trajectory.client.pk}").json()
    as_staff = Api(centre_staff).get(f"/clients/{trajectory.client.pk}").json()
    assert as_coach["national_number"] == "••.••.••-•••.28"
    assert as_coach["national_number_masked"] is True
    assert as_staff["national_number"] == VALID_NN
    assert as_staff["national_number_masked"] is False
    listed = Api(trajectory.responsible).get("/clients").json()["items"][0]
    assert listed["national_number"] == "••.••.••-•••.28"


def test_get_logs_file_access(trajectory):
    Api(trajectory.responsible).get(f"/clients/{trajectory.client.pk}")
    access = FileAccess.objects.get()
    assert (access.user, access.client, access.channel) == (
        trajectory.responsible,
        trajectory.client,
        "api",
    )


def test_centre_staff_create_client_phone_in_e164(centre, centre_staff):
    response = Api(centre_staff).post(
        "/clients",
        {
            "first_name": "Ann",
            "last_name": "Peeters",
            "phone": "0470 12 34 56",
            "postal_code": "9000",
            "email": "Ann@Example.org",
            "national_number": VALID_NN,
        },
    )
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["phone"] == "+32470123456"
    assert body["email"] == "ann@example.org"
    assert body["national_number"] == VALID_NN
    assert body["trajectory_id"] is None
    assert Client.objects.get().organisation == centre


@pytest.mark.usefixtures("voucher_rules_in_force")
def test_coach_create_client_opens_trajectory_with_coach_responsible(coach):
    response = Api(coach).post(
        "/clients", {"first_name": "Ann", "last_name": "Peeters", "programme": "voucher"}
    )
    assert response.status_code == 201, response.json()
    trajectory = Trajectory.objects.get(pk=response.json()["trajectory_id"])
    assert trajectory.responsible == coach
    assert Api(coach).get(f"/clients/{response.json()['id']}").status_code == 200


def test_coach_create_client_without_programme_is_422(coach):
    response = Api(coach).post("/clients", {"first_name": "Ann", "last_name": "Peeters"})
    assert response.status_code == 422
    assert fields(response) == {"programme"}
    assert not Client.objects.exists()


def test_coach_cannot_make_colleague_responsible(coach, other_coach):
    response = Api(coach).post(
        "/clients",
        {
            "first_name": "Ann",
            "last_name": "Peeters",
            "programme": "voucher",
            "responsible_id": other_coach.pk,
        },
    )
    assert response.status_code == 422
    assert fields(response) == {"responsible_id"}
    assert not Client.objects.exists()


def test_create_in_organisation_user_does_not_belong_to_is_422(centre_staff, other_centre):
    response = Api(centre_staff).post(
        "/clients",
        {"first_name": "Ann", "last_name": "Peeters", "organisation_id": other_centre.pk},
    )
    assert response.status_code == 422
    assert fields(response) == {"organisation_id"}
    assert not Client.objects.exists()


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("national_number", "85.07.30-033.29"),
        ("phone", "12345"),
        ("postal_code", "123"),
        ("email", "ann@"),
    ],
)
def test_bad_input_names_the_field_and_saves_nothing(coach, field, value):
    payload = {"first_name": "Ann", "last_name": "Peeters", "programme": "voucher", field: value}
    response = Api(coach).post("/clients", payload)
    assert response.status_code == 422
    body = response.json()
    assert fields(response) == {field}
    assert body["errors"][0]["message"]
    assert not Client.objects.exists()
    assert not Trajectory.objects.exists()


@override_settings(LANGUAGE_CODE="nl-be")
def test_missing_required_field_is_422_in_dutch(centre_staff):
    response = Api(centre_staff).post("/clients", {"first_name": "Ann"})
    assert response.status_code == 422
    assert response.json()["errors"] == [
        {"field": "last_name", "message": "Dit veld is verplicht."}
    ]


def test_patch_changes_only_given_fields(trajectory):
    client = _with_number(trajectory.client)
    api = Api(trajectory.responsible)
    response = api.patch(f"/clients/{client.pk}", {"phone": "0470 98 76 54", "city": "Gent"})
    assert response.status_code == 200, response.json()
    client.refresh_from_db()
    assert client.phone == "+32470987654"
    assert client.city == "Gent"
    assert client.first_name == "Ann"
    assert client.national_number() == "85073003328"


def test_patch_with_bad_postal_code_changes_nothing(trajectory):
    api = Api(trajectory.responsible)
    response = api.patch(
        f"/clients/{trajectory.client.pk}", {"postal_code": "0999", "city": "Nergens"}
    )
    assert response.status_code == 422
    assert fields(response) == {"postal_code"}
    trajectory.client.refresh_from_db()
    assert trajectory.client.city == ""


def test_other_coach_and_other_centre_get_404(trajectory, other_coach, outsider):
    for user in (other_coach, outsider):
        api = Api(user)
        assert api.get(f"/clients/{trajectory.client.pk}").status_code == 404
        response = api.patch(f"/clients/{trajectory.client.pk}", {"city": "Gent"})
        assert response.status_code == 404
        assert response.json()["detail"]
    trajectory.client.refresh_from_db()
    assert trajectory.client.city == ""


def test_list_query_count_does_not_grow(centre, centre_staff, django_assert_max_num_queries):
    api = Api(centre_staff)
    # With a number, so both lists record their reveals (one insert for the whole page).
    _with_number(ClientFactory(organisation=centre))
    with django_assert_max_num_queries(12) as small:
        api.get("/clients")
    for n in range(20):
        # One client per national number (a unique index): each its own valid one.
        client = _with_number(
            ClientFactory(organisation=centre), national_number(date(1990, 1, 1), n + 1)
        )
        TrajectoryFactory(client=client, responsible=staff_user(centre, Role.COACH))
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = api.get("/clients")
    assert response.json()["count"] == 21
