"""The mediation actions of the service page through the API: the invitation letter with
attachments (MED-02), closing by VDAB (MED-17), the closable date as a field (MED-12/13), and the
OpenAPI shape of the MED-09 contact."""

import io
from datetime import date, timedelta

import pytest
from django.utils import timezone
from pypdf import PdfWriter

from koers.core.models import Role
from koers.mediation import models as m
from koers.mediation.rules.closing import MonthEnd, add_months, closing_due
from koers.mediation.rules.ruleset import ruleset_for
from koers.trajectories.models import Document, DocumentKind
from tests.api.conftest import Api
from tests.factories import staff_user
from tests.mediation import conftest as mediation_fixtures
from tests.mediation.conftest import at
from tests.mediation.steps import _started
from tests.mediation.test_referral_edit_and_vdab_close import _to_close

pytestmark = pytest.mark.django_db

partner = mediation_fixtures.partner
other_partner = mediation_fixtures.other_partner
mediator = mediation_fixtures.mediator
other_mediator = mediation_fixtures.other_mediator
partner_staff = mediation_fixtures.partner_staff
referral = mediation_fixtures.referral
service = mediation_fixtures.service


def _pdf(pages: int) -> bytes:
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _upload(api: Api, path: str, files: list[tuple[str, bytes]]):
    from django.core.files.uploadedfile import SimpleUploadedFile

    data = {
        "attachments": [SimpleUploadedFile(n, c, content_type="application/pdf") for n, c in files]
    }
    return api.upload(path, data)


def _msg(response) -> str:
    return " ".join(e["message"] for e in response.json()["errors"])


# ---- MED-02: the invitation letter -------------------------------------------------------------


def test_med_02_invitation_letter_with_attachments_via_api(service, mediator):
    appointment = service.first_appointments.get()
    response = _upload(
        Api(mediator),
        f"/mediation/appointments/{appointment.pk}/invitation",
        [("cv-tips.pdf", _pdf(3))],
    )
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["kind"] == DocumentKind.CORRESPONDENCE and body["has_file"] is True
    assert body["contact_id"] == appointment.contact_id
    appointment.refresh_from_db()
    assert appointment.letter_document_id == body["id"]
    assert appointment.letter_pages == 5  # the letter, 3 pages and one blank page (MED-02)


def test_med_02_invitation_over_twelve_pages_is_422_and_saves_nothing(service, mediator):
    appointment = service.first_appointments.get()
    documents = Document.objects.count()
    response = _upload(
        Api(mediator),
        f"/mediation/appointments/{appointment.pk}/invitation",
        [("a.pdf", _pdf(5)), ("b.pdf", _pdf(5))],  # 1 + 5 + 5 + 2 blank pages = 13
    )
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "attachments"
    assert "MED-02" in _msg(response)
    appointment.refresh_from_db()
    assert appointment.letter_document is None and Document.objects.count() == documents


def test_med_02_invitation_of_another_mediators_appointment_is_404(service, other_mediator):
    appointment = service.first_appointments.get()
    response = Api(other_mediator).upload(
        f"/mediation/appointments/{appointment.pk}/invitation", {}
    )
    assert response.status_code == 404
    appointment.refresh_from_db()
    assert appointment.letter_document is None


# ---- MED-17: closed by VDAB --------------------------------------------------------------------


def test_med_17_centre_staff_close_by_vdab_via_api(service, mediator, partner_staff):
    _to_close(service, mediator)
    response = Api(partner_staff).post(f"/mediation/services/{service.pk}/close-by-vdab")
    assert response.status_code == 200, response.json()
    body = response.json()
    assert body["state"] == m.ServiceState.CLOSED
    assert body["closing_way"] == m.ClosingWay.VDAB
    assert body["returned_to"] == "vdab_mediator"
    assert body["access_until"] is not None
    service.refresh_from_db()
    assert service.state == m.ServiceState.CLOSED


def test_med_17_the_partner_mediator_may_not_close_by_vdab_403(service, mediator):
    _to_close(service, mediator)
    response = Api(mediator).post(f"/mediation/services/{service.pk}/close-by-vdab")
    assert response.status_code == 403
    assert "MED-17" in response.json()["detail"]
    service.refresh_from_db()
    assert service.state == m.ServiceState.TO_CLOSE


def test_med_17_close_by_vdab_only_ter_afsluiting_422(service, partner_staff):
    response = Api(partner_staff).post(f"/mediation/services/{service.pk}/close-by-vdab")
    assert response.status_code == 422 and "MED-17" in _msg(response)
    service.refresh_from_db()
    assert service.state == m.ServiceState.REFERRED


