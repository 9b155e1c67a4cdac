"""MED-12 month-end categories and projectopvolger, MED-08 checklist, MED-10 IBO, MED-11 trainings."""

from dataclasses import dataclass
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from koers.core.history import save_with_user
from koers.core.models import User
from koers.lib.refusals import refusal
from koers.lib.rules import Reason
from koers.mediation import models as m
from koers.mediation.rules import closing as closing_rules
from koers.mediation.rules import process as process_rules
from koers.mediation.selectors.facts import ruleset_of
from koers.mediation.selectors.settings import service_setting
from koers.mediation.services.closing import closing_refresh
from koers.mediation.services.common import lock_service, require_open
from koers.outbox.services import mail_queue
from koers.trajectories.services import (
    AssignmentData,
    assignment_create,
)


@dataclass
class MonthEndData:
    month_end: date
    category: str = ""
    passive: bool | None = None


@transaction.atomic
def month_end_record(
    *,
    service: m.MediationService,
    month_end: date,
    category: str,
    acting_user: User | None,
    passive: bool | None = None,
    today: date | None = None,
) -> m.MonthEndCategory:
    """MED-12: the file's category on the last day of a month (entered by hand)."""
    return month_ends_record(
        service=service,
        items=[MonthEndData(month_end, category, passive)],
        acting_user=acting_user,
        today=today,
    )[0]


@transaction.atomic
def month_ends_record(
    *,
    service: m.MediationService,
    items: list[MonthEndData],
    acting_user: User | None,
    today: date | None = None,
) -> list[m.MonthEndCategory]:
    """MED-12: record (or import) month-end categories, then check whether mediation ended."""
    service = lock_service(service)
    require_open(service)
    today = today or timezone.localdate()
    setting = service_setting(service)
    existing = {
        r.month_end: r
        for r in service.month_ends.filter(month_end__in=[i.month_end for i in items])
    }
    records, new, changed = [], [], []
    for item in items:
        if closing_rules.month_end(item.month_end.year, item.month_end.month) != item.month_end:
            raise ValidationError({"month_end": [_("Kies de laatste dag van de maand. (MED-12)")]})
        if item.month_end > today:
            raise ValidationError({"month_end": [_("Deze maand is nog niet voorbij. (MED-12)")]})
        category = item.category.strip().upper()
        refused = closing_rules.month_end_refusal(
            month_end=item.month_end,
            category=category,
            passive_given=item.passive is not None,
            started_on=service.mediation_started_on,
        )
        if refused:
            raise refusal(*refused)
        by_code = item.passive is None
        passive = category in setting.passive_codes if by_code else bool(item.passive)
        record = existing.get(item.month_end)
        if record is None:
            record = m.MonthEndCategory(service=service, month_end=item.month_end)
            new.append(record)
            existing[item.month_end] = record
        elif record.pk:
            changed.append(record)
        record.category, record.passive, record.recorded_by = category, passive, acting_user
        record.passive_by_code = by_code
        records.append(record)
    m.MonthEndCategory.objects.bulk_create(new)
    m.MonthEndCategory.objects.bulk_update(
        changed, ["category", "passive", "passive_by_code", "recorded_by"]
    )
    closing_refresh(service=service, today=today, acting_user=acting_user)
    return records


@transaction.atomic
def checklist_update(
    *,
    service: m.MediationService,
    ticked: dict[str, bool],
    extra: dict[str, bool],
    acting_user: User,
) -> m.MediationService:
    service = lock_service(service)
    require_open(service)
    service.file_checklist = {k: bool(ticked.get(k)) for k in process_rules.FILE_ITEMS}
    service.file_checklist_extra = {k.strip(): bool(v) for k, v in extra.items() if k.strip()}
    save_with_user(service, acting_user)
    return service


@transaction.atomic
def ibo_note(*, service: m.MediationService, employer: str, acting_user: User):
    """MED-10: an IBO is an agreed action; the employer applies itself, the partner registers nothing
    else — VDAB's IBO mediator contacts the partner."""
    service = lock_service(service)
    require_open(service)
    if not employer.strip():
        raise ValidationError({"employer": [_("Bij welke werkgever? (MED-10)")]})
    return assignment_create(
        trajectory=service.trajectory,
        data=AssignmentData(
            title=_("IBO bij %(employer)s") % {"employer": employer.strip()},
            description=_(
                "Actie binnen de persoonlijke dienstverlening, akkoord van werkzoekende en "
                "bemiddelaar. De werkgever vraagt de IBO aan via zijn eigen VDAB-account; de "
                "VDAB-IBO-bemiddelaar neemt contact op en houdt ons op de hoogte."
            ),
        ),
        acting_user=acting_user,
    )


@dataclass
class TrainingData:
    kind: str
    title: str
    code: str
    is_bvs: bool = False
    organiser: str = ""
    organiser_email: str = ""
    organiser_is_vdab: bool = False
    work_point: str = ""
    summary: str = ""
    starts_on: date | None = None


