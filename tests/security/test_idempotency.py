"""Issue 15, double submit: the same new-client form sent twice (or an API create retried with
the same Idempotency-Key) makes one client; a form about a person the user may already see
stops at "mogelijk dubbel" until the user chooses to go on."""

from datetime import date
from threading import Thread

import pytest
from django.db import connection
from django.urls import reverse

from koers.core.models import Client
from koers.idempotency.models import IdempotentRequest
from koers.idempotency.services import KeyReused, run_once
from tests.api.conftest import Api
from tests.factories import ClientFactory

pytestmark = pytest.mark.django_db

NEW = {
    "first_name": "Bart",
    "last_name": "Claes",
    "birth_date": "14/02/1990",
    "preferred_language": "nl",
    "idempotency_key": "form-1",
}


def _create(http, **changes):
    return http.post(reverse("client_create"), {**NEW, **changes})


def test_the_same_form_sent_twice_makes_one_client_and_opens_it(logged_in, centre_staff):
    http = logged_in(centre_staff)
    first = _create(http)
    second = _create(http)
    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"]
    assert Client.objects.filter(last_name="Claes").count() == 1


def test_a_form_refused_for_its_input_leaves_the_key_free(logged_in, centre_staff):
    http = logged_in(centre_staff)
    assert _create(http, first_name="").status_code == 200
    assert _create(http).status_code == 302
    assert Client.objects.filter(last_name="Claes").count() == 1


def test_a_visible_client_with_the_same_name_and_birth_date_stops_at_mogelijk_dubbel(
    logged_in, centre, centre_staff
):
    existing = ClientFactory(
        organisation=centre, first_name="Bart", last_name="Claes", birth_date=date(1990, 2, 14)
    )
    response = _create(logged_in(centre_staff))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Mogelijk dubbel" in page
    assert reverse("client_detail", args=[existing.pk]) in page
    assert 'value="Claes"' in page  # the input is kept
    assert Client.objects.filter(last_name="Claes").count() == 1


def test_ticking_another_person_makes_the_new_client_anyway(logged_in, centre, centre_staff):
    ClientFactory(
        organisation=centre, first_name="Bart", last_name="Claes", birth_date=date(1990, 2, 14)
    )
    response = _create(logged_in(centre_staff), not_a_duplicate="on")
    assert response.status_code == 302
    assert Client.objects.filter(last_name="Claes").count() == 2


def test_a_namesake_the_user_may_not_see_is_not_revealed(logged_in, other_centre, centre_staff):
    ClientFactory(
        organisation=other_centre,
        first_name="Bart",
        last_name="Claes",
        birth_date=date(1990, 2, 14),
    )
    response = _create(logged_in(centre_staff))
    assert response.status_code == 302
    assert "Mogelijk dubbel" not in response.content.decode()


def test_api_create_repeated_with_its_key_answers_the_first_client(centre_staff):
    api = Api(centre_staff)
    api.headers["Idempotency-Key"] = "retry-after-timeout"
    body = {"first_name": "Bart", "last_name": "Claes"}
    first, second = api.post("/clients", body), api.post("/clients", body)
    assert first.status_code == second.status_code == 201
    assert first.json()["id"] == second.json()["id"]
    assert Client.objects.filter(last_name="Claes").count() == 1


def test_api_key_reused_with_another_body_is_422(centre_staff):
    api = Api(centre_staff)
    api.headers["Idempotency-Key"] = "one-key"
    assert api.post("/clients", {"first_name": "Bart", "last_name": "Claes"}).status_code == 201
    other = api.post("/clients", {"first_name": "Els", "last_name": "Claes"})
    assert other.status_code == 422
    assert other.json()["errors"][0]["field"] == "Idempotency-Key"
    assert Client.objects.filter(last_name="Claes").count() == 1


def test_keys_are_per_user(centre_staff, administrator):
    body = {"first_name": "Bart", "last_name": "Claes"}
    for user in (centre_staff, administrator):
        api = Api(user)
        api.headers["Idempotency-Key"] = "same-key"
        assert api.post("/clients", body).status_code == 201
    assert IdempotentRequest.objects.count() == 2


def test_a_repeat_with_another_body_is_refused_by_the_service(centre_staff):
    run_once(user=centre_staff, scope="t", key="k", action=lambda: (1, 201), body_hash="a")
    with pytest.raises(KeyReused):
        run_once(user=centre_staff, scope="t", key="k", action=lambda: (2, 201), body_hash="b")


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs parallel transactions")
def test_two_parallel_api_creates_with_one_key_make_one_client(centre_staff):
    from koers.core.services import api_token_create

    _token, secret = api_token_create(user=centre_staff, name="parallel")
    answers = []

    def post():
        api = Api(token=secret)
        api.headers["Idempotency-Key"] = "parallel"
        answers.append(api.post("/clients", {"first_name": "Bart", "last_name": "Claes"}))
        connection.close()

    threads = [Thread(target=post) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert [a.status_code for a in answers] == [201, 201]
    assert Client.objects.filter(last_name="Claes").count() == 1
