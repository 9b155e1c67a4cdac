"""What the rules say about one service now: reads only, for the pages, the API and the services.

The first-appointment ladder (MED-02..04), the first sheet and the start (MED-05/06), the file
checklist (MED-08) and the closing (MED-12..17).
"""

from dataclasses import dataclass
from datetime import date, datetime

from django.utils import timezone
from django.utils.translation import gettext as _

from koers.core.models import Organisation
from koers.lib.rules import Reason, shown
from koers.mediation import models as m
from koers.mediation.rules import closing as closing_rules
from koers.mediation.rules import ladder
from koers.mediation.rules import process as process_rules
from koers.mediation.rules.ruleset import Ruleset
from koers.mediation.selectors.settings import EffectiveSetting, service_setting
from koers.trajectories.models import AssignmentStatus, Contact, ContactOutcome, Programme
from koers.trajectories.rulesets import ruleset_by_version

DEFAULT_COVERING_TEXT = "Graag nodigen we je uit voor de eerste afspraak bij {partner}"


def ruleset_of(service: m.MediationService) -> Ruleset:
    return ruleset_by_version(Programme.MEDIATION, service.ruleset_version)


def covering_text_default(organisation: Organisation) -> str:
    return DEFAULT_COVERING_TEXT.format(partner=organisation.working_name or organisation.name)


# ---- MED-02 .. MED-04: the first-appointment ladder ---------------------------------------------


def pending_appointment(service: m.MediationService) -> m.FirstAppointment | None:
    return service.first_appointments.filter(outcome="").order_by("-number").first()


def last_absence(service: m.MediationService) -> m.FirstAppointment | None:
    return (
        service.first_appointments.filter(outcome=m.AppointmentOutcome.ABSENT)
        .select_related("contact")
        .order_by("-number")
        .first()
    )


def absent_on(appointment: m.FirstAppointment) -> date:
    """MED-03: the 7-day target counts from the missed appointment, not from the day the absence
    happened to be recorded."""
    return timezone.localdate(appointment.contact.starts_at)


def registered_letter_sent(appointment: m.FirstAppointment) -> bool:
    """The registered invitation left by letter before the appointment (MED-03)."""
    document = appointment.letter_document
    return (
        appointment.send_by == m.SendBy.LETTER
        and document is not None
        and document.created_at <= appointment.contact.starts_at
    )


def red_bar(service: m.MediationService, now: datetime) -> bool:
    """MED-04/15/16: the red bar shows from "present" until access ends."""
    until = service.trajectory.access_until
    return service.present_on is not None and (until is None or now < until)


def replan_deadline(service: m.MediationService, today: date) -> ladder.NextStep:
    last_absent = last_absence(service)
    return ladder.next_step(
        state=ladder.LadderState(service.ladder_state),
        last_absent_on=absent_on(last_absent) if last_absent else None,
        appointment_made=pending_appointment(service) is not None,
        today=today,
        ruleset=ruleset_of(service),
    )


# ---- MED-05 / MED-06: the first sheet and the start ---------------------------------------------


def next_contacts(service: m.MediationService, now: datetime) -> list[Contact]:
    return list(
        Contact.objects.filter(
            trajectory=service.trajectory, outcome=ContactOutcome.PLANNED, starts_at__gt=now
        )
        .select_related("staff", "first_appointment")
        .order_by("starts_at")[:5]
    )


def first_sheet_status(service: m.MediationService, today: date):
    if service.present_on is None:
        return None
    return process_rules.first_sheet_countdown(
        present_on=service.present_on, today=today, ruleset=ruleset_of(service)
    )


def start_refusals(service: m.MediationService, now: datetime) -> list[Reason]:
    first = service.sheets.filter(number=1).first()
    return process_rules.start_refusals(
        first_present=service.present_on is not None,
        first_sheet=first is not None,
        next_contact_planned=bool(next_contacts(service, now)),
        started=service.mediation_started_on is not None,
    )


def first_sheet_signatures(service: m.MediationService) -> list[Reason]:
    """MED-05: whose signature is still missing on the first agreement sheet (shown, not blocking
    the start: MED-06)."""
    first = service.sheets.filter(number=1).first()
    if first is None:
        return []
    return process_rules.first_sheet_signatures_missing(
        partner_signed=first.signed_by_partner_on is not None,
        participant_signed=first.signed_by_participant_on is not None,
    )


# ---- MED-08: the file checklist -----------------------------------------------------------------


def file_checklist(service: m.MediationService):
    client = service.client
    return process_rules.file_checklist(
        has_contact_data=bool((client.email or client.phone) and client.street and client.city),
        ticked=service.file_checklist,
        extra=service.file_checklist_extra,
    )


# ---- MED-12 .. MED-17: closing ------------------------------------------------------------------


def _month_ends(
    service: m.MediationService, setting: EffectiveSetting
) -> list[closing_rules.MonthEnd]:
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


def closing_due_today(service: m.MediationService, today: date):
    """MED-12/13 as the closing rule sees it (None before the start, MED-06)."""
    return closing_facts(service, today) if service.mediation_started_on else None


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


def has_open_items(service: m.MediationService) -> bool:
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


@dataclass(frozen=True)
class ServiceFacts:
    """What the API shows of a service beside its fields: the closing rule today, the red bar and
    the reasons of the return to VDAB in the reader's language."""

    closing_due: closing_rules.ClosingDue | None
    red_bar: bool
    returned_reasons: list[dict]

    @property
    def closable_on(self) -> date | None:
        return self.closing_due.closable_on if self.closing_due else None

    @property
    def max_duration_on(self) -> date | None:
        return self.closing_due.max_duration_on if self.closing_due else None

    @property
    def closing_reasons(self) -> list[dict]:
        return [r.as_dict() for r in self.closing_due.reasons] if self.closing_due else []


def service_facts(service: m.MediationService, now: datetime) -> ServiceFacts:
    return ServiceFacts(
        closing_due=closing_due_today(service, timezone.localdate(now)),
        red_bar=red_bar(service, now),
        returned_reasons=shown(service.returned_reasons),
    )
