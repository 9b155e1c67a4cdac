"""The national number: its uniqueness check names another client only where the user may see
that client, and who may not read the number may not set or clear it (page and API)."""

import pytest
from django.urls import reverse

from koers.core.imports import ImportKind, run_import
from koers.core.models import Client, Role
from tests.api.conftest import Api
from tests.factories import ClientFactory, TrajectoryFactory, staff_user

pytestmark = pytest.mark.django_db

NN = "85073003328"
NN_TEXT = "85.07.30-033.28"
TAKEN = "Er bestaat al een cliënt met dit rijksregisternummer."
NEUTRAL = "Dit rijksregisternummer kan niet bewaard worden. Vraag een centrummedewerker om het na te kijken."


def _client_with_number(organisation, **kwargs):
    client = ClientFactory(organisation=organisation, **kwargs)
    client.set_national_number(NN)
    client.save()
    return client


def _api_messages(response) -> list[str]:
    return [e["message"] for e in response.json()["errors"] if e["field"] == "national_number"]


def test_a_coach_of_another_organisation_is_not_told_the_person_is_a_client_there(
    logged_in, coach, other_centre
):
    """Issue 10: "Er bestaat al een cliënt met dit rijksregisternummer" told a coach that the
    person was a client of another organisation."""
    _client_with_number(other_centre, first_name="Geheim", last_name="Elders")
    response = logged_in(coach).post(
        reverse("client_create"),
        {
            "first_name": "Ann",
            "last_name": "Peeters",
            "national_number": NN_TEXT,
            "preferred_language": "nl",
            "programme": "voucher",
        },
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert TAKEN not in page and "Geheim" not in page and other_centre.name not in page
    assert NEUTRAL in page
    assert Client.objects.count() == 1


def test_the_api_refuses_in_the_same_neutral_words(coach, other_centre):
    _client_with_number(other_centre)
    response = Api(coach).post(
        "/clients",
        {
            "first_name": "Ann",
            "last_name": "Peeters",
            "programme": "voucher",
            "national_number": NN,
        },
    )
    assert response.status_code == 409  # a conflict, in words that name no one
    assert _api_messages(response) == [NEUTRAL]
    assert Client.objects.count() == 1


def test_centre_staff_who_see_the_client_are_told_it_exists(centre, centre_staff, logged_in):
    _client_with_number(centre)
    response = Api(centre_staff).post(
        "/clients", {"first_name": "Ann", "last_name": "Peeters", "national_number": NN}
    )
    assert _api_messages(response) == [TAKEN]


def test_a_coach_who_guides_the_client_is_told_it_exists(trajectory, coach):
    client = trajectory.client
    client.set_national_number(NN)
    client.save()
    response = Api(coach).post(
        "/clients",
        {
            "first_name": "Ann",
            "last_name": "Peeters",
            "programme": "voucher",
            "national_number": NN,
        },
    )
    assert _api_messages(response) == [TAKEN]


def test_centre_staff_of_another_centre_learn_nothing_on_update_either(centre, other_centre):
    _client_with_number(centre)
    elsewhere = staff_user(other_centre, Role.CENTRE_STAFF)
    mine = ClientFactory(organisation=other_centre)
    response = Api(elsewhere).patch(f"/clients/{mine.pk}", {"national_number": NN_TEXT})
    assert response.status_code == 409  # a conflict, in words that name no one
    assert _api_messages(response) == [NEUTRAL]
    mine.refresh_from_db()
    assert not mine.has_national_number


def test_the_import_refuses_in_neutral_words_for_a_client_the_importer_cannot_see(
    centre, other_centre, centre_staff
):
    _client_with_number(other_centre)
    content = f"voornaam;achternaam;rijksregisternummer\nAnn;Peeters;{NN_TEXT}\n".encode()
    result = run_import(
        kind=ImportKind.CLIENTS, content=content, user=centre_staff, organisation=centre
    )
    assert [e.message for e in result.errors] == [NEUTRAL]


def test_the_import_names_a_clash_with_a_client_the_importer_sees(centre, centre_staff):
    _client_with_number(centre)
    content = f"voornaam;achternaam;rijksregisternummer\nAnn;Peeters;{NN_TEXT}\n".encode()
    result = run_import(
        kind=ImportKind.CLIENTS, content=content, user=centre_staff, organisation=centre
    )
    assert [e.message for e in result.errors] == [TAKEN]


@pytest.mark.parametrize("value", [NN_TEXT, None, ""])
def test_a_coach_cannot_set_or_clear_the_national_number_through_the_api(trajectory, value):
    """Issue 10: the page hides the field from roles without `view_national_number`; the API
    obeys the same permission."""
    client = trajectory.client
    if value != NN_TEXT:
        client.set_national_number(NN)
        client.save()
    response = Api(trajectory.responsible).patch(
        f"/clients/{client.pk}", {"national_number": value, "city": "Gent"}
    )
    assert response.status_code == 422
    assert _api_messages(response) == [
        "Met uw rol kunt u het rijksregisternummer niet instellen of wissen."
    ]
    client.refresh_from_db()
    assert client.city == ""
    assert client.national_number() == ("" if value == NN_TEXT else NN)


def test_a_coach_may_send_the_masked_number_back_unchanged(trajectory):
    client = trajectory.client
    client.set_national_number(NN)
    client.save()
    api = Api(trajectory.responsible)
    body = api.get(f"/clients/{client.pk}").json()
    response = api.patch(
        f"/clients/{client.pk}", {"national_number": body["national_number"], "city": "Gent"}
    )
    assert response.status_code == 200, response.json()
    client.refresh_from_db()
    assert client.city == "Gent" and client.national_number() == NN


def test_centre_staff_set_and_clear_the_national_number_through_the_api(centre, centre_staff):
    client = TrajectoryFactory(client__organisation=centre).client
    api = Api(centre_staff)
    assert api.patch(f"/clients/{client.pk}", {"national_number": NN_TEXT}).status_code == 200
    client.refresh_from_db()
    assert client.national_number() == NN
    assert api.patch(f"/clients/{client.pk}", {"national_number": None}).status_code == 200
    client.refresh_from_db()
    assert not client.has_national_number
