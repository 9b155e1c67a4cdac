"""MED-12 .. MED-17: when the service may close, final advice, automatic and VDAB closing."""

from datetime import date, datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from koers.core.models import User
from koers.lib.rules import Reason, reason_to_json
from koers.mediation import models as m
from koers.mediation.rules import closing as closing_rules
from koers.mediation.services.common import (
    end_trajectory,
    lock_service,
    refuse,
    require_open,
    ruleset_of,
    save_with_user,
    set_phase,
)
from koers.mediation.services.settings import service_setting
from koers.trajectories.models import (
    AssignmentStatus,
    ContactOutcome,
    TrajectoryStatus,
)


def _month_ends(service: m.MediationService, setting) -> list[closing_rules.MonthEnd]:
    """A passive flag derived from a CATWZ code counts only with the partner's confirmed passive
    codes (MED-12); an explicit flag (e.g. from VDAB's import) counts as given."""
    return [
        closing_rules.MonthEnd(
            r.month_end,
            (setting.confirmed and r.category in setting.passive_codes)
            if r.passive_by_code
            else r.passive,
        )
        for r in service.month_ends.all()
    ]


def closing_facts(service: m.MediationService, today: date) -> closing_rules.ClosingDue:
    setting = service_setting(service)
    return closing_rules.closing_due(
        tender=service.tender,
        started_on=service.mediation_started_on,
        month_ends=_month_ends(service, setting),
        today=today,
        ruleset=ruleset_of(service),
        maximum_months=setting.maximum_months,
        maximum_confirmed=setting.confirmed,
    )


def auto_close_hold(service: m.MediationService) -> Reason | None:
    """MED-16 needs confirmed values: no automatic closing rests on an unconfirmed setting."""
    setting = service_setting(service)
    if setting is None or setting.confirmed:
        return None
    return Reason(
        "MED-12",
        _(
            "De instellingen voor %(tender)s (maximale duur, passieve codes) zijn niet bevestigd "
            "door de beheerder van de partner: de service sluit niet automatisch af."
        )
        % {"tender": setting.tender_label},
    )


def closing_refresh(*, service: m.MediationService, today: date, acting_user=None) -> bool:
    """MED-12/13/14: raise "ter afsluiting" when the mediation process ended (idempotent)."""
    if service.state != m.ServiceState.MEDIATING:
        return False
    due = closing_facts(service, today)
    if due.reason is None:
        return False
    service.state = m.ServiceState.TO_CLOSE
    service.closing_reason = due.reason.value
    service.closing_due_on = due.on
    service.advice_deadline = closing_rules.advice_deadline(due.on, ruleset_of(service))
    save_with_user(service, acting_user)
    set_phase(service, acting_user)
    return True


def _has_open_items(service: m.MediationService) -> bool:
    """MED-17 "openstaande traject acties of openstaande contacten": open assignments, every
    contact still planned (also one in the past that was never recorded) and every training that
    is neither cancelled nor finished (competences updated, MED-11)."""
    trajectory = service.trajectory
    return (
        trajectory.assignments.filter(status=AssignmentStatus.OPEN).exists()
        or trajectory.contacts.filter(outcome=ContactOutcome.PLANNED).exists()
        or service.trainings.filter(
            cancelled_at__isnull=True, competences_updated_on__isnull=True
        ).exists()
    )


def _close(service, *, way: str, now: datetime, acting_user) -> None:
    decision = closing_rules.return_to_vdab(
        tender=service.tender,
        reason=service.closing_reason,
        way=way,
        advice=service.advice or None,
        open_items=_has_open_items(service),
    )
    service.state = m.ServiceState.CLOSED
    service.closing_way = way
    service.closed_at = now
    service.returned_to = decision.to.value
    service.returned_reasons = [reason_to_json(r) for r in decision.reasons]
    save_with_user(service, acting_user)
    # Local time: "the next day" starts at midnight in Belgium, not in UTC.
    until = closing_rules.access_ends(
        way=way, reason=service.closing_reason, closed_at=timezone.localtime(now)
    )
    end_trajectory(
        service, TrajectoryStatus.CLOSED, now=now, acting_user=acting_user, access_until=until
    )


@transaction.atomic
def advice_give(
    *,
    service: m.MediationService,
    option: str,
    remark: str,
    mail: bool,
    printed: bool,
    acting_user: User,
    now: datetime,
) -> m.MediationService:
    """MED-14/MED-15: "Geef eindadvies" closes the service; access ends the next day."""
    service = lock_service(service)
    require_open(service)
    refusal = closing_rules.advice_refusal(
        reason=service.closing_reason if service.state == m.ServiceState.TO_CLOSE else None,
        option=option,
        mail=mail,
        printed=printed,
        deadline=service.advice_deadline,
        today=timezone.localdate(now),
    )
    if refusal:
        field_name = {"Vink": "mail"}.get(refusal.template[:4], "advice")
        raise refuse(field_name, refusal)
    service.advice = option
    service.advice_remark = remark.strip()
    service.advice_mail = mail
    service.advice_print = printed
    service.advice_given_at = now
    _close(service, way=m.ClosingWay.PARTNER_ADVICE, now=now, acting_user=acting_user)
    return service


@transaction.atomic
def auto_close_one(service_pk: int, now: datetime) -> bool:
    """MED-16: without advice after one month the service closes automatically (idempotent)."""
    service = lock_service(m.MediationService(pk=service_pk))
    if service.state != m.ServiceState.TO_CLOSE or service.advice_deadline is None:
        return False
    if timezone.localdate(now) <= service.advice_deadline:
        return False
    if auto_close_hold(service) is not None:
        return False
    _close(service, way=m.ClosingWay.AUTOMATIC, now=now, acting_user=None)
    return True


@transaction.atomic
def close_by_vdab(*, service: m.MediationService, acting_user: User, now: datetime):
    """Annex 3/4 "Afgesloten door VDAB" (recorded by an administrator): back to the VDAB mediator."""
    service = lock_service(service)
    if service.state != m.ServiceState.TO_CLOSE:
        raise refuse(
            "__all__", Reason("MED-17", _("Alleen een service “ter afsluiting” sluit VDAB af."))
        )
    _close(service, way=m.ClosingWay.VDAB, now=now, acting_user=acting_user)
    return service
