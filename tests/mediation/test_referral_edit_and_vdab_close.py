"""Editing a referral (MED-01) and closing "by VDAB" (MED-17) through the pages: who may, what changes,
and that a refusal changes nothing."""

import pytest
from django.urls import reverse

from koers.core.models import Role
from koers.mediation import models as m
from tests.factories import staff_user

from .steps import _passive_three, _started

pytestmark = pytest.mark.django_db

EDIT = {
    "tender": "SCRABA",
    "lot": "Perceel 1 – Gent",
    "vdab_mediator_name": "Wout Vandenbrande",
    "vdab_mediator_email": "wout.vandenbrande@example.be",
    "work_points": "Zoektocht naar werk\n\n  Taal  \n",
    "thresholds": "Mobiliteit",
}


def test_med_01_owner_completes_the_referral_on_its_page(service, mediator, logged_in):
    client = logged_in(mediator)
    url = reverse("mediation_referral_edit", kwargs={"pk": service.pk})
    page = client.get(url)
    assert page.status_code == 200
    assert "Perceel 3 Leuven" in page.content.decode()
    response = client.post(url, EDIT)
    assert response.status_code == 302
    service.refresh_from_db()
    assert (service.tender, service.lot) == ("SCRABA", "Perceel 1 – Gent")
    assert service.vdab_mediator_name == "Wout Vandenbrande"
    assert service.vdab_mediator_email == "wout.vandenbrande@example.be"
    assert service.work_points == ["Zoektocht naar werk", "Taal"]
    assert service.thresholds == ["Mobiliteit"]
    detail = client.get(reverse("mediation_detail", kwargs={"pk": service.pk})).content.decode()
    assert "Perceel 1 – Gent" in detail and "Toeleiding wijzigen" in detail


def test_med_01_bad_referral_edit_is_refused_and_changes_nothing(service, mediator, logged_in):
    before = m.MediationService.objects.values().get(pk=service.pk)
    response = logged_in(mediator).post(
        reverse("mediation_referral_edit", kwargs={"pk": service.pk}),
        {**EDIT, "lot": " ", "vdab_mediator_email": "geen-adres"},
    )
    assert response.status_code == 200
    assert m.MediationService.objects.values().get(pk=service.pk) == before


def test_med_01_other_mediator_cannot_edit_the_referral(service, other_mediator, logged_in):
    url = reverse("mediation_referral_edit", kwargs={"pk": service.pk})
    assert logged_in(other_mediator).post(url, EDIT).status_code == 404
    service.refresh_from_db()
    assert service.lot == "Perceel 3 Leuven"


def _to_close(service, mediator):
    _started(service, mediator)
    _passive_three(service, mediator)
    assert service.state == m.ServiceState.TO_CLOSE
    return service


def test_med_17_centre_staff_close_by_vdab_after_confirmation(
    service, mediator, partner_staff, logged_in
):
    _to_close(service, mediator)
    client = logged_in(partner_staff)
    url = reverse("mediation_vdab_close", kwargs={"pk": service.pk})
    page = client.get(url).content.decode()
    assert "Vera VDAB" in page and 'data-testid="vdab-close-form"' in page
    # Without the confirmation nothing happens.
    assert client.post(url, {}).status_code == 200
    service.refresh_from_db()
    assert service.state == m.ServiceState.TO_CLOSE
    assert client.post(url, {"confirm": "on"}).status_code == 302
    service.refresh_from_db()
    assert service.state == m.ServiceState.CLOSED
    assert service.closing_way == m.ClosingWay.VDAB
    assert service.returned_to == "vdab_mediator"
    assert service.trajectory.access_until is not None


def test_med_17_the_partner_mediator_cannot_close_by_vdab(service, mediator, logged_in):
    _to_close(service, mediator)
    client = logged_in(mediator)
    url = reverse("mediation_vdab_close", kwargs={"pk": service.pk})
    detail = client.get(reverse("mediation_detail", kwargs={"pk": service.pk})).content.decode()
    assert 'data-testid="vdab-close"' not in detail
    assert client.get(url).status_code == 404
    assert client.post(url, {"confirm": "on"}).status_code == 404
    service.refresh_from_db()
    assert service.state == m.ServiceState.TO_CLOSE


def test_med_17_administrator_sees_the_link_and_vdab_closes_only_ter_afsluiting(
    service, mediator, partner, logged_in
):
    admin = staff_user(partner, Role.ADMINISTRATOR, username="beheerder-partner")
    client = logged_in(admin)
    url = reverse("mediation_vdab_close", kwargs={"pk": service.pk})
    page = client.get(url).content.decode()
    assert "ter afsluiting" in page and 'data-testid="vdab-close-form"' not in page
    client.post(url, {"confirm": "on"})
    service.refresh_from_db()
    assert service.state == m.ServiceState.REFERRED
    _to_close(service, mediator)
    detail = client.get(reverse("mediation_detail", kwargs={"pk": service.pk})).content.decode()
    assert 'data-testid="vdab-close"' in detail