@transaction.atomic
def training_register(
    *, service: m.MediationService, data: TrainingData, acting_user: User
) -> m.TrainingRegistration:
    """MED-11: start an own training or request one; the organiser's contact gets an e-mail."""
    service = lock_service(service)
    require_open(service)
    if service.mediation_started_on is None:
        raise refusal(
            "__all__", Reason("MED-11", _("Start eerst het bemiddelingsproces. (MED-06)"))
        )
    if data.kind not in m.TrainingKind.values:
        raise ValidationError({"kind": [_("Kies: eigen opleiding of opleiding aanvragen.")]})
    if not data.title.strip():
        raise ValidationError({"title": [_("Geef de opleiding.")]})
    refused = process_rules.own_training_refusal(
        is_bvs=data.is_bvs and data.kind == m.TrainingKind.OWN,
        code=data.code,
        ruleset=ruleset_of(service),
    )
    if refused:
        raise refusal("code", refused)
    if data.kind == m.TrainingKind.REQUESTED and not (
        data.organiser.strip() and "@" in data.organiser_email
    ):
        raise ValidationError(
            {
                "organiser_email": [
                    _("Geef de organisator en het e-mailadres van de contactpersoon. (MED-11)")
                ]
            }
        )
    training = m.TrainingRegistration(
        service=service,
        kind=data.kind,
        title=data.title.strip(),
        code=data.code.strip(),
        is_bvs=data.is_bvs and data.kind == m.TrainingKind.OWN,
        organiser=data.organiser.strip()
        or (service.trajectory.organisation.name if data.kind == m.TrainingKind.OWN else ""),
        organiser_email=data.organiser_email.strip(),
        organiser_is_vdab=data.organiser_is_vdab and data.kind == m.TrainingKind.REQUESTED,
        work_point=data.work_point.strip() or _("competentieversterking"),
        summary=data.summary.strip(),
        starts_on=data.starts_on,
        started=data.kind == m.TrainingKind.OWN,
        created_by=acting_user,
    )
    save_with_user(training, acting_user)
    if data.kind == m.TrainingKind.REQUESTED:
        organisation = service.trajectory.organisation
        mail_queue(
            kind="mediation.training_request",
            organisation=organisation,
            sender=organisation.email,
            to=[training.organiser_email],
            subject=_("Aanvraag opleiding %(code)s") % {"code": training.code},
            body=_(
                "%(partner)s vraagt de opleiding %(title)s (%(code)s) aan voor een deelnemer in "
                "intensieve bemiddeling. Wij nemen contact op om de startvoorwaarden te bespreken."
            )
            % {
                "partner": organisation.working_name or organisation.name,
                "title": training.title,
                "code": training.code,
            },
        )
    return training


def _lock_training(training) -> m.TrainingRegistration:
    # A cancel and a progress posted for one training at once: the second waits and sees the
    # first (a started training can no longer be cancelled, a cancelled one not progressed).
    return m.TrainingRegistration.objects.select_for_update().get(pk=training.pk)


@transaction.atomic
def training_cancel(*, training: m.TrainingRegistration, acting_user: User, now: datetime):
    training = _lock_training(training)
    require_open(lock_service(training.service))
    if training.cancelled_at:
        return training
    refused = process_rules.training_cancel_refusal(
        requested=training.kind == m.TrainingKind.REQUESTED,
        organiser_is_vdab=training.organiser_is_vdab,
        started=training.started,
    )
    if refused:
        raise refusal("__all__", refused)
    training.cancelled_at = now
    save_with_user(training, acting_user)
    return training


@transaction.atomic
def training_progress(
    *,
    training: m.TrainingRegistration,
    acting_user: User,
    started: bool | None = None,
    competences_updated_on: date | None = None,
):
    """The organiser records the start; after a training the competences are updated (MED-11)."""
    training = _lock_training(training)
    require_open(lock_service(training.service))
    if training.cancelled_at:
        raise refusal("__all__", Reason("MED-11", _("Deze aanvraag is geannuleerd.")))
    if started is not None:
        training.started = started or training.started
    if competences_updated_on is not None:
        training.competences_updated_on = competences_updated_on
    save_with_user(training, acting_user)
    return training


@transaction.atomic
def followup_contact_record(
    *,
    service: m.MediationService,
    on: date,
    reason: str,
    projectopvolger: str,
    note: str,
    acting_user: User,
) -> m.ProjectFollowUpContact:
    """MED-12: on onttering or early termination the partner contacts the projectopvolger."""
    service = lock_service(service)
    require_open(service)
    if reason not in m.FollowUpReason.values:
        raise ValidationError({"reason": [_("Kies een reden.")]})
    if not projectopvolger.strip():
        raise ValidationError({"projectopvolger": [_("Met welke projectopvolger? (MED-12)")]})
    return m.ProjectFollowUpContact.objects.create(
        service=service,
        on=on,
        reason=reason,
        projectopvolger=projectopvolger.strip(),
        note=note.strip(),
        recorded_by=acting_user,
    )
