"""/mediation: the owner mediator, another mediator (404), staff of another partner (404); the
partner's requests answer 404 from the access-loss moment; refusals answer 422 with the rule ID and
save nothing."""

from datetime import timedelta

import pytest
import time_machine
from django.forms.models import model_to_dict
from django.utils import timezone

from koers.core.models import Role
from koers.mediation import jobs
from koers.mediation import models as m
from tests.api.conftest import Api
from tests.factories import staff_user
from tests.mediation import conftest as mediation_fixtures
from tests.mediation.conftest import at
from tests.mediation.steps import _present_with_sheet, _started

pytestmark = pytest.mark.django_db

# The mediation fixtures (partner organisation, mediators, a referred service) for this module.
partner = mediation_fixtures.partner
other_partner = mediation_fixtures.other_partner
mediator = mediation_fixtures.mediator
other_mediator = mediation_fixtures.other_mediator
referral = mediation_fixtures.referral
service = mediation_fixtures.service


def _iso(dt) -> str:
    return timezone.localtime(dt).replace(tzinfo=None).isoformat()


def _msg(response) -> str:
    return " ".join(e["message"] for e in response.json()["errors"])


def _state(service):
    service.refresh_from_db()
    return (
        model_to_dict(service),
        m.FirstAppointment.objects.count(),
        m.AgreementSheet.objects.count(),
    )


def test_med_01_referral_via_api(partner, mediator):
    api = Api(mediator)
    response = api.post(
        "/mediation/referrals",
        {
            "client": {"first_name": "Lotte", "last_name": "Claes", "email": "lotte@example.org"},
            "tender": "WIJ3",
            "lot": "Perceel 1",
            "vdab_mediator_name": "Vera",
            "vdab_mediator_email": "vera@vdab.example",
            "referral_date": str(timezone.localdate()),
            "work_points": ["Zoektocht naar werk"],
            "first_appointment": {"starts_at": _iso(at(-3)), "place": "Kantoor"},
        },
    )
    assert response.status_code == 201, response.json()
    body = response.json()
    assert (
        body["state"] == "referred"
        and body["state_label"] == "Nieuwe service - Intensieve bemiddeling"
    )
    listing = api.get("/mediation/services").json()
    assert listing["count"] == 1
    bad = api.post("/mediation/referrals", {**{"tender": "XYZ"}})
    assert bad.status_code == 422


def test_med_03_absence_flow_via_api(service, mediator):
    api = Api(mediator)
    appointment = service.first_appointments.get()
    response = api.post(
        f"/mediation/appointments/{appointment.pk}/outcome",
        {"present": False, "absence_reason": "valid"},
    )
    assert response.status_code == 200 and response.json()["ladder_state"] == "ordinary_2"
    nxt = api.get(f"/mediation/services/{service.pk}/appointments").json()["next_step"]
    assert nxt["kind"] == "ordinary" and nxt["reasons"][0]["rule"] == "MED-03"
    # MED-02: reschedule after a client absence is refused, nothing changed
    before = _state(service)
    refused = api.post(
        f"/mediation/appointments/{appointment.pk}/reschedule",
        {"starts_at": _iso(at(-3)), "mediator_unavailable": True},
    )
    assert refused.status_code == 422 and "MED-02" in _msg(refused)
    assert _state(service) == before
    second = api.post(
        f"/mediation/services/{service.pk}/appointments", {"starts_at": _iso(at(-2)), "place": "K"}
    )
    assert second.status_code == 201 and second.json()["number"] == 2
    # MED-02: outcome on a future appointment refused
    before = _state(service)
    future = api.post(f"/mediation/appointments/{second.json()['id']}/outcome", {"present": True})
    assert future.status_code == 422 and "toekomst" in _msg(future)
    assert _state(service) == before


def test_med_05_06_sheet_and_start_via_api(service, mediator):
    api = Api(mediator)
    appointment = service.first_appointments.get()
    api.post(f"/mediation/appointments/{appointment.pk}/outcome", {"present": True})
    assert api.get(f"/mediation/services/{service.pk}").json()["red_bar"] is True
    sheets = api.get(f"/mediation/services/{service.pk}/sheets").json()
    assert sheets["first_sheet_days_left"] is not None
    refused = api.post(f"/mediation/services/{service.pk}/start")
    assert refused.status_code == 422 and "MED-06" in _msg(refused)
    api.post(
        f"/mediation/services/{service.pk}/contacts",
        {"starts_at": _iso(at(-5)), "duration_minutes": 60},
    )
    sheet = api.post(
        f"/mediation/services/{service.pk}/sheets",
        {
            "made_on": str(timezone.localdate()),
            "assignments": [{"title": "Stel een goed cv op", "deadline": "2030-03-28"}],
        },
    )
    assert sheet.status_code == 201, sheet.json()
    signed = api.post(
        f"/mediation/sheets/{sheet.json()['id']}/signatures",
        {"partner_on": str(timezone.localdate()), "participant_on": str(timezone.localdate())},
    )
    assert signed.json()["signed_by_participant_on"]
    started = api.post(f"/mediation/services/{service.pk}/start")
    assert started.status_code == 200 and started.json()["state"] == "mediating"
    held = api.post(
        f"/mediation/services/{service.pk}/contacts",
        {"starts_at": _iso(at(1)), "duration_minutes": 60, "outcome": "held"},
    )
    assert held.status_code == 422 and "MED-09" in _msg(held)


