"""Issue 16, MED-06: "Start bemiddelingsproces" starts the clock of MED-12/13, so a confirmation
page says the dates it gives first; a POST without that confirmation starts nothing."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse

from koers.mediation import models as m

from .conftest import confirm_settings
from .steps import _present_with_sheet

pytestmark = pytest.mark.django_db

A_DAY = datetime(2026, 12, 2, 10, 0, tzinfo=ZoneInfo("Europe/Brussels"))


def _url(service):
    return reverse("mediation_start", kwargs={"pk": service.pk})


def test_med_06_confirmation_page_states_the_start_and_the_dates_the_clock_gives(
    service, mediator, partner, logged_in
):
    with time_machine.travel(A_DAY, tick=False):
        _present_with_sheet(service, mediator)
        confirm_settings(partner, maximum_months=12)
        html = logged_in(mediator).get(_url(service)).content.decode()
    assert "De bemiddeling start vandaag, 02/12/2026." in html
    assert "02/06/2027 (na 6 maanden bemiddeling)" in html  # TIBB4: at the earliest (MED-12)
    assert "02/12/2027 (maximale duur van 12 maanden)" in html
    assert "De bemiddeling eindigt uiterlijk op 02/12/2027" in html
    assert 'data-testid="start-confirm-form"' in html


def test_med_06_confirmation_page_warns_when_the_maximum_is_not_confirmed(
    service, mediator, logged_in
):
    m.TenderSetting.objects.filter(tender=service.tender).update(confirmed_at=None)
    with time_machine.travel(A_DAY, tick=False):
        _present_with_sheet(service, mediator)
        html = logged_in(mediator).get(_url(service)).content.decode()
    assert "nog niet bevestigd door de beheerder van de partner" in html


def test_med_06_post_without_the_confirmation_does_not_start_the_clock(
    service, mediator, logged_in
):
    with time_machine.travel(A_DAY, tick=False):
        _present_with_sheet(service, mediator)
        response = logged_in(mediator).post(_url(service))
    assert response.status_code == 200
    assert 'data-testid="start-confirm"' in response.content.decode()
    service.refresh_from_db()
    assert service.mediation_started_on is None
    assert service.state != m.ServiceState.MEDIATING


def test_med_06_post_with_the_confirmation_starts_today(service, mediator, logged_in):
    with time_machine.travel(A_DAY, tick=False):
        _present_with_sheet(service, mediator)
        response = logged_in(mediator).post(_url(service), {"confirmed": "1"})
    assert response.status_code == 302
    service.refresh_from_db()
    assert service.mediation_started_on == A_DAY.date()


def test_med_06_confirmation_page_says_why_it_cannot_start_yet(service, mediator, logged_in):
    html = logged_in(mediator).get(_url(service)).content.decode()
    assert "Je kan de bemiddeling nog niet starten" in html
    assert 'data-testid="start-confirm-form"' not in html


def test_med_06_service_page_button_opens_the_confirmation_without_javascript(
    service, mediator, logged_in
):
    _present_with_sheet(service, mediator)
    html = logged_in(mediator).get(reverse("mediation_detail", kwargs={"pk": service.pk}))
    html = html.content.decode()
    assert f'<form method="get" action="{_url(service)}">' in html


def test_med_06_confirmation_page_is_a_404_for_another_mediator(
    service, mediator, other_partner, logged_in
):
    from koers.core.models import Role
    from tests.factories import staff_user

    stranger = staff_user(other_partner, Role.MEDIATOR, username="vreemde-bemiddelaar")
    assert logged_in(stranger).get(_url(service)).status_code == 404
