"""The mediation work on the dashboards (issue 16): deadlines due soon (MED-02/03/05/14) and the
month-end categories still to enter (MED-12)."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from koers.mediation import models as m
from koers.mediation.selectors import worklist
from tests.dashboard_html import dashboard_html

pytestmark = pytest.mark.django_db


def test_med_02_a_first_appointment_to_record_is_due_for_its_mediator(service, mediator):
    deadlines, count = worklist.deadlines_soon(mediator, timezone.localdate(), 5)
    assert count == 1
    assert (deadlines[0].service, deadlines[0].rule) == (service, "MED-02")


def test_med_02_another_partner_sees_none_of_its_deadlines(service, other_partner):
    from koers.core.models import Role
    from tests.factories import staff_user

    elsewhere = staff_user(other_partner, Role.MEDIATOR, username="elders")
    assert worklist.deadlines_soon(elsewhere, timezone.localdate(), 5) == ([], 0)


def _mediating(service, started: date):
    m.MediationService.objects.filter(pk=service.pk).update(
        state=m.ServiceState.MEDIATING, mediation_started_on=started
    )


def test_med_12_a_service_in_mediation_needs_last_months_category(service, mediator):
    today = timezone.localdate()
    _mediating(service, today - timedelta(days=90))
    assert list(worklist.month_ends_missing(mediator, today)) == [service]
    m.MonthEndCategory.objects.create(
        service=service, month_end=worklist.last_month_end(today), category="50", passive=False
    )
    assert list(worklist.month_ends_missing(mediator, today)) == []


def test_med_12_a_service_started_this_month_needs_no_category_yet(service, mediator):
    today = timezone.localdate()
    _mediating(service, today.replace(day=1))
    assert list(worklist.month_ends_missing(mediator, today)) == []


def test_the_mediators_dashboard_links_each_deadline_to_the_service(service, mediator, logged_in):
    html = dashboard_html(logged_in(mediator))
    assert 'data-testid="work-bemiddeling"' in html
    assert reverse("mediation_detail", args=[service.pk]) in html