def test_med_14_closing_and_advice_via_api(service, mediator):
    _started(service, mediator, months_ago_days=370)
    jobs.mediation_closing_signal(timezone.now())
    api = Api(mediator)
    closing = api.get(f"/mediation/services/{service.pk}/closing").json()
    assert closing["closing_reason"] == "max_duration"
    assert closing["advice_options"] == ["no_need", "need", "exhausted"]
    before = _state(service)
    fourth = api.post(
        f"/mediation/services/{service.pk}/advice", {"advice": "reassess", "mail": True}
    )
    assert fourth.status_code == 422 and "MED-14" in _msg(fourth)
    assert _state(service) == before
    done = api.post(f"/mediation/services/{service.pk}/advice", {"advice": "need", "printed": True})
    assert done.status_code == 200 and done.json()["returned_to"] == "chef_oe"
    # MED-15: still visible today, 404 from the access-loss moment on
    until = service.trajectory.__class__.objects.get(pk=service.trajectory_id).access_until
    with time_machine.travel(until + timedelta(seconds=1)):
        for path in (
            f"/mediation/services/{service.pk}",
            f"/mediation/services/{service.pk}/sheets",
            f"/mediation/services/{service.pk}/closing",
        ):
            assert api.get(path).status_code == 404
        assert (
            api.post(
                f"/mediation/services/{service.pk}/month-ends",
                [{"month_end": "2026-01-31", "category": "52"}],
            ).status_code
            == 404
        )
        assert api.get("/mediation/services").json()["count"] == 0
    # a sheet after the service closed is refused
    closed = api.post(
        f"/mediation/services/{service.pk}/sheets",
        {"made_on": str(timezone.localdate()), "work_points": ["x"]},
    )
    assert closed.status_code == 422 and "afgesloten" in _msg(closed)


def test_med_12_month_end_import_via_api(service, mediator):
    _started(service, mediator)
    from koers.mediation.rules.closing import previous_month_ends

    api = Api(mediator)
    payload = [
        {"month_end": str(d), "category": "52"}
        for d in previous_month_ends(timezone.localdate(), 3)
    ]
    response = api.post(f"/mediation/services/{service.pk}/month-ends", payload)
    assert response.status_code == 200 and all(r["passive"] for r in response.json())
    assert api.get(f"/mediation/services/{service.pk}").json()["state"] == "to_close"


@pytest.mark.parametrize(
    "path",
    [
        "/mediation/services/{s}",
        "/mediation/services/{s}/appointments",
        "/mediation/services/{s}/sheets",
        "/mediation/services/{s}/month-ends",
        "/mediation/services/{s}/closing",
    ],
)
def test_other_mediator_and_other_partner_get_404(
    path, service, mediator, other_mediator, other_partner
):
    _present_with_sheet(service, mediator)
    url = path.format(s=service.pk)
    assert Api(mediator).get(url).status_code == 200
    assert Api(other_mediator).get(url).status_code == 404
    assert Api(staff_user(other_partner, Role.CENTRE_STAFF)).get(url).status_code == 404


def test_writes_by_others_get_404(service, other_mediator):
    api = Api(other_mediator)
    appointment = service.first_appointments.get()
    assert (
        api.post(f"/mediation/appointments/{appointment.pk}/outcome", {"present": True}).status_code
        == 404
    )
    assert api.post(f"/mediation/services/{service.pk}/start").status_code == 404
    assert (
        api.post(
            f"/mediation/services/{service.pk}/advice", {"advice": "need", "mail": True}
        ).status_code
        == 404
    )


def test_med_01_patch_completes_the_referral_and_only_what_is_sent(service, mediator):
    api = Api(mediator)
    response = api.patch(
        f"/mediation/services/{service.pk}",
        {
            "lot": "Perceel 1 – Gent",
            "vdab_mediator_name": "Wout Vandenbrande",
            "vdab_mediator_email": "wout.vandenbrande@example.be",
            "work_points": ["Zoektocht naar werk", "Taal"],
        },
    )
    assert response.status_code == 200, response.json()
    body = response.json()
    assert body["lot"] == "Perceel 1 – Gent"
    assert body["vdab_mediator_email"] == "wout.vandenbrande@example.be"
    assert body["work_points"] == ["Zoektocht naar werk", "Taal"]
    assert (body["tender"], body["thresholds"]) == ("TIBB4", ["Mobiliteit"])


def test_med_01_patch_refusals_change_nothing_and_others_get_404(service, mediator, other_mediator):
    before = _state(service)
    refused = Api(mediator).patch(f"/mediation/services/{service.pk}", {"lot": "  "})
    assert refused.status_code == 422 and "MED-01" in _msg(refused)
    bad_tender = Api(mediator).patch(f"/mediation/services/{service.pk}", {"tender": "XYZ"})
    assert bad_tender.status_code == 422
    other = Api(other_mediator).patch(f"/mediation/services/{service.pk}", {"lot": "Perceel 9"})
    assert other.status_code == 404
    assert _state(service) == before
