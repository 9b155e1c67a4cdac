"""A posted form that fails on the service page is shown again as typed, the error next to its
field (status 422, never a redirect with a message on top)."""

import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from koers.mediation import models as m
from koers.trajectories.models import Contact

from .conftest import record
from .steps import _started

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fixed_day():
    """A working Monday inside every programme's rule sets, whatever day the suite runs."""
    with time_machine.travel(datetime(2026, 3, 2, 10, 0, tzinfo=ZoneInfo("Europe/Brussels"))):
        yield


def _errors_of(html: str, errors_id: str) -> str:
    """The text of one field's error list (`<ul class="errorlist" id="...">`)."""
    match = re.search(rf'<ul class="errorlist" id="{errors_id}">(.*?)</ul>', html, re.S)
    assert match, f"no error list {errors_id}"
    return match.group(1)


def _day(offset: int) -> str:
    return (timezone.localdate() + timedelta(days=offset)).strftime("%d/%m/%Y")


def test_agreement_sheet_with_a_wrong_date_keeps_every_typed_value(service, mediator, logged_in):
    record(service, mediator, present=True)
    response = logged_in(mediator).post(
        reverse("mediation_sheet_new", kwargs={"pk": service.pk}),
        {
            "made_on": "31/02/2026",
            "work_points": ["Zoektocht naar werk"],
            "a0_title": "CV herschrijven",
            "a0_what": "Twee versies voor de logistiek",
            "a0_deadline": _day(14),
            "a0_remark": "Met de bib",
            "services_remark": "Via de VDAB-werkwinkel",
        },
    )
    assert response.status_code == 422
    html = response.content.decode()
    assert "geldige datum" in _errors_of(html, "id_sheet_made_on_errors")
    for typed in ("CV herschrijven", "Twee versies voor de logistiek", "Met de bib"):
        assert f'value="{typed}"' in html
    assert 'value="Via de VDAB-werkwinkel"' in html
    assert f'value="{_day(14)}"' in html
    assert re.search(r'value="Zoektocht naar werk"[^>]*checked', html)
    assert not m.AgreementSheet.objects.filter(service=service).exists()


def test_agreement_sheet_refused_by_the_service_keeps_the_input(service, mediator, logged_in):
    # MED-05 (no next contact planned yet) is a refusal of the service, not of a field.
    record(service, mediator, present=True)
    Contact.objects.filter(trajectory=service.trajectory, first_appointment__isnull=True).delete()
    response = logged_in(mediator).post(
        reverse("mediation_sheet_new", kwargs={"pk": service.pk}),
        {"made_on": _day(0), "a0_title": "CV herschrijven", "a0_deadline": _day(14)},
    )
    assert response.status_code == 422
    html = response.content.decode()
    assert "Plan eerst een volgend contact" in html
    assert 'value="CV herschrijven"' in html


def test_training_form_with_a_wrong_date_keeps_the_input(service, mediator, logged_in):
    _started(service, mediator)
    response = logged_in(mediator).post(
        reverse("mediation_training_new", kwargs={"pk": service.pk}),
        {
            "kind": "own",
            "title": "Heftruckchauffeur",
            "code": "123456",
            "organiser": "Syntra",
            "starts_on": "32/13/2026",
            "summary": "Avondopleiding",
        },
    )
    assert response.status_code == 422
    html = response.content.decode()
    assert "geldige datum" in _errors_of(html, "id_training_starts_on_errors")
    for typed in ("Heftruckchauffeur", "123456", "Syntra", "Avondopleiding", "32/13/2026"):
        assert f'value="{typed}"' in html
    assert not service.trainings.exists()


def test_too_long_value_posted_anyway_is_refused_next_to_the_field(service, mediator, logged_in):
    _started(service, mediator)
    response = logged_in(mediator).post(
        reverse("mediation_training_new", kwargs={"pk": service.pk}),
        {"kind": "own", "title": "x" * 201, "code": "123456"},
    )
    assert response.status_code == 422
    assert "200" in _errors_of(response.content.decode(), "id_training_title_errors")
    assert not service.trainings.exists()


def test_signature_form_error_shows_on_the_posted_sheet_only(service, mediator, logged_in):
    from .steps import _present_with_sheet

    sheet = _present_with_sheet(service, mediator, signed=False)
    response = logged_in(mediator).post(
        reverse("mediation_sheet_sign", kwargs={"pk": sheet.pk}),
        {"partner_on": "99/99/9999", "participant_on": _day(0)},
    )
    assert response.status_code == 422
    html = response.content.decode()
    assert "geldige datum" in _errors_of(html, f"id_sign{sheet.pk}_partner_on_errors")
    assert 'value="99/99/9999"' in html


