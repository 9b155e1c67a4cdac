"""The mediation work on the dashboards (issue 16): deadlines due soon (MED-02/03/05/14) and the
month-end categories still to enter (MED-12)."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from koers.mediation import models as m
from koers.mediation.selectors import worklist
from tests.dashboard_html import dashboard_html
from tests.mediation.conftest import at, record

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


def _referred(partner, mediator, referral, starts_at):
    from koers.mediation import services
    from koers.mediation.services import AppointmentData
    from tests.factories import ClientFactory

    return services.mediation_refer(
        client=ClientFactory(organisation=partner),
        responsible=mediator,
        organisation=partner,
        data=referral(),
        first_appointment=AppointmentData(starts_at=starts_at, place="Kantoor"),
        acting_user=mediator,
    )


def test_med_02_05_14_the_horizon_cuts_on_the_due_day_as_the_deadlines_themselves_say(
    partner, mediator, referral
):
    """`deadline_rows(until=)` cuts the kept rows on their due day (issue 14): the same rows as
    every deadline cut at its own due day, also for an appointment just before or after local
    midnight and for the rule set's days after the day present (MED-05)."""
    from koers.mediation.selectors.deadlines import deadline_rows
    from koers.mediation.selectors.lookups import services_for_user
    from koers.mediation.services.deadlines import refresh

    today = timezone.localdate()
    later = (at(-40 - n) for n in range(20))  # appointments out of the horizon, one per day
    for days_ahead, hour in ((0, 10), (3, 0), (3, 23), (4, 0), (9, 12), (15, 23), (16, 0)):
        _referred(partner, mediator, referral, at(-days_ahead, hour))
    for absent_days_ago in (2, 20, 25, 40):  # MED-03: re-plan within the rule set's target
        absent = _referred(partner, mediator, referral, at(absent_days_ago))
        record(absent, mediator, present=False, reason=m.AbsenceReason.VALID)
    for present_days_ago in (0, 5, 9, 12):
        s = _referred(partner, mediator, referral, next(later))
        m.MediationService.objects.filter(pk=s.pk).update(
            present_on=today - timedelta(days=present_days_ago)
        )
        refresh([s.pk])  # an update() passes no signal: the kept deadlines are told
    for advice_in in (-2, 7, 15, 16):
        s = _referred(partner, mediator, referral, next(later))
        m.MediationService.objects.filter(pk=s.pk).update(
            state=m.ServiceState.TO_CLOSE, advice_deadline=today + timedelta(days=advice_in)
        )
        refresh([s.pk])
    open_services = services_for_user(user=mediator)
    every = list(deadline_rows(open_services))
    assert {row[2] for row in every} == {0, 1, 2, 3}  # every kind of deadline
    for days in range(-3, 20):
        until = today + timedelta(days=days)
        assert list(deadline_rows(open_services, until=until)) == [
            row for row in every if row[0] <= until
        ], until
