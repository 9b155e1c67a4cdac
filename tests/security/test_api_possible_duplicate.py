"""The "mogelijk dubbel" step on the API (issue 15): POST /clients answers 409 with the ids of the
clients the caller may see that have the same name and birth date, unless the body says
`confirm_duplicate: true`; a namesake the caller may not see is neither named nor refused for."""

from datetime import date

import pytest

from koers.core.models import Client
from tests.api.conftest import Api
from tests.factories import ClientFactory, TrajectoryFactory

pytestmark = pytest.mark.django_db

BIRTH = date(1990, 2, 14)
NEW = {"first_name": "Bart", "last_name": "Claes", "birth_date": "1990-02-14"}


def _namesake(organisation, **kwargs) -> Client:
    return ClientFactory(
        organisation=organisation, first_name="Bart", last_name="Claes", birth_date=BIRTH, **kwargs
    )


def test_a_visible_client_with_the_same_name_and_birth_date_answers_409_with_its_id(
    centre, centre_staff
):
    existing = _namesake(centre)
    response = Api(centre_staff).post("/clients", NEW)
    assert response.status_code == 409
    body = response.json()
    assert body["duplicate_ids"] == [existing.pk]
    assert body["detail"].startswith("Mogelijk dubbel: er bestaat al een cliënt met dezelfde naam")
    assert "confirm_duplicate" in body["detail"]
    assert Client.objects.count() == 1


def test_the_name_matches_without_regard_to_case_or_accents(centre, centre_staff):
    existing = ClientFactory(
        organisation=centre, first_name="Barţ", last_name="Claës", birth_date=BIRTH
    )
    response = Api(centre_staff).post("/clients", {**NEW, "first_name": "BART"})
    assert response.status_code == 409
    assert response.json()["duplicate_ids"] == [existing.pk]


def test_confirm_duplicate_makes_the_client_anyway(centre, centre_staff):
    _namesake(centre)
    response = Api(centre_staff).post("/clients", {**NEW, "confirm_duplicate": True})
    assert response.status_code == 201, response.json()
    assert "confirm_duplicate" not in response.json()
    assert Client.objects.filter(last_name="Claes").count() == 2


def test_another_birth_date_or_none_is_no_duplicate(centre, centre_staff):
    _namesake(centre)
    api = Api(centre_staff)
    assert api.post("/clients", {**NEW, "birth_date": "1990-02-15"}).status_code == 201
    assert api.post("/clients", {"first_name": "Bart", "last_name": "Claes"}).status_code == 201


def test_a_namesake_of_another_organisation_is_not_revealed(other_centre, centre_staff):
    _namesake(other_centre)
    response = Api(centre_staff).post("/clients", NEW)
    assert response.status_code == 201
    assert "duplicate" not in response.content.decode()


def test_a_coach_is_told_only_of_the_namesakes_they_may_see(centre, coach):
    guided = _namesake(centre)
    TrajectoryFactory(client=guided, responsible=coach, organisation=centre)
    _namesake(centre)  # same centre, not guided by this coach: not visible to them
    response = Api(coach).post("/clients", {**NEW, "programme": "voucher"})
    assert response.status_code == 409
    assert response.json()["duplicate_ids"] == [guided.pk]


def test_a_coach_who_sees_no_namesake_registers_the_client(centre, coach, voucher_rules_in_force):
    _namesake(centre)  # not guided by this coach
    response = Api(coach).post("/clients", {**NEW, "programme": "voucher"})
    assert response.status_code == 201, response.json()


def test_a_retry_with_the_same_idempotency_key_answers_the_first_client_not_a_duplicate(
    centre_staff,
):
    api = Api(centre_staff)
    api.headers["Idempotency-Key"] = "retry"
    first, second = api.post("/clients", NEW), api.post("/clients", NEW)
    assert first.status_code == second.status_code == 201
    assert first.json()["id"] == second.json()["id"]


def test_a_refused_duplicate_leaves_the_idempotency_key_free(centre, centre_staff):
    _namesake(centre)
    api = Api(centre_staff)
    api.headers["Idempotency-Key"] = "first-try"
    assert api.post("/clients", NEW).status_code == 409
    confirmed = api.post("/clients", {**NEW, "confirm_duplicate": True})
    assert confirmed.status_code == 201


def test_the_schema_documents_confirm_duplicate_and_the_409(centre_staff):
    from koers.api.api import api as koers_api

    document = koers_api.get_openapi_schema(path_prefix="/api/v1")
    schemas = document["components"]["schemas"]
    assert "confirm_duplicate" in schemas["ClientIn"]["properties"]
    post = document["paths"]["/api/v1/clients"]["post"]
    ref = post["responses"][409]["content"]["application/json"]["schema"]["$ref"]
    assert "duplicate_ids" in schemas[ref.rsplit("/", 1)[1]]["properties"]
