"""Contacts: the core's checks (open trajectory, choices, duration, no overlaps), then the
programme's own, then the write."""

from collections.abc import Callable
from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from koers.core.history import save_with_user
from koers.core.models import User
from koers.trajectories import rules, selectors
from koers.trajectories.contact_fields import ContactData
from koers.trajectories.models import Contact, ContactForm, ContactOutcome, Trajectory

MAX_CONTACT_MINUTES = rules.MAX_CONTACT_MINUTES

# Programme rules for contacts (e.g. vouchers count in 30-minute blocks); they raise ValidationError.
# They get the contact being changed (None for a new one) so they can tell what it is.
ContactCheck = Callable[[Trajectory, ContactData, Contact | None], None]
_PROGRAMME_CONTACT_CHECKS: dict[str, ContactCheck] = {}


def register_programme_contact_check(programme: str, check: ContactCheck) -> None:
    _PROGRAMME_CONTACT_CHECKS[programme] = check


def _field_errors(trajectory: Trajectory, data: ContactData, now: datetime) -> dict:
    errors: dict[str, list[str]] = {}
    if not trajectory.is_open:
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
    return errors


def _slot_text(slot: rules.Slot) -> dict[str, str]:
    start = timezone.localtime(slot.starts_at)
    end = timezone.localtime(slot.ends_at)
    return {"time": f"{start:%d/%m/%Y %H:%M}–{end:%H:%M}"}


def _refuse_overlaps(
    trajectory: Trajectory,
    staff: User,
    data: ContactData,
    exclude_pk: int | None,
    allow_staff_overlap: bool,
) -> None:
    if data.outcome not in selectors.BUSY_OUTCOMES:
        return
    slot = rules.Slot(data.starts_at, data.duration_minutes)
    busy = selectors.busy_slots(slot, exclude_pk=exclude_pk, client_id=trajectory.client_id)
    clash = rules.first_overlap(slot, busy)
    if clash:
        message = _("Deze cliënt heeft op dat moment al een contact (%(time)s).")
        raise ValidationError({"starts_at": [message % _slot_text(clash)]})
    # A group session puts one contact per participant in the coach's agenda at the same time.
    if allow_staff_overlap:
        return
    clash = rules.first_overlap(
        slot, selectors.busy_slots(slot, exclude_pk=exclude_pk, staff=staff)
    )
    if clash:
        message = _("U heeft op dat moment al een ander contact (%(time)s).")
        raise ValidationError({"starts_at": [message % _slot_text(clash)]})


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
    errors = _field_errors(trajectory, data, now)
    if errors:
        raise ValidationError(errors)
    check = _PROGRAMME_CONTACT_CHECKS.get(trajectory.programme)
    if check and not programme_checked:
        check(trajectory, data, selectors.contact_or_none(exclude_pk))
    _refuse_overlaps(trajectory, staff, data, exclude_pk, allow_staff_overlap)


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
    # Two contacts logged at once for the same trajectory would each miss the other in the
    # overlap check, and a status change at the same time would let one in after the closing.
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
    contact = Contact(trajectory=trajectory, staff=staff, **data.values())
    contact.absence_reason = data.absence_reason.strip()
    return save_with_user(contact, acting_user)


@transaction.atomic
def contact_update(*, contact: Contact, data: ContactData, acting_user: User) -> Contact:
    # Two edits of the same contact at once: the second is checked against what the first saved.
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
    for name, value in data.values().items():
        setattr(contact, name, value)
    return save_with_user(contact, acting_user)
