"""selectors/service_page.py: the service page decided once, as a frozen dataclass."""

import dataclasses

import pytest
from django.utils import timezone

from koers.mediation import models as m
from koers.mediation import selectors

from .conftest import record
from .steps import _passive_three, _started

pytestmark = pytest.mark.django_db


def test_a_referred_service_page(service, mediator):
    page = selectors.service_page(mediator, service.pk, timezone.now())
    assert page.service == service and page.client == service.client
    assert page.pending is not None and not page.can_plan_first
    assert page.advice_options == []  # MED-14: only "ter afsluiting"
    assert not page.red_bar  # MED-04: not before "present"
    assert [move.to_label for move in page.state_moves] == [
        "Nieuwe service - Intensieve bemiddeling"
    ]
    with pytest.raises(dataclasses.FrozenInstanceError):
        page.red_bar = True


def test_present_shows_the_red_bar_and_the_first_sheet_countdown(service, mediator):
    record(service, mediator, present=True)
    page = selectors.service_page(mediator, service.pk, timezone.now())
    assert page.red_bar
    assert page.countdown is not None and page.countdown.reason.rule == "MED-05"
    assert page.ladder_moves[-1].to_label == "Aanwezig op de eerste afspraak"


def test_to_close_after_passive_offers_the_four_advices_with_the_citizens_texts(service, mediator):
    _started(service, mediator)
    _passive_three(service, mediator)
    page = selectors.service_page(mediator, service.pk, timezone.now())
    assert page.service.is_to_close
    assert [o.value for o in page.advice_options] == ["no_need", "need", "exhausted", "reassess"]
    value, label, text = page.advice_options[0]
    assert (value, label) == ("no_need", m.Advice.NO_NEED.label)
    assert text.startswith("Je zit op koers naar passend werk")


def test_the_page_is_read_through_the_access_rules(service, other_mediator):
    with pytest.raises(m.MediationService.DoesNotExist):
        selectors.service_page(other_mediator, service.pk, timezone.now())
