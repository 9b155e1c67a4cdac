"""Art. 17 with four eyes: the administrator who asks for an erasure can never carry it out;
a second administrator confirms. Through the service, the page, the API and the database."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from koers.core.models import Client, Role
from koers.privacy.erasure import erasure_cancel, erasure_confirm, erasure_request
from koers.privacy.models import ErasureRequest
from koers.privacy.shredding import ERASED
from tests.factories import staff_user


@pytest.fixture
def second_administrator(centre):
    return staff_user(centre, Role.ADMINISTRATOR)


@pytest.fixture
def asked(client_record, administrator):
    return erasure_request(
        kind="client", subject_id=client_record.pk, acting_user=administrator, now=timezone.now()
    )


def _name(client_record) -> str:
    return Client.objects.get(pk=client_record.pk).first_name


def test_the_requesting_administrator_cannot_confirm_through_the_service(
    asked, administrator, client_record
):
    with pytest.raises(ValidationError, match="tweede beheerder"):
        erasure_confirm(request_id=asked.pk, acting_user=administrator, now=timezone.now())
    assert _name(client_record) != ERASED
    assert ErasureRequest.objects.get(pk=asked.pk).is_pending


def test_a_second_administrator_confirms_and_the_client_is_erased(
    asked, second_administrator, client_record
):
    done = erasure_confirm(
        request_id=asked.pk, acting_user=second_administrator, now=timezone.now()
    )
    assert done.confirmed_by == second_administrator and done.is_carried_out
    assert _name(client_record) == ERASED


def test_the_database_refuses_a_request_confirmed_by_the_one_who_asked(asked, administrator):
    with pytest.raises(IntegrityError), transaction.atomic():
        ErasureRequest.objects.filter(pk=asked.pk).update(
            confirmed_by=administrator, confirmed_at=timezone.now()
        )


def test_the_requesting_administrator_cannot_confirm_on_the_page(
    asked, administrator, logged_in, client_record
):
    response = logged_in(administrator).post(reverse("privacy_erasure_confirm", args=[asked.pk]))
    assert response.status_code == 422
    assert "tweede beheerder" in response.content.decode()
    assert _name(client_record) != ERASED


def test_the_page_offers_no_confirm_button_to_the_one_who_asked(asked, administrator, logged_in):
    page = logged_in(administrator).get(reverse("privacy_erasure_detail", args=[asked.pk]))
    assert reverse("privacy_erasure_confirm", args=[asked.pk]) not in page.content.decode()


def test_a_second_administrator_confirms_on_the_page(
    asked, second_administrator, logged_in, client_record
):
    response = logged_in(second_administrator).post(
        reverse("privacy_erasure_confirm", args=[asked.pk])
    )
    assert response.status_code == 302
    assert _name(client_record) == ERASED


def test_the_requesting_administrator_cannot_confirm_through_the_api(
    asked, administrator, logged_in, client_record
):
    response = logged_in(administrator).post(f"/api/v1/privacy/erasure-requests/{asked.pk}/confirm")
    assert response.status_code == 422
    assert _name(client_record) != ERASED


def test_a_second_administrator_confirms_through_the_api(
    asked, second_administrator, logged_in, client_record
):
    response = logged_in(second_administrator).post(
        f"/api/v1/privacy/erasure-requests/{asked.pk}/confirm"
    )
    assert response.status_code == 200
    assert response.json()["confirmed_by_id"] == second_administrator.pk
    assert _name(client_record) == ERASED


@pytest.mark.parametrize("role", [Role.CENTRE_STAFF, Role.COACH])
def test_other_roles_can_neither_ask_nor_confirm(role, centre, asked, client_record):
    user = staff_user(centre, role)
    with pytest.raises(ValidationError):
        erasure_request(
            kind="client", subject_id=client_record.pk, acting_user=user, now=timezone.now()
        )
    with pytest.raises(ValidationError):
        erasure_confirm(request_id=asked.pk, acting_user=user, now=timezone.now())
    assert _name(client_record) != ERASED


@pytest.mark.parametrize("role", [Role.CENTRE_STAFF, Role.COACH])
def test_other_roles_get_404_from_the_api(role, centre, asked, logged_in):
    browser = logged_in(staff_user(centre, role))
    assert browser.post(f"/api/v1/privacy/erasure-requests/{asked.pk}/confirm").status_code == 404
    assert browser.get("/api/v1/privacy/erasure-requests").status_code == 404


def test_a_withdrawn_request_can_no_longer_be_confirmed(
    asked, administrator, second_administrator, client_record
):
    erasure_cancel(request_id=asked.pk, acting_user=administrator, now=timezone.now())
    with pytest.raises(ValidationError, match="afgehandeld"):
        erasure_confirm(request_id=asked.pk, acting_user=second_administrator, now=timezone.now())
    assert _name(client_record) != ERASED


def test_a_confirmed_request_is_not_carried_out_twice(asked, second_administrator, centre):
    third = staff_user(centre, Role.ADMINISTRATOR)
    erasure_confirm(request_id=asked.pk, acting_user=second_administrator, now=timezone.now())
    with pytest.raises(ValidationError, match="afgehandeld"):
        erasure_confirm(request_id=asked.pk, acting_user=third, now=timezone.now())


def test_only_one_open_request_per_person(asked, second_administrator, client_record):
    with pytest.raises(ValidationError, match="loopt al"):
        erasure_request(
            kind="client",
            subject_id=client_record.pk,
            acting_user=second_administrator,
            now=timezone.now(),
        )
