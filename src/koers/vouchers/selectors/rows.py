"""A voucher's contacts as value rows: what the replay (LBC-02..08) and a contact row of a page
read, in one query and without a model instance per contact (issue 14: at 800 contacts the ORM
loading and the prefetches were most of the page's time, the rules under 10 %)."""

from collections.abc import Iterable
from datetime import datetime
from typing import NamedTuple

from django.db.models import Exists, OuterRef

from koers.trajectories.models import (
    Contact,
    ContactForm,
    ContactOutcome,
    Document,
    DocumentKind,
    DocumentStatus,
)
from koers.vouchers.models import IntroductionContact

PROOF_PRESENT = (DocumentStatus.GENERATED, DocumentStatus.SIGNED, DocumentStatus.ORIGINAL_RECEIVED)


class ContactRow(NamedTuple):
    """One contact as the replay reads it; quacks like a `Contact` for what the pages show
    (a tuple: about three times cheaper to make than a frozen dataclass, 800 times a page)."""

    pk: int
    starts_at: datetime
    form: str
    duration_minutes: int
    outcome: str
    is_introduction: bool
    screenshot: bool  # LBC-06: a screenshot document present (generated, signed or received)
    attendance_signed: bool  # LBC-11.3: its own signed attendance original received
    group_ok: bool  # LBC-05: the group session's conditions (True for a contact not in a group)
    group_fed_back: bool  # LBC-05: fed back in an individual session (True when not in a group)

    def get_form_display(self) -> str:
        return str(ContactForm(self.form).label)

    def get_outcome_display(self) -> str:
        return str(ContactOutcome(self.outcome).label)


_FIELDS = (
    "pk",
    "starts_at",
    "form",
    "duration_minutes",
    "outcome",
    "is_intro",
    "group_participation__id",
    "group_participation__free_choice",
    "group_participation__linked_to_question",
    "group_participation__may_stop_and_switch",
    "group_participation__feedback_contact_id",
    "group_participation__session__aims_at_reflection",
    "group_participation__session__part_of_other_service",
)


def contact_rows(trajectory_id: int) -> list[ContactRow]:
    """The trajectory's contacts in time order, as rows (two queries, whatever their number)."""
    return [row for _trajectory, _staff, row in contact_rows_of([trajectory_id])]


def contact_rows_of(trajectory_ids: Iterable[int]) -> list[tuple[int, int | None, ContactRow]]:
    """The contacts of many trajectories as (trajectory id, staff id, row), in time order (so
    in time order within each trajectory); two queries whatever their number (a coach's billing
    hours replay every voucher they held a contact of, issue 14)."""
    trajectory_ids = list(trajectory_ids)
    # The proofs through the trajectory's index, not a subquery per contact: where few
    # documents name a contact, SQLite's statistics make the contact index look useless.
    proofs = Document.objects.filter(
        trajectory_id__in=trajectory_ids,
        contact__isnull=False,
        kind__in=[DocumentKind.SCREENSHOT, DocumentKind.ATTENDANCE],
    ).values_list("contact_id", "kind", "status")
    shots, signed = set(), set()
    for contact_id, kind, status in proofs:
        if kind == DocumentKind.SCREENSHOT and status in PROOF_PRESENT:
            shots.add(contact_id)
        elif kind == DocumentKind.ATTENDANCE and status == DocumentStatus.ORIGINAL_RECEIVED:
            signed.add(contact_id)
    tuples = (
        Contact.objects.filter(trajectory_id__in=trajectory_ids)
        .annotate(is_intro=Exists(IntroductionContact.objects.filter(contact_id=OuterRef("pk"))))
        .order_by("starts_at", "id")
        .values_list("trajectory_id", "staff_id", *_FIELDS)
    )
    return [(t[0], t[1], _row(*t[2:], shot=t[2] in shots, signed=t[2] in signed)) for t in tuples]


def _row(
    pk, starts_at, form, minutes, outcome, is_intro, participation, *group, shot, signed
) -> ContactRow:
    in_group = form == ContactForm.GROUP
    free, linked, may_stop, feedback_id, reflection, other_service = group
    # The same conditions as `summary._group_ok`: a group contact outside a recorded session
    # cannot show LBC-05.
    group_ok = participation is not None and bool(
        reflection and not other_service and free and linked and may_stop
    )
    return ContactRow(
        pk=pk,
        starts_at=starts_at,
        form=form,
        duration_minutes=minutes,
        outcome=outcome,
        is_introduction=bool(is_intro),
        screenshot=bool(shot),
        attendance_signed=bool(signed),
        group_ok=group_ok if in_group else True,
        group_fed_back=(participation is not None and feedback_id is not None)
        if in_group
        else True,
    )