def test_med_17_close_by_vdab_of_another_partners_service_is_404(service, mediator, other_partner):
    _to_close(service, mediator)
    outsider = staff_user(other_partner, Role.CENTRE_STAFF, username="andere-staff")
    response = Api(outsider).post(f"/mediation/services/{service.pk}/close-by-vdab")
    assert response.status_code == 404
    service.refresh_from_db()
    assert service.state == m.ServiceState.TO_CLOSE


# ---- MED-12/13: the closable date as a field ---------------------------------------------------

START = date(2026, 1, 15)
RULESET = ruleset_for(START)


def test_med_12_closable_on_is_the_minimum_duration_before_the_service_is_due():
    due = closing_due(tender="TIBB4", started_on=START, month_ends=[], today=START, ruleset=RULESET)
    params = RULESET.tender("TIBB4")
    assert due.reason is None
    assert due.closable_on == add_months(START, params.minimum_months)
    assert due.max_duration_on == add_months(START, params.maximum_months)


def test_med_12_closable_on_is_the_day_it_came_ter_afsluiting_after_three_passive_month_ends():
    ends = [MonthEnd(d, True) for d in (date(2026, 5, 31), date(2026, 6, 30), date(2026, 7, 31))]
    due = closing_due(
        tender="TIBB4", started_on=START, month_ends=ends, today=date(2026, 9, 1), ruleset=RULESET
    )
    assert due.reason == "passive"
    # Months 5, 6 and 7 passive: "ter afsluiting" the day after the third month-end.
    assert due.closable_on == due.on == date(2026, 8, 1)


def test_med_13_wij3_closable_on_is_the_later_of_18_months_and_the_project_end():
    params = RULESET.tender("WIJ3")
    due = closing_due(tender="WIJ3", started_on=START, month_ends=[], today=START, ruleset=RULESET)
    end = max(add_months(START, params.minimum_months), params.project_end or date.min)
    assert due.closable_on == end == due.max_duration_on


def test_med_12_service_output_gives_closable_on_as_a_field(service, mediator):
    _started(service, mediator, months_ago_days=30)
    started_on = timezone.localdate() - timedelta(days=30)
    params = ruleset_for(started_on).tender(service.tender)
    api = Api(mediator)
    body = api.get(f"/mediation/services/{service.pk}").json()
    assert body["closable_on"] == str(add_months(started_on, params.minimum_months))
    assert body["max_duration_on"] == str(add_months(started_on, params.maximum_months))
    listed = api.get("/mediation/services").json()["items"]
    assert [s["closable_on"] for s in listed] == [body["closable_on"]]
    closing = api.get(f"/mediation/services/{service.pk}/closing").json()
    assert closing["closable_on"] == body["closable_on"]


def test_med_06_closable_on_is_empty_before_the_mediation_started(service, mediator):
    body = Api(mediator).get(f"/mediation/services/{service.pk}").json()
    assert body["closable_on"] is None and body["max_duration_on"] is None


# ---- MED-09: the contact with the checks, as documented ------------------------------------------


def test_med_09_contact_response_matches_its_openapi_schema(service, mediator):
    schema = Api(mediator).get("/openapi.json").json()
    operation = schema["paths"]["/api/v1/mediation/services/{service_id}/contacts"]["post"]
    ref = operation["responses"]["201"]["content"]["application/json"]["schema"]["$ref"]
    documented = schema["components"]["schemas"][ref.rsplit("/", 1)[-1]]["properties"]
    assert {"residence_status_checked", "work_permit_checked"} <= set(documented)
    mediation_fixtures.record(service, mediator, present=True)
    response = Api(mediator).post(
        f"/mediation/services/{service.pk}/contacts",
        {
            "starts_at": timezone.localtime(at(-3)).replace(tzinfo=None).isoformat(),
            "duration_minutes": 60,
            "residence_status_checked": True,
            "work_permit_checked": True,
        },
    )
    assert response.status_code == 201, response.json()
    assert set(response.json()) == set(documented)
    # The trajectory contact keeps its own, different shape.
    trajectory_contact = schema["paths"]["/api/v1/contacts/{contact_id}"]["get"]["responses"]
    ref = trajectory_contact["200"]["content"]["application/json"]["schema"]["$ref"]
    assert "trajectory_id" in schema["components"]["schemas"][ref.rsplit("/", 1)[-1]]["properties"]
