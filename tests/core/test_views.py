"""The core's staff pages: a client's details, organisations and staff: roles, access, bad input."""

import pytest
from django.urls import reverse

from koers.core.models import Organisation, Role, User
from tests.core.client_form_data import VALID_NN, client_post
from tests.factories import staff_user

pytestmark = pytest.mark.django_db


def test_client_update(logged_in, coach, client_record, trajectory):
    response = logged_in(coach).post(
        reverse("client_update", args=[client_record.pk]),
        client_post(first_name="Anna", last_name="Peeters"),
    )
    assert response.status_code == 302
    client_record.refresh_from_db()
    assert client_record.first_name == "Anna"


def test_client_update_rejects_bad_phone_and_keeps_data(
    logged_in, coach, client_record, trajectory
):
    response = logged_in(coach).post(
        reverse("client_update", args=[client_record.pk]), client_post(phone="abc")
    )
    assert "geen geldig telefoonnummer" in response.content.decode()
    client_record.refresh_from_db()
    assert client_record.first_name == "Ann"


def test_coach_cannot_change_a_national_number_they_may_not_see(
    logged_in, coach, client_record, trajectory
):
    client_record.set_national_number(VALID_NN)
    client_record.save()
    web = logged_in(coach)
    form = web.get(reverse("client_update", args=[client_record.pk])).content.decode()
    assert VALID_NN not in form and "85.07.30" not in form
    web.post(reverse("client_update", args=[client_record.pk]), client_post())
    client_record.refresh_from_db()
    assert client_record.national_number() == VALID_NN


def test_organisation_pages_for_centre_staff(logged_in, centre_staff, centre):
    web = logged_in(centre_staff)
    assert web.get(reverse("organisation_list")).status_code == 200
    assert web.get(reverse("organisation_detail", args=[centre.pk])).status_code == 200
    response = web.post(
        reverse("organisation_create"),
        {
            "name": "Werkplaats De Brug",
            "kind": "social_economy",
            "enterprise_number": "0403.170.701",
        },
    )
    assert response.status_code == 302
    assert Organisation.objects.filter(name="Werkplaats De Brug").exists()


def test_organisation_create_rejects_bad_enterprise_number(logged_in, centre_staff):
    response = logged_in(centre_staff).post(
        reverse("organisation_create"),
        {"name": "Fout BV", "kind": "employer", "enterprise_number": "0123.456.789"},
    )
    assert "geen geldig ondernemingsnummer" in response.content.decode()
    assert not Organisation.objects.filter(name="Fout BV").exists()


@pytest.mark.parametrize(
    "name", ["organisation_list", "organisation_create", "staff_list", "staff_create"]
)
def test_management_pages_are_closed_to_coaches(name, logged_in, coach):
    assert logged_in(coach).get(reverse(name)).status_code == 403


def test_staff_create(logged_in, centre_staff, centre):
    web = logged_in(centre_staff)
    assert web.get(reverse("staff_list")).status_code == 200
    response = web.post(
        reverse("staff_create"),
        {
            "first_name": "Nele",
            "last_name": "Coppens",
            "username": "nele",
            "email": "nele@example.org",
            "organisation": centre.pk,
            "roles": ["coach"],
        },
    )
    assert response.status_code == 302
    assert User.objects.get(username="nele").roles == {"coach"}


def test_staff_create_requires_a_role(logged_in, centre_staff, centre):
    response = logged_in(centre_staff).post(
        reverse("staff_create"),
        {
            "first_name": "Nele",
            "last_name": "Coppens",
            "username": "nele",
            "organisation": centre.pk,
        },
    )
    assert "Kies minstens één geldige rol" in response.content.decode()
    assert not User.objects.filter(username="nele").exists()


def test_dates_are_shown_and_read_as_dd_mm_yyyy(logged_in, coach, client_record, trajectory):
    body = logged_in(coach).get(reverse("client_update", args=[client_record.pk])).content
    assert b'value="30/07/1985"' in body


@pytest.mark.django_db
def test_location_is_added_with_a_valid_postal_code_only(centre, centre_staff, logged_in):
    from django.urls import reverse

    web = logged_in(centre_staff)
    url = reverse("organisation_detail", args=[centre.pk])
    bad = web.post(url, {"name": "Antenne Aalst", "postal_code": "93", "city": "Aalst"})
    assert "vier cijfers" in bad.content.decode()
    assert not centre.locations.exists()
    web.post(
        url,
        {
            "name": "Antenne Aalst",
            "street": "Stationsstraat 1",
            "postal_code": "9300",
            "city": "Aalst",
        },
    )
    assert centre.locations.get().postal_code == "9300"
    assert centre.locations.get().history.first().history_user == centre_staff


@pytest.mark.django_db
def test_staff_of_another_organisation_are_not_listed_nor_editable(centre, other_centre, logged_in):
    from django.urls import reverse

    staff_user(other_centre, Role.COACH, username="someone-elsewhere")
    outsider = staff_user(centre, Role.CENTRE_STAFF)
    web = logged_in(outsider)
    page = web.get(reverse("organisation_detail", args=[other_centre.pk])).content.decode()
    assert "someone-elsewhere" not in page
    response = web.post(
        reverse("organisation_detail", args=[other_centre.pk]),
        {"name": "X", "postal_code": "9000", "city": "Gent"},
    )
    assert response.status_code == 403
    assert not other_centre.locations.exists()
