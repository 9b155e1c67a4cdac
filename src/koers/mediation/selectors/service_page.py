"""Everything the service page shows, decided once: the ladder, the sheets, the start, the closing
and the allowed final advices (MED-02 .. MED-17). The view only adds its forms."""

from dataclasses import dataclass, fields
from datetime import date, datetime
from typing import NamedTuple

from django.utils import timezone

from koers.core.models import User
from koers.core.states import StateMove, state_history
from koers.lib.rules import Reason
from koers.mediation import models as m
from koers.mediation.rules import closing as closing_rules
from koers.mediation.rules import ladder
from koers.mediation.rules.process import Countdown, FileItem
from koers.mediation.selectors import facts
from koers.mediation.selectors.lookups import can_close_by_vdab, service_get
from koers.mediation.selectors.settings import EffectiveSetting, service_setting
from koers.trajectories.models import Contact, ContactOutcome, Document, Trajectory


class AdviceOption(NamedTuple):
    value: str
    label: str
    citizen_text: str  # MED-14: what the citizen reads


@dataclass(frozen=True)
class ServicePage:
    service: m.MediationService
    client: object
    trajectory: Trajectory
    today: date
    red_bar: bool
    appointments: list[m.FirstAppointment]  # each with `registered_letter_missing`
    pending: m.FirstAppointment | None
    can_plan_first: bool
    next_step: ladder.NextStep
    sheets: list[m.AgreementSheet]  # newest first, each with `rows` (title, deadline)
    countdown: Countdown | None
    signatures_missing: list[Reason]
    start_refusals: list[Reason]
    upcoming: list[Contact]
    contacts: list[Contact]  # each with `held`
    month_ends: list[m.MonthEndCategory]
    closing_due: closing_rules.ClosingDue | None
    setting: EffectiveSetting | None
    auto_close_hold: Reason | None
    advice_options: list[AdviceOption]
    trainings: list[m.TrainingRegistration]
    checklist: tuple[FileItem, ...]
    followups: list[m.ProjectFollowUpContact]
    documents: list[Document]
    can_close_by_vdab: bool
    state_moves: list[StateMove]
    ladder_moves: list[StateMove]

    @property
    def next_place(self) -> str:
        """The place of the last first appointment: the next one is likely there too."""
        return self.appointments[-1].contact.place if self.appointments else ""

    def as_context(self) -> dict:
        return {f.name: getattr(self, f.name) for f in fields(self)}


def _appointments(service: m.MediationService) -> list[m.FirstAppointment]:
    appointments = list(
        service.first_appointments.select_related("contact", "letter_document").order_by("number")
    )
    for a in appointments:
        a.registered_letter_missing = a.is_registered and not facts.registered_letter_sent(a)
    return appointments


def _sheets(service: m.MediationService) -> list[m.AgreementSheet]:
    sheets = list(service.sheets.select_related("document").order_by("-number"))
    for sheet in sheets:
        sheet.rows = [
            (a["title"], date.fromisoformat(a["deadline"])) for a in sheet.content["assignments"]
        ]
    return sheets


def _contacts(trajectory: Trajectory) -> list[Contact]:
    contacts = list(
        trajectory.contacts.filter(first_appointment__isnull=True)
        .select_related("staff", "mediation_check")
        .order_by("-starts_at")
    )
    for contact in contacts:
        contact.held = contact.outcome == ContactOutcome.HELD
    return contacts


def advice_choices(service: m.MediationService) -> list[AdviceOption]:
    """MED-14: the final advices allowed now, with the text the citizen gets."""
    return [
        AdviceOption(o.value, m.Advice(o.value).label, closing_rules.CITIZEN_TEXTS[o])
        for o in service.advice_options
    ]


def _ladder_part(service: m.MediationService, today: date) -> dict:
    appointments = _appointments(service)
    pending = next((a for a in appointments if not a.outcome), None)
    return {
        "appointments": appointments,
        "pending": pending,
        "can_plan_first": not service.ladder_done
        and pending is None
        and service.is_open
        and not service.is_incomplete,
        "next_step": facts.replan_deadline(service, today),
    }


def _process_part(service: m.MediationService, now: datetime, today: date) -> dict:
    sheets = _sheets(service)
    return {
        "sheets": sheets,
        "countdown": facts.first_sheet_status(service, today)
        if service.present_on and not any(s.number == 1 for s in sheets)
        else None,
        "signatures_missing": facts.first_sheet_signatures(service),
        "start_refusals": facts.start_refusals(service, now)
        if service.present_on and not service.mediation_started_on
        else [],
        "upcoming": facts.next_contacts(service, now),
        "contacts": _contacts(service.trajectory),
    }


def _closing_part(service: m.MediationService, today: date) -> dict:
    return {
        "month_ends": list(service.month_ends.order_by("-month_end")),
        "closing_due": facts.closing_due_today(service, today),
        "setting": service_setting(service),
        "auto_close_hold": facts.auto_close_hold(service) if service.is_to_close else None,
        "advice_options": advice_choices(service),
    }


def _file_part(service: m.MediationService) -> dict:
    return {
        "trainings": list(service.trainings.all()),
        "checklist": facts.file_checklist(service),
        "followups": list(service.followup_contacts.all()),
        "documents": list(service.trajectory.documents.order_by("-created_at")[:20]),
        "state_moves": state_history(service, "state"),
        "ladder_moves": state_history(service, "ladder_state"),
    }


def service_page(
    user: User, pk: int | None = None, now: datetime | None = None, *, service=None
) -> ServicePage:
    """The service page for `user` (through the access rules: DoesNotExist otherwise)."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    service = service or service_get(user=user, pk=pk)
    return ServicePage(
        service=service,
        client=service.client,
        trajectory=service.trajectory,
        today=today,
        red_bar=facts.red_bar(service, now),
        can_close_by_vdab=can_close_by_vdab(user),
        **_ladder_part(service, today),
        **_process_part(service, now, today),
        **_closing_part(service, today),
        **_file_part(service),
    )
