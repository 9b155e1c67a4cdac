"""Every mediation URL with an id: the owner 200 (405 for POST-only on GET), another mediator 404,
staff of another organisation 404 — and the partner loses them all when access ends (MED-15)."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.urls import get_resolver, reverse
from django.utils import timezone

from koers.core.models import Role
from koers.mediation import jobs, services
from tests.dashboard_html import dashboard_html
from tests.factories import staff_user
from tests.test_url_access import _named_patterns

from .steps import _present_with_sheet, _started

OBJECT_FOR_URL = {
    "mediation_detail": "service",
    "mediation_referral_edit": "service",
    "mediation_vdab_close": "service",
    "mediation_appointment_new": "service",
    "mediation_sheet_new": "service",
    "mediation_start": "service",
    "mediation_contact_new": "service",
    "mediation_month_end": "service",
    "mediation_training_new": "service",
    "mediation_checklist": "service",
    "mediation_ibo": "service",
    "mediation_followup": "service",
    "mediation_advice": "service",
    "mediation_appointment_outcome": "appointment",
    "mediation_appointment_reschedule": "appointment",
    "mediation_appointment_invite": "appointment",
    "mediation_sheet_sign": "sheet",
    "mediation_sheet_pdf": "sheet",
    "mediation_training_cancel": "training",
    "mediation_training_progress": "training",
}
GET_PAGES = {
    "mediation_detail",
    "mediation_referral_edit",
    "mediation_vdab_close",
    "mediation_start",  # the confirmation page (issue 16); the POST with it starts
}
# Pages for centre staff and administrators only: there the "owner" is the partner's centre staff,
# and the service's own mediator gets 404 (tests/mediation/test_referral_edit_and_vdab_close.py).
STAFF_ONLY = {"mediation_vdab_close"}


# Ids of an organisation, not of a service: walked in tests/mediation/test_med_12_settings.py.
ORGANISATION_URLS = {"mediation_settings"}


def test_every_mediation_url_with_an_id_is_walked():
    names = {
        name
        for name, route in _named_patterns(get_resolver())
        if name.startswith("mediation_") and re.search(r"<(int:)?\w+>", route)
    }
    assert names == set(OBJECT_FOR_URL) | ORGANISATION_URLS


@pytest.fixture
def objects(service, mediator):
    _started(service, mediator)
    training = services.training_register(
        service=service,
        data=services.TrainingData(kind="own", title="BVS", code="953030", is_bvs=True),
        acting_user=mediator,
    )
    return {
        "service": service,
        "appointment": service.first_appointments.get(),
        "sheet": service.sheets.get(),
        "training": training,
    }


def _url(name, objects):
    return reverse(name, kwargs={"pk": objects[OBJECT_FOR_URL[name]].pk})


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(OBJECT_FOR_URL))
def test_owner_can_open(name, objects, mediator, partner_staff, logged_in):
    owner = partner_staff if name in STAFF_ONLY else mediator
    response = logged_in(owner).get(_url(name, objects))
    assert response.status_code == (200 if name in GET_PAGES else 405)


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(OBJECT_FOR_URL))
def test_other_mediator_gets_404(name, objects, other_mediator, logged_in):
    client = logged_in(other_mediator)
    url = _url(name, objects)
    assert client.get(url).status_code == (404 if name in GET_PAGES else 405)
    assert client.post(url, {}).status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(OBJECT_FOR_URL))
def test_staff_of_another_organisation_get_404(name, objects, other_partner, logged_in):
    client = logged_in(staff_user(other_partner, Role.CENTRE_STAFF))
    url = _url(name, objects)
    assert client.get(url).status_code == (404 if name in GET_PAGES else 405)
    assert client.post(url, {}).status_code == 404


@pytest.mark.django_db
def test_partner_staff_see_their_services(objects, partner_staff, logged_in):
    assert logged_in(partner_staff).get(_url("mediation_detail", objects)).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(OBJECT_FOR_URL))
def test_med_15_partner_requests_refused_from_the_access_loss_moment(
    name, service, mediator, logged_in
):
    _started(service, mediator, months_ago_days=370)
    training = services.training_register(
        service=service,
        data=services.TrainingData(kind="own", title="BVS", code="953030", is_bvs=True),
        acting_user=mediator,
    )
    objects = {
        "service": service,
        "appointment": service.first_appointments.get(),
        "sheet": service.sheets.get(),
        "training": training,
    }
    jobs.mediation_closing_signal(timezone.now())
    services.advice_give(
        service=service,
        option="need",
        remark="",
        mail=False,
        printed=True,
        acting_user=mediator,
        now=timezone.now(),
    )
    service.trajectory.refresh_from_db()
    until = service.trajectory.access_until
    client = logged_in(mediator)
    url = _url(name, objects)
    if name in GET_PAGES and name not in STAFF_ONLY:
        assert client.get(url).status_code == 200  # still today
    with time_machine.travel(until + timedelta(seconds=1)):
        client.force_login(mediator)
        assert client.post(url, {}).status_code == 404
        if name in GET_PAGES:
            assert client.get(url).status_code == 404


@pytest.mark.django_db
def test_med_03_stop_refuses_the_partner_at_once(service, mediator, logged_in):
    client = logged_in(mediator)
    url = reverse("mediation_detail", kwargs={"pk": service.pk})
    assert client.get(url).status_code == 200
    from .conftest import plan, record, send_registered_letter

    record(service, mediator, present=False, reason="invalid")
    send_registered_letter(plan(service, mediator, 100))
    record(service, mediator, present=False, reason="invalid")
    assert client.get(url).status_code == 404
    _ = _present_with_sheet


@pytest.mark.django_db
def test_med_15_dashboard_and_calendar_feed_drop_a_service_once_access_ended(
    service, mediator, partner_staff, logged_in
):
    """The dashboard `/` and the `.ics` feed start from `visible_to` like every other page."""
    from koers.intake.services import calendar_feed_token
    from koers.trajectories.models import ContactOutcome, Trajectory, TrajectoryStatus
    from tests.factories import AssignmentFactory, ContactFactory

    trajectory = service.trajectory
    ContactFactory(
        trajectory=trajectory,
        staff=mediator,
        outcome=ContactOutcome.PLANNED,
        starts_at=timezone.now() + timedelta(days=1),
    )
    AssignmentFactory(
        trajectory=trajectory,
        created_by=mediator,
        title="Vacatures zoeken",
        deadline=timezone.localdate() - timedelta(days=3),
    )
    web = logged_in(mediator)
    feed = reverse("intake_calendar_feed", args=[calendar_feed_token(user=mediator)])

    def seen() -> tuple[bool, bool, bool]:
        page = dashboard_html(web)
        return (
            "Nora Claes" in page,
            "Vacatures zoeken" in page,
            "Nora" in web.get(feed).content.decode(),
        )

    assert seen() == (True, True, True)
    staff_page = dashboard_html(logged_in(partner_staff))
    assert "Nora Claes" in staff_page
    Trajectory.objects.filter(pk=trajectory.pk).update(
        status=TrajectoryStatus.CLOSED, access_until=timezone.now() - timedelta(seconds=1)
    )
    web.force_login(mediator)
    assert seen() == (False, False, False)
    staff_page = dashboard_html(logged_in(partner_staff))
    assert "Nora Claes" not in staff_page
