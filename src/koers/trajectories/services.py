"""Use cases of the trajectory core. Each locks what it changes and saves in one transaction."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from koers.core import permissions
from koers.core.models import Client, Organisation, User
from koers.trajectories import rules
from koers.trajectories.models import (
    Assignment,
    AssignmentStatus,
    Contact,
    ContactForm,
    ContactOutcome,
    Document,
    DocumentKind,
    DocumentStatus,
    Plan,
    PlanKind,
    PlanVersion,
    Programme,
    Trajectory,
    TrajectoryStatus,
)

MAX_CONTACT_MINUTES = 12 * 60
# Contacts that take up time in an agenda; cancelled and rescheduled ones free it again.
_BUSY_OUTCOMES = (ContactOutcome.PLANNED, ContactOutcome.HELD, ContactOutcome.ABSENT)


def _set_history_user(obj, user) -> None:
    obj._history_user = user


def programme_open_check(
    *, acting_user: User | None, organisation: Organisation, programme: str, field="programme"
) -> None:
    """The organisation's mandate decides the programmes, and within it centre staff or the
    programme's own guide open them (`core/rules.py`). Every opening (pages, API, import, lead
    conversion, referral) passes through `trajectory_open`, which calls this.
    `acting_user=None` is the command line."""
    if acting_user is None:
        return
    reason = permissions.programme_refusal(acting_user, organisation, programme)
    if reason is not None:
        raise ValidationError({field: [reason.message]})


@transaction.atomic
def trajectory_open(
    *,
    client: Client,
    programme: str,
    responsible: User,
    organisation: Organisation,
    start_date: date,
    end_date: date | None = None,
    title: str = "",
    acting_user: User,
) -> Trajectory:
    if programme not in Programme.values:
        raise ValidationError({"programme": [_("Kies een programma uit de lijst.")]})
    programme_open_check(acting_user=acting_user, organisation=organisation, programme=programme)
    if not responsible.is_active:
        raise ValidationError({"responsible": [_("Deze medewerker is niet actief.")]})
    if end_date and end_date < start_date:
        raise ValidationError({"end_date": [_("De einddatum ligt vóór de startdatum.")]})
    trajectory = Trajectory(
        client=client,
        programme=programme,
        responsible=responsible,
        organisation=organisation,
        start_date=start_date,
        end_date=end_date,
        title=title.strip(),
        status=TrajectoryStatus.ACTIVE,
    )
    _set_history_user(trajectory, acting_user)
    trajectory.save()
    return trajectory


# Programme apps that need more than a bare trajectory (a voucher number, a referral, ...) register
# how their trajectories are opened; the core stays free of their rules.
_PROGRAMME_OPENERS: dict[str, Callable[..., Trajectory]] = {}


def register_programme_opener(programme: str, opener: Callable[..., Trajectory]) -> None:
    _PROGRAMME_OPENERS[programme] = opener


def programme_open(
    *,
    client: Client,
    programme: str,
    responsible: User,
    organisation: Organisation,
    start_date: date,
    title: str = "",
    acting_user: User,
) -> Trajectory:
    """Open a trajectory the way its programme wants; every entry point (pages, API, import) uses this."""
    if programme in Programme.values:  # before the programme's own checks, named on `programme`
        programme_open_check(
            acting_user=acting_user, organisation=organisation, programme=programme
        )
    opener = _PROGRAMME_OPENERS.get(programme, trajectory_open)
    kwargs = {
        "client": client,
        "responsible": responsible,
        "organisation": organisation,
        "start_date": start_date,
        "title": title,
        "acting_user": acting_user,
    }
    if opener is trajectory_open:
        kwargs["programme"] = programme
    return opener(**kwargs)


# Programmes whose trajectories close through their own step (a voucher: "Cheque afronden", with
# the open dossier points and a reason when it ends early). The generic status change refuses to
# close them, with the programme's sentence saying where it is done.
ClosingDoor = Callable[[Trajectory], str | None]  # the refusal, or None when it may close here
_PROGRAMME_CLOSINGS: dict[str, ClosingDoor] = {}


def register_programme_closing(programme: str, door: ClosingDoor) -> None:
    _PROGRAMME_CLOSINGS[programme] = door


@transaction.atomic
def trajectory_set_status(
    *,
    trajectory: Trajectory,
    status: str,
    acting_user: User,
    on: date | None = None,
    by_programme: bool = False,
) -> Trajectory:
    """The only way a trajectory's status changes; illegal moves are refused. A programme that
    closes its trajectories itself passes `by_programme=True`; anyone else is sent there."""
    trajectory = Trajectory.objects.select_for_update().get(pk=trajectory.pk)
    door = _PROGRAMME_CLOSINGS.get(trajectory.programme)
    if status == TrajectoryStatus.CLOSED and door and not by_programme:
        refusal = door(trajectory)
        if refusal:
            raise ValidationError({"status": [refusal]})
    if not rules.can_transition(trajectory.status, status):
        raise ValidationError(
            {
                "status": [
                    _("Een traject met status “%(current)s” kan niet naar “%(target)s”.")
                    % {
                        "current": trajectory.get_status_display(),
                        "target": TrajectoryStatus(status).label
                        if status in TrajectoryStatus.values
                        else status,
                    }
                ]
            }
        )
    ends_on = on or timezone.localdate()
    if (
        status in (TrajectoryStatus.CLOSED, TrajectoryStatus.CANCELLED)
        and ends_on < trajectory.start_date
    ):
        raise ValidationError({"on": [_("De einddatum ligt vóór de startdatum.")]})
    trajectory.status = status
    if status in (TrajectoryStatus.CLOSED, TrajectoryStatus.CANCELLED):
        trajectory.end_date = ends_on
    _set_history_user(trajectory, acting_user)
    trajectory.save()
    return trajectory


@dataclass
class ContactData:
    starts_at: datetime
    duration_minutes: int
    form: str = ContactForm.INDIVIDUAL
    place: str = ""
    outcome: str = ContactOutcome.PLANNED
    absence_reason: str = ""
    notes: str = ""


def _busy_slots(contacts) -> list[rules.Slot]:
    return [rules.Slot(c.starts_at, c.duration_minutes) for c in contacts]


# Programme rules for contacts (e.g. vouchers count in 30-minute blocks); they raise ValidationError.
# They get the contact being changed (None for a new one) so they can tell what it is.
ContactCheck = Callable[[Trajectory, "ContactData", Contact | None], None]
_PROGRAMME_CONTACT_CHECKS: dict[str, ContactCheck] = {}


def register_programme_contact_check(programme: str, check: ContactCheck) -> None:
    _PROGRAMME_CONTACT_CHECKS[programme] = check


def contact_validate(
    *,
    trajectory: Trajectory,
    staff: User,
    data: ContactData,
    now: datetime,
    exclude_pk: int | None = None,
    allow_staff_overlap: bool = False,
    programme_checked: bool = False,
) -> None:
    """The core's checks, then the programme's own (unless its service already ran them)."""
    errors: dict[str, list[str]] = {}
    if trajectory.status not in rules.OPEN_STATUSES:
        errors["__all__"] = [_("Dit traject is afgesloten: er kunnen geen contacten meer bij.")]
    if data.form not in ContactForm.values:
        errors["form"] = [_("Kies een vorm uit de lijst.")]
    if data.outcome not in ContactOutcome.values:
        errors["outcome"] = [_("Kies een uitkomst uit de lijst.")]
    if data.duration_minutes is None or data.duration_minutes <= 0:
        errors["duration_minutes"] = [_("De duur moet groter zijn dan 0 minuten.")]
    elif data.duration_minutes > MAX_CONTACT_MINUTES:
        errors["duration_minutes"] = [_("Een contact duurt hoogstens 12 uur.")]
    if data.outcome == ContactOutcome.HELD and data.starts_at > now:
        errors["starts_at"] = [
            _("Een contact in de toekomst kan nog niet als gehouden geregistreerd worden.")
        ]
    if data.outcome == ContactOutcome.ABSENT and not data.absence_reason.strip():
        errors["absence_reason"] = [_("Geef de reden van afwezigheid op (of “geen reden”).")]
    if data.starts_at.date() < trajectory.start_date:
        errors["starts_at"] = [
            _("Het contact ligt vóór de start van het traject (%(date)s).")
            % {"date": date_format(trajectory.start_date, "SHORT_DATE_FORMAT")}
        ]
    if errors:
        raise ValidationError(errors)
    check = _PROGRAMME_CONTACT_CHECKS.get(trajectory.programme)
    if check and not programme_checked:
        existing = Contact.objects.filter(pk=exclude_pk).first() if exclude_pk else None
        check(trajectory, data, existing)
    if data.outcome not in _BUSY_OUTCOMES:
        return
    slot = rules.Slot(data.starts_at, data.duration_minutes)
    window = (data.starts_at - timedelta(minutes=MAX_CONTACT_MINUTES), slot.ends_at)
    nearby = Contact.objects.filter(starts_at__range=window, outcome__in=_BUSY_OUTCOMES).exclude(
        pk=exclude_pk
    )
    clash = rules.first_overlap(
        slot, _busy_slots(nearby.filter(trajectory__client_id=trajectory.client_id))
    )
    if clash:
        raise ValidationError(
            {
                "starts_at": [
                    _("Deze cliënt heeft op dat moment al een contact (%(time)s).")
                    % _slot_text(clash)
                ]
            }
        )
    # A group session puts one contact per participant in the coach's agenda at the same time.
    clash = (
        None
        if allow_staff_overlap
        else rules.first_overlap(slot, _busy_slots(nearby.filter(staff=staff)))
    )
    if clash:
        raise ValidationError(
            {
                "starts_at": [
                    _("U heeft op dat moment al een ander contact (%(time)s).") % _slot_text(clash)
                ]
            }
        )


def _slot_text(slot: rules.Slot) -> dict[str, str]:
    start = timezone.localtime(slot.starts_at)
    end = timezone.localtime(slot.ends_at)
    return {"time": f"{start:%d/%m/%Y %H:%M}–{end:%H:%M}"}


@transaction.atomic
def contact_log(
    *,
    trajectory: Trajectory,
    data: ContactData,
    acting_user: User,
    staff: User | None = None,
    allow_staff_overlap: bool = False,
    programme_checked: bool = False,
) -> Contact:
    trajectory = Trajectory.objects.select_for_update().get(pk=trajectory.pk)
    staff = staff or acting_user
    contact_validate(
        trajectory=trajectory,
        staff=staff,
        data=data,
        now=timezone.now(),
        allow_staff_overlap=allow_staff_overlap,
        programme_checked=programme_checked,
    )
    contact = Contact(trajectory=trajectory, staff=staff, **data.__dict__)
    contact.absence_reason = data.absence_reason.strip()
    _set_history_user(contact, acting_user)
    contact.save()
    return contact


@transaction.atomic
def contact_update(*, contact: Contact, data: ContactData, acting_user: User) -> Contact:
    contact = (
        Contact.objects.select_for_update(of=("self",))
        .select_related("trajectory")
        .get(pk=contact.pk)
    )
    contact_validate(
        trajectory=contact.trajectory,
        staff=contact.staff,
        data=data,
        now=timezone.now(),
        exclude_pk=contact.pk,
    )
    for name, value in data.__dict__.items():
        setattr(contact, name, value)
    _set_history_user(contact, acting_user)
    contact.save()
    return contact


@dataclass
class AssignmentData:
    title: str
    description: str = ""
    deadline: date | None = None
    status: str = AssignmentStatus.OPEN
    evaluation: str = ""


def _assignment_validate(data: AssignmentData, trajectory: Trajectory) -> None:
    errors: dict[str, list[str]] = {}
    if not data.title.strip():
        errors["title"] = [_("Geef de opdracht een titel.")]
    if data.status not in AssignmentStatus.values:
        errors["status"] = [_("Kies een status uit de lijst.")]
    if data.deadline and data.deadline < trajectory.start_date:
        errors["deadline"] = [_("De deadline ligt vóór de start van het traject.")]
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def assignment_create(
    *, trajectory: Trajectory, data: AssignmentData, acting_user: User
) -> Assignment:
    _assignment_validate(data, trajectory)
    assignment = Assignment(trajectory=trajectory, created_by=acting_user, **data.__dict__)
    _set_history_user(assignment, acting_user)
    assignment.save()
    return assignment


@transaction.atomic
def assignment_update(
    *, assignment: Assignment, data: AssignmentData, acting_user: User
) -> Assignment:
    assignment = (
        Assignment.objects.select_for_update(of=("self",))
        .select_related("trajectory")
        .get(pk=assignment.pk)
    )
    _assignment_validate(data, assignment.trajectory)
    for name, value in data.__dict__.items():
        setattr(assignment, name, value)
    _set_history_user(assignment, acting_user)
    assignment.save()
    return assignment


# Programme rules for a plan's content (e.g. a voucher's POP has one shape, LBC-12); they raise
# ValidationError. Every write of a plan version passes them, whichever page or API wrote it.
PlanCheck = Callable[[Trajectory, str, dict], None]
_PROGRAMME_PLAN_CHECKS: dict[str, PlanCheck] = {}


def register_programme_plan_check(programme: str, check: PlanCheck) -> None:
    _PROGRAMME_PLAN_CHECKS[programme] = check


def _programme_plan_check(trajectory: Trajectory, kind: str, content: dict) -> None:
    check = _PROGRAMME_PLAN_CHECKS.get(trajectory.programme)
    if check:
        check(trajectory, kind, content)


@transaction.atomic
def plan_create(
    *, trajectory: Trajectory, kind: str, title: str, content: dict, acting_user: User
) -> Plan:
    if kind not in PlanKind.values:
        raise ValidationError({"kind": [_("Kies een soort plan uit de lijst.")]})
    if not title.strip():
        raise ValidationError({"title": [_("Geef het plan een titel.")]})
    _programme_plan_check(trajectory, kind, content)
    plan = Plan(trajectory=trajectory, kind=kind, title=title.strip())
    _set_history_user(plan, acting_user)
    plan.save()
    PlanVersion.objects.create(plan=plan, number=1, content=content, author=acting_user)
    return plan


@transaction.atomic
def plan_save_version(
    *, plan: Plan, content: dict, acting_user: User | None, by_client: bool = False
) -> PlanVersion:
    """Add a new version; earlier versions are never changed. A finalised plan is read-only."""
    plan = Plan.objects.select_for_update().get(pk=plan.pk)
    if plan.finalised_at:
        raise ValidationError(
            {"__all__": [_("Dit plan is gefinaliseerd en kan niet meer gewijzigd worden.")]}
        )
    _programme_plan_check(plan.trajectory, plan.kind, content)
    latest = plan.versions.aggregate(n=Max("number"))["n"] or 0
    if latest and plan.versions.get(number=latest).content == content:
        return plan.versions.get(number=latest)
    return PlanVersion.objects.create(
        plan=plan,
        number=latest + 1,
        content=content,
        author=acting_user,
        author_is_client=by_client,
    )


def _sniff_upload(upload: UploadedFile) -> str:
    """The file's real type, read from its content (never trust the name or the browser)."""
    head = upload.read(8192)
    upload.seek(0)
    kind = filetype.guess(head)
    mime = kind.mime if kind else ""
    if mime == "application/zip" and upload.name.lower().endswith(".docx"):
        mime = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    return mime