# Every form on the service page, with one wrong field: the page again, never a redirect. (The
# checklist has only tick boxes and free text: nothing it can be wrong about before the service.)
INVALID_POSTS = {
    "mediation_appointment_new": {"date": "31/02/2026", "start_time": "10:00", "place": "Kantoor"},
    "mediation_sheet_new": {"made_on": "nooit", "a0_title": "CV"},
    "mediation_contact_new": {"date": "31/02/2026", "start_time": "10:00", "form": "individual"},
    "mediation_month_end": {"month_end": "gisteren", "category": "52"},
    "mediation_training_new": {"kind": "own", "title": "Lassen", "code": "1", "starts_on": "x"},
    "mediation_ibo": {"employer": ""},
    "mediation_followup": {"on": "31/02/2026", "reason": "other", "projectopvolger": "Piet"},
    "mediation_advice": {"advice": "bestaat-niet", "remark": "Zie verslag"},
}
OBJECT_POSTS = {
    "mediation_appointment_outcome": {"present": "misschien", "comment": "Belde af"},
    "mediation_appointment_reschedule": {"date": "31/02/2026", "start_time": "10:00"},
    "mediation_sheet_sign": {"partner_on": "31/02/2026"},
}


@pytest.mark.parametrize("name", sorted(INVALID_POSTS))
def test_every_service_page_form_is_shown_again_on_invalid_input(
    name, service, mediator, logged_in
):
    if name == "mediation_appointment_new":
        record(service, mediator, present=False, reason="valid")  # a new first one is due
    else:
        _started(service, mediator)
    if name == "mediation_advice":
        m.MediationService.objects.filter(pk=service.pk).update(
            state=m.ServiceState.TO_CLOSE, closing_reason="max_duration"
        )
    response = logged_in(mediator).post(
        reverse(name, kwargs={"pk": service.pk}), INVALID_POSTS[name]
    )
    assert response.status_code == 422, response.get("Location")
    assert 'class="errorlist"' in response.content.decode()


@pytest.mark.parametrize("name", sorted(OBJECT_POSTS))
def test_every_form_on_a_sheet_or_appointment_is_shown_again_on_invalid_input(
    name, service, mediator, logged_in
):
    from .steps import _present_with_sheet

    target = (
        _present_with_sheet(service, mediator, signed=False)
        if name == "mediation_sheet_sign"
        else service.first_appointments.get()
    )
    response = logged_in(mediator).post(reverse(name, kwargs={"pk": target.pk}), OBJECT_POSTS[name])
    assert response.status_code == 422, response.get("Location")
    assert 'class="errorlist"' in response.content.decode()


def test_referral_pages_show_the_form_again_on_invalid_input(
    service, mediator, partner_staff, logged_in
):
    client = logged_in(mediator)
    response = client.post(
        reverse("mediation_refer"),
        {"first_name": "Nora", "last_name": "Claes", "referral_date": "31/02/2026"},
    )
    assert response.status_code == 200 and 'value="Nora"' in response.content.decode()
    assert "geldige datum" in _errors_of(response.content.decode(), "id_referral_date_errors")
    response = client.post(
        reverse("mediation_referral_edit", kwargs={"pk": service.pk}),
        {
            "tender": "TIBB4",
            "lot": "Perceel 9",
            "vdab_mediator_name": "Vera",
            "vdab_mediator_email": "x",
        },
    )
    assert response.status_code == 200 and 'value="Perceel 9"' in response.content.decode()
    assert _errors_of(response.content.decode(), "id_vdab_mediator_email_errors")


def test_vdab_close_refused_by_the_service_is_said_on_its_own_page(
    service, partner_staff, logged_in
):
    # MED-17: only a service "ter afsluiting" closes this way; the refusal stays on the page.
    response = logged_in(partner_staff).post(
        reverse("mediation_vdab_close", kwargs={"pk": service.pk}), {"confirm": "on"}
    )
    assert response.status_code == 200
    assert 'class="form-errors"' in response.content.decode()
    service.refresh_from_db()
    assert service.is_open


def test_med_01_referral_reports_a_bad_phone_in_the_same_round_as_a_bad_date(mediator, logged_in):
    response = logged_in(mediator).post(
        reverse("mediation_refer"),
        {"first_name": "Nora", "last_name": "Claes", "phone": "12", "referral_date": "nooit"},
    )
    html = response.content.decode()
    assert "geldige datum" in _errors_of(html, "id_referral_date_errors")
    assert "telefoonnummer" in _errors_of(html, "id_phone_errors")
