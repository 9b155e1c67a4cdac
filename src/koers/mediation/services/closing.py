"""MED-12 .. MED-17: when the service may close, final advice, automatic and VDAB closing."""

from datetime import date, datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from koers.core.models import User
from koers.lib.refusals import refusal
from koers.lib.rules import Reason
from koers.mediation import models as m
from koers.mediation.rules import closing as closing_rules
from koers.mediation.selectors.facts import (
    auto_close_hold,
    closing_facts,
    has_open_items,
    ruleset_of,
)
from koers.mediation.services.common import end_service, lock_service, require_open, set_phase
from koers.mediation.services.states import service_set_state
from koers.trajectories.models import TrajectoryStatus


def closing_refresh(*, service: m.MediationService, today: date, acting_user=None) -> bool:
    """MED-12/13/14: raise "ter afsluiting" when the mediation process ended (idempotent)."""
    if not service.is_mediating:
        return False
    due = closing_facts(service, today)
    if due.reason is None:
        return False
    service.closing_reason = due.reason.value
    service.closing_due_on = due.on
    service.advice_deadline = closing_rules.advice_deadline(due.on, ruleset_of(service))
    service_set_state(
        service,
        m.ServiceState.TO_CLOSE,
        acting_user=acting_user,
        why="; ".join(str(r) for r in due.reasons),
        also_save=("closing_reason", "closing_due_on", "advice_deadline"),
    )
    set_phase(service, acting_user)
    return True


def _close(service, *, way: str, now: datetime, acting_user) -> None:
    decision = closing_rules.return_to_vdab(
        tender=service.tender,
        reason=service.closing_reason,
        way=way,
        advice=service.advice or None,
        open_items=has_open_items(service),
    )
    # Local time: "the next day" starts at midnight in Belgium, not in UTC.
    until = closing_rules.access_ends(
        way=way, reason=service.closing_reason, closed_at=timezone.localtime(now)
    )
    end_service(
        service,
        m.ServiceState.CLOSED,
        way=way,
        decision=decision,
        now=now,
        acting_user=acting_user,
        trajectory_status=TrajectoryStatus.CLOSED,
        access_until=until,
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
    refused = closing_rules.advice_refusal(
        reason=service.closing_reason if service.is_to_close else None,
        option=option,
        mail=mail,
        printed=printed,
        deadline=service.advice_deadline,
        today=timezone.localdate(now),
    )
    if refused:
        field_name = {"Vink": "mail"}.get(refused.template[:4], "advice")
        raise refusal(field_name, refused)
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
    if not service.is_to_close or service.advice_deadline is None:
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
    if not service.is_to_close:
        raise refusal(
            "__all__", Reason("MED-17", _("Alleen een service “ter afsluiting” sluit VDAB af."))
        )
    _close(service, way=m.ClosingWay.VDAB, now=now, acting_user=acting_user)
    return service