def document_validate_upload(upload: UploadedFile) -> str:
    max_bytes = settings.KOERS_UPLOAD_MAX_BYTES
    if upload.size > max_bytes:
        raise ValidationError(
            {
                "file": [
                    _("Het bestand is te groot (maximum %(mb)d MB).")
                    % {"mb": max_bytes // (1024 * 1024)}
                ]
            }
        )
    if upload.size == 0:
        raise ValidationError({"file": [_("Het bestand is leeg.")]})
    mime = _sniff_upload(upload)
    if mime not in settings.KOERS_UPLOAD_TYPES:
        raise ValidationError(
            {"file": [_("Dit bestandstype is niet toegelaten. Kies een PDF, PNG, JPEG of DOCX.")]}
        )
    return mime


@transaction.atomic
def document_add(
    *,
    trajectory: Trajectory,
    kind: str,
    title: str,
    acting_user: User,
    upload: UploadedFile | None = None,
    status: str | None = None,
    contact: Contact | None = None,
) -> Document:
    if kind not in DocumentKind.values:
        raise ValidationError({"kind": [_("Kies een soort document uit de lijst.")]})
    if contact is not None and contact.trajectory_id != trajectory.pk:
        raise ValidationError({"contact": [_("Dit contact hoort niet bij dit traject.")]})
    document = Document(
        trajectory=trajectory,
        kind=kind,
        title=title.strip() or DocumentKind(kind).label,
        contact=contact,
        uploaded_by=acting_user,
    )
    if upload is not None:
        document.content_type = document_validate_upload(upload)
        document.original_filename = upload.name[:255]
        document.size_bytes = upload.size
        document.file = upload
        document.status = status or DocumentStatus.SIGNED
    else:
        document.status = status or DocumentStatus.MISSING
    if document.status not in DocumentStatus.values:
        raise ValidationError({"status": [_("Kies een status uit de lijst.")]})
    _set_history_user(document, acting_user)
    document.save()
    return document


@transaction.atomic
def document_set_status(*, document: Document, status: str, acting_user: User) -> Document:
    if status not in DocumentStatus.values:
        raise ValidationError({"status": [_("Kies een status uit de lijst.")]})
    document = Document.objects.select_for_update().get(pk=document.pk)
    document.status = status
    _set_history_user(document, acting_user)
    document.save()
    return document


@transaction.atomic
def client_register_with_trajectory(
    *,
    organisation: Organisation,
    data,
    programme: str,
    responsible: User,
    acting_user: User,
    start_date: date | None = None,
) -> tuple[Client, Trajectory]:
    """A coach registers a new client and opens their first trajectory, all or nothing.

    A coach only sees clients through their trajectories; without one the new client would vanish
    from their list the moment it is saved.
    """
    from koers.core.services import client_create, client_validate

    # Report the programme and the client's own errors together, so the form shows them all.
    errors: dict[str, list[str]] = {}
    if programme not in Programme.values:
        errors["programme"] = [_("Kies het programma van het traject.")]
    try:
        client_validate(data, today=timezone.localdate())
    except ValidationError as exc:
        errors.update(exc.message_dict)
    if errors:
        raise ValidationError(errors)
    client = client_create(organisation=organisation, data=data, acting_user=acting_user)
    trajectory = programme_open(
        client=client,
        programme=programme,
        responsible=responsible,
        organisation=organisation,
        start_date=start_date or timezone.localdate(),
        acting_user=acting_user,
    )
    return client, trajectory
