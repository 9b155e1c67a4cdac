"""services/closing.py: "ter afsluiting", the final advice, automatic closing and the return to
VDAB (MED-12 .. MED-17)."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from koers.mediation import jobs, services
from koers.mediation import models as m
from koers.mediation.services import AppointmentData
from koers.trajectories.models import Trajectory
from tests.factories import ClientFactory

from .conftest import at
from .steps import _passive_three, _snapshot, _started

pytestmark = pytest.mark.django_db


def test_med_12_three_passive_month_ends_after_six_months_raise_ter_afsluiting(service, mediator):
    _started(service, mediator)
    _passive_three(service, mediator)
    assert service.state == m.ServiceState.TO_CLOSE
    assert service.closing_reason == "passive"
    assert service.advice_deadline > timezone.localdate()


def test_med_12_max_duration_via_sweep_is_idempotent(service, mediator):
    _started(service, mediator, months_ago_days=370)
    assert jobs.mediation_closing_signal(timezone.now()) == 1
    assert jobs.mediation_closing_signal(timezone.now()) == 0
    service.refresh_from_db()
    assert service.closing_reason == "max_duration"


def test_med_13_wij3_never_closes_on_passive(partner, mediator, referral):
    client = ClientFactory(organisation=partner, street="x", city="y")
    wij3 = services.mediation_refer(
        client=client,
        responsible=mediator,
        organisation=partner,
        data=referral(tender="WIJ3"),
        first_appointment=AppointmentData(starts_at=at(110)),
        acting_user=mediator,
    )
    _started(wij3, mediator, months_ago_days=300)
    _passive_three(wij3, mediator)
    assert wij3.state == m.ServiceState.MEDIATING
    m.MediationService.objects.filter(pk=wij3.pk).update(
        mediation_started_on=timezone.localdate() - timedelta(days=600)
    )
    assert jobs.mediation_closing_signal(timezone.now()) == 1
    wij3.refresh_from_db()
    assert wij3.closing_reason == "max_duration"


def test_med_14_fourth_option_refused_after_max_duration_nothing_changed(service, mediator):
    _started(service, mediator, months_ago_days=370)
    jobs.mediation_closing_signal(timezone.now())
    before = _snapshot(service)
    with pytest.raises(ValidationError, match="MED-14"):
        services.advice_give(
            service=service,
            option="reassess",
            remark="",
            mail=True,
            printed=False,
            acting_user=mediator,
            now=timezone.now(),
        )
    with pytest.raises(ValidationError, match="Mail eindadvies"):
        services.advice_give(
            service=service,
            option="need",
            remark="",
            mail=False,
            printed=False,
            acting_user=mediator,
            now=timezone.now(),
        )
    assert _snapshot(service) == before


def test_med_15_advice_closes_and_access_ends_next_day_med_17_chef_oe(service, mediator):
    _started(service, mediator, months_ago_days=370)
    jobs.mediation_closing_signal(timezone.now())
    now = timezone.now()
    services.advice_give(
        service=service,
        option="need",
        remark="Graag opvolgen.",
        mail=False,
        printed=True,
        acting_user=mediator,
        now=now,
    )
    service.refresh_from_db()
    assert service.state == m.ServiceState.CLOSED and service.closing_way == "partner_advice"
    assert service.returned_to == m.ReturnTo.CHEF_OE
    until = service.trajectory.access_until
    assert timezone.localtime(until).date() == timezone.localdate(now) + timedelta(days=1)
    assert Trajectory.objects.visible_to(mediator).filter(pk=service.trajectory_id).exists()
    import time_machine

    with time_machine.travel(until + timedelta(seconds=1)):
        assert not Trajectory.objects.visible_to(mediator).filter(pk=service.trajectory_id).exists()


def test_med_14_sheet_after_closing_refused(service, mediator):
    _started(service, mediator, months_ago_days=370)
    jobs.mediation_closing_signal(timezone.now())
    services.advice_give(
        service=service,
        option="no_need",
        remark="",
        mail=True,
        printed=False,
        acting_user=mediator,
        now=timezone.now(),
    )
    count = m.AgreementSheet.objects.count()
    with pytest.raises(ValidationError, match="afgesloten"):
        services.sheet_create(
            service=service,
            made_on=timezone.localdate(),
            work_points=["x"],
            assignments=[],
            services_remark="",
            acting_user=mediator,
            now=timezone.now(),
        )
    assert m.AgreementSheet.objects.count() == count


def test_med_16_auto_close_after_a_month_max_duration_access_at_once(service, mediator):
    _started(service, mediator, months_ago_days=370)
    jobs.mediation_closing_signal(timezone.now())
    service.refresh_from_db()
    later = timezone.now() + timedelta(days=40)
    assert jobs.mediation_auto_close(later) == 1
    assert jobs.mediation_auto_close(later) == 0
    service.refresh_from_db()
    assert service.closing_way == "automatic" and service.trajectory.access_until == later
    # open assignments of the sheet remain: always back to VDAB (MED-17); annex says Chef OE here
    assert service.returned_to == m.ReturnTo.CHEF_OE


def test_med_16_auto_close_goes_on_past_a_service_the_rules_refuse(
    service, mediator, monkeypatch, caplog
):
    _started(service, mediator, months_ago_days=370)
    jobs.mediation_closing_signal(timezone.now())
    real = services.auto_close_one

    def refusing(pk, now):
        if pk == -1:
            raise ValueError("WIJ3 never closes on passive category (MED-13)")
        return real(pk, now)

    class Due:  # a refused service (id -1) first, then the real one
        def values_list(self, *args, **kwargs):
            return [-1, service.pk]

    real_filter = jobs.MediationService.objects.filter

    def due_first(*args, **kw):  # the sweep's read; the others (the kept deadlines) as they are
        return Due() if "advice_deadline__lt" in kw else real_filter(*args, **kw)

    monkeypatch.setattr(services, "auto_close_one", refusing)
    monkeypatch.setattr(jobs.MediationService.objects, "filter", due_first)
    assert jobs.mediation_auto_close(timezone.now() + timedelta(days=40)) == 1
    assert "mediation service -1 failed" in caplog.text


def test_med_16_auto_close_after_passive_next_day_and_open_actions_return(service, mediator):
    _started(service, mediator)
    _passive_three(service, mediator)
    later = timezone.now() + timedelta(days=40)
    jobs.mediation_auto_close(later)
    service.refresh_from_db()
    assert service.trajectory.access_until > later
    assert service.returned_to == m.ReturnTo.VDAB_MEDIATOR  # open assignment overrides "Nee"
    assert any("open trajectacties" in r["message"] for r in service.returned_reasons)
