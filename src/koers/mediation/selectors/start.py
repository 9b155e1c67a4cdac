"""What "Start bemiddelingsproces" (MED-06) will do, for the confirmation page: the start is
today, and from it the clock of MED-12/MED-13 runs — the first day the service may close and the
day the maximum duration is reached. Reads only; the start itself is `services.mediation_start`."""

from dataclasses import dataclass
from datetime import date, datetime

from django.utils import timezone

from koers.lib.rules import Reason
from koers.mediation import models as m
from koers.mediation.rules import closing as closing_rules
from koers.mediation.selectors.facts import ruleset_of, start_refusals
from koers.mediation.selectors.settings import service_setting


@dataclass(frozen=True)
class StartPreview:
    starts_on: date
    tender_label: str
    minimum_months: int | None
    maximum_months: int | None
    closable_on: date | None  # the earliest day the service may close (MED-12/13)
    max_duration_on: date | None  # the day the maximum duration is reached
    maximum_confirmed: bool  # MED-12: an unconfirmed maximum does not close the service by itself
    refusals: list[Reason]

    @property
    def can_start(self) -> bool:
        return not self.refusals


def start_preview(service: m.MediationService, now: datetime) -> StartPreview:
    today = timezone.localdate(now)
    refusals = start_refusals(service, now)
    setting = service_setting(service)
    if not service.tender or setting is None:
        return StartPreview(today, "", None, None, None, None, False, refusals)
    ruleset = ruleset_of(service)
    due = closing_rules.closing_due(
        tender=service.tender,
        started_on=today,
        month_ends=[],
        today=today,
        ruleset=ruleset,
        maximum_months=setting.maximum_months,
        maximum_confirmed=True,  # the day it would be reached, confirmed or not (said below)
    )
    return StartPreview(
        starts_on=today,
        tender_label=setting.tender_label,
        minimum_months=ruleset.tender(service.tender).minimum_months,
        maximum_months=setting.maximum_months,
        closable_on=due.closable_on,
        max_duration_on=due.max_duration_on,
        maximum_confirmed=setting.confirmed,
        refusals=refusals,
    )
