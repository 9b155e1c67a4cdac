"""One client per national register number (issue 15): a unique index on its blind index, and a
save that slips past the service's check (two creates at once) answered in the same Dutch words
next to the field on the page, and as 409 by the API."""

import re
from threading import Thread

import pytest
from django.db import IntegrityError, connection, transaction
from django.urls import reverse

from koers.core import services
from koers.core.data import ClientData
from koers.core.models import Client
from koers.core.national_numbers import NationalNumberTaken
from tests.api.conftest import Api
from tests.factories import ClientFactory

pytestmark = pytest.mark.django_db

NN = "85073003328"
NN_TEXT = "85.07.30-033.28"
TAKEN = "Er bestaat al een cliënt met dit rijksregisternummer."


def _with_number(organisation, digits: str = NN, **kwargs) -> Client:
    client = ClientFactory(organisation=organisation, **kwargs)
    client.set_national_number(digits)
    client.save()
    return client


def _field_errors(html: str, field: str) -> str:
    match = re.search(rf'<ul class="errorlist" id="id_{field}_errors">(.*?)</ul>', html, re.S)
    return match.group(1) if match else ""


def test_the_database_refuses_a_second_client_with_the_same_national_number(centre, other_centre):
    _with_number(centre)
    with pytest.raises(IntegrityError), transaction.atomic():
        _with_number(other_centre)
    assert Client.objects.exclude(national_number_index="").count() == 1


def test_clients_without_a_national_number_are_not_limited_by_the_index(centre):
    ClientFactory.create_batch(3, organisation=centre)
    assert Client.objects.filter(national_number_index="").count() == 3


def test_a_create_that_slipped_past_the_check_is_refused_in_dutch_and_the_transaction_lives(
    centre, centre_staff, monkeypatch
):
    _with_number(centre)
    # As if the other create committed between our check and our insert.
    monkeypatch.setattr(services, "check_national_number_unique", lambda *a, **k: None)
    data = ClientData(first_name="Ann", last_name="Peeters", national_number=NN)
    with transaction.atomic():
        with pytest.raises(NationalNumberTaken) as refused:
            services.client_create(organisation=centre, data=data, acting_user=centre_staff)
        assert Client.objects.count() == 1  # still usable: the savepoint was rolled back
    assert refused.value.message_dict == {"national_number": [TAKEN]}


def test_an_update_that_slipped_past_the_check_is_refused_in_dutch(
    centre, centre_staff, monkeypatch
):
    _with_number(centre)
    other = ClientFactory(organisation=centre)
    monkeypatch.setattr(services, "check_national_number_unique", lambda *a, **k: None)
    data = ClientData(first_name=other.first_name, last_name=other.last_name, national_number=NN)
    with pytest.raises(NationalNumberTaken):
        services.client_update(client=other, data=data, acting_user=centre_staff)
    other.refresh_from_db()
    assert not other.has_national_number


def test_the_new_client_page_shows_the_dutch_error_next_to_the_number_and_keeps_the_input(
    logged_in, centre, centre_staff
):
    _with_number(centre, first_name="Els", last_name="Janssens")
    response = logged_in(centre_staff).post(
        reverse("client_create"),
        {
            "first_name": "Ann",
            "last_name": "Peeters",
            "national_number": NN_TEXT,
            "preferred_language": "nl",
            "not_a_duplicate": "on",  # past the "mogelijk dubbel" step: the save refuses
        },
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert TAKEN in _field_errors(html, "national_number")
    assert f'value="{NN_TEXT}"' in html and 'value="Peeters"' in html
    assert Client.objects.count() == 1


def test_the_edit_page_shows_the_dutch_error_next_to_the_number_and_keeps_the_input(
    logged_in, centre, centre_staff
):
    _with_number(centre)
    other = ClientFactory(organisation=centre, first_name="Ann", last_name="Peeters")
    response = logged_in(centre_staff).post(
        reverse("client_update", args=[other.pk]),
        {
            "first_name": "Ann",
            "last_name": "Peeters",
            "national_number": NN_TEXT,
            "preferred_language": "nl",
            "version": other.version,
        },
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert TAKEN in _field_errors(html, "national_number")
    assert f'value="{NN_TEXT}"' in html
    other.refresh_from_db()
    assert not other.has_national_number


def test_the_api_create_answers_409_with_a_dutch_detail(centre, centre_staff):
    _with_number(centre)
    response = Api(centre_staff).post(
        "/clients", {"first_name": "Ann", "last_name": "Peeters", "national_number": NN}
    )
    assert response.status_code == 409
    body = response.json()
    assert body["detail"] == TAKEN
    assert body["errors"] == [{"field": "national_number", "message": TAKEN}]
    assert Client.objects.count() == 1


def test_the_api_update_answers_409_with_a_dutch_detail(centre, centre_staff):
    _with_number(centre)
    other = ClientFactory(organisation=centre)
    response = Api(centre_staff).patch(f"/clients/{other.pk}", {"national_number": NN_TEXT})
    assert response.status_code == 409
    assert response.json()["detail"] == TAKEN


def test_the_api_documents_the_409(centre_staff):
    from koers.api.api import api as koers_api

    paths = koers_api.get_openapi_schema(path_prefix="/api/v1")["paths"]
    assert 409 in paths["/api/v1/clients"]["post"]["responses"]
    assert 409 in paths["/api/v1/clients/{client_id}"]["patch"]["responses"]


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs parallel transactions")
def test_two_parallel_creates_with_the_same_national_number_make_one_client(centre_staff):
    from koers.core.services import api_token_create

    _token, secret = api_token_create(user=centre_staff, name="parallel")
    answers = []

    def post(first_name: str):
        body = {"first_name": first_name, "last_name": "Peeters", "national_number": NN}
        answers.append(Api(token=secret).post("/clients", body).status_code)
        connection.close()

    threads = [Thread(target=post, args=(name,)) for name in ("Ann", "Anna")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(answers) == [201, 409]
    assert Client.objects.filter(last_name="Peeters").count() == 1


def test_two_creates_one_after_the_other_with_the_same_number_make_one_client(centre, centre_staff):
    """The same race on SQLite, where writers queue: the second sees the first and is refused."""
    api = Api(centre_staff)
    body = {"first_name": "Ann", "last_name": "Peeters", "national_number": NN}
    answers = [api.post("/clients", {**body, "first_name": name}) for name in ("Ann", "Anna")]
    assert [a.status_code for a in answers] == [201, 409]
    assert Client.objects.filter(last_name="Peeters").count() == 1
