"""Coach administration (BIL-05, BIL-06): starting and ending a location, passing a change on
to VDAB, recording a received development plan."""

from datetime import date

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone

from koers.billing.models import (
    ChangeKind,
    CoachLocation,
    DevelopmentPlan,
    LocationChange,
    PlanTemplate,
)
from koers.billing.rules import coaches as rules
from koers.billing.selectors.ruleset import billing_ruleset
from koers.core.history import save_with_user
from koers.core.models import Location, Organisation, Role, User
from koers.lib.refusals import refusal
from koers.lib.rules import Reason
from koers.trajectories.services import document_validate_upload


def _coach_centres(coach: User) -> list[int]:
    return coach.organisation_ids(Role.COACH)


def _is_staff(user: User, centre_id: int) -> bool:
    return user.is_administrator or centre_id in user.organisation_ids(Role.CENTRE_STAFF)


def _refuse_actor(acting_user: User, coach: User, centre_id: int, *, staff_only: bool) -> None:
    why = rules.actor_refusal(
        is_the_coach=acting_user.pk == coach.pk,
        is_centre_staff=_is_staff(acting_user, centre_id),
        staff_only=staff_only,
    )
    if why:
        raise refusal("__all__", why)


def _lock_coach(coach: User) -> User:
    # Two starts (or two receipts) for the same coach at once would each judge against the
    # other's absence: the lock on the coach's row makes the second wait and see the first.
    return User.objects.select_for_update().get(pk=coach.pk)


def _centre_for(coach: User, location: Location | None, centre: Organisation | None) -> int:
    centres = _coach_centres(coach)
    if location is not None:
        centre_id = location.organisation_id
    elif centre is not None:
        centre_id = centre.pk
    elif len(centres) == 1:
        centre_id = centres[0]
    else:
        raise refusal(
            "location",
            Reason("BIL-05", "Kies een locatie van het centrum waarvoor de coach werkt."),
        )
    if centre_id not in centres:
        raise refusal(
            "location", Reason("BIL-05", "De coach werkt niet voor het centrum van deze locatie.")
        )
    return centre_id


@transaction.atomic
def coach_location_start(
    *,
    coach: User,
    started_on: date,
    acting_user: User,
    location: Location | None = None,
    location_name: str = "",
    centre: Organisation | None = None,
) -> CoachLocation:
    """BIL-05: the coach (or centre staff for them) records a new location; staff see it as a
    change to pass on to VDAB."""
    location_name = "" if location is not None else location_name.strip()
    if location is None and not location_name:
        raise refusal(
            "location", Reason("BIL-05", "Kies een locatie van het centrum of geef een naam.")
        )
    centre_id = _centre_for(coach, location, centre)
    _refuse_actor(acting_user, coach, centre_id, staff_only=False)
    _lock_coach(coach)
    new = CoachLocation(
        coach=coach,
        centre_id=centre_id,
        location=location,
        location_name=location_name,
        started_on=started_on,
        reported_on=timezone.localdate(),
    )
    existing = [x.as_rule() for x in CoachLocation.objects.filter(coach=coach)]
    why = rules.location_refusal(new.as_rule(), existing, timezone.localdate())
    if why:
        raise refusal("started_on", why)
    save_with_user(new, acting_user)
    save_with_user(
        LocationChange(coach_location=new, kind=ChangeKind.STARTED, on=started_on), acting_user
    )
    return new


@transaction.atomic
def coach_location_end(
    *, coach_location: CoachLocation, ended_on: date, acting_user: User
) -> CoachLocation:
    """BIL-05: the coach no longer works at a location after `ended_on`; a change for VDAB."""
    # Two ends at once would both find it open and record two end changes.
    locked = (
        CoachLocation.objects.select_for_update(of=("self",))
        .select_related("location", "coach")
        .get(pk=coach_location.pk)
    )
    _refuse_actor(acting_user, locked.coach, locked.centre_id, staff_only=False)
    why = rules.location_end_refusal(locked.as_rule(), ended_on)
    if why:
        raise refusal("ended_on", why)
    locked.ended_on = ended_on
    save_with_user(locked, acting_user, update_fields=["ended_on"])
    save_with_user(
        LocationChange(coach_location=locked, kind=ChangeKind.ENDED, on=ended_on), acting_user
    )
    return locked


@transaction.atomic
def location_change_passed_on(*, change: LocationChange, acting_user: User) -> LocationChange:
    """BIL-05: centre staff record that they passed a location change on to VDAB."""
    # Two staff clicking at once would both record themselves as the one who passed it on.
    locked = (
        LocationChange.objects.select_for_update(of=("self",))
        .select_related("coach_location__coach")
        .get(pk=change.pk)
    )
    where = locked.coach_location
    _refuse_actor(acting_user, where.coach, where.centre_id, staff_only=True)
    why = rules.pass_on_refusal(locked.passed_on_at is not None)
    if why:
        raise refusal("__all__", why)
    locked.passed_on_at = timezone.now()
    locked.passed_on_by = acting_user
    save_with_user(locked, acting_user, update_fields=["passed_on_at", "passed_on_by"])
    return locked


@transaction.atomic
def development_plan_receive(
    *,
    coach: User,
    year: int,
    received_on: date,
    acting_user: User,
    note: str = "",
    file: UploadedFile | None = None,
    centre: Organisation | None = None,
) -> DevelopmentPlan:
    """BIL-06: centre staff record the coach's plan of `year` as received; the template it was
    due on (first time or returning) is the rule's decision, kept with it."""
    centre_id = _centre_for(coach, None, centre)
    _refuse_actor(acting_user, coach, centre_id, staff_only=True)
    content_type = document_validate_upload(file) if file else ""
    _lock_coach(coach)
    plans = [
        rules.DevelopmentPlan(p.year, p.received_on)
        for p in DevelopmentPlan.objects.filter(coach=coach)
    ]
    today = timezone.localdate()
    why = rules.plan_receipt_refusal(year, received_on, plans, today)
    if why:
        raise refusal("received_on", why)
    status = rules.plan_status(year, plans, today, billing_ruleset(today))
    plan = DevelopmentPlan(
        coach=coach,
        centre_id=centre_id,
        year=year,
        template=PlanTemplate(status.template),
        received_on=received_on,
        received_by=acting_user,
        note=note,
        content_type=content_type,
    )
    if file:
        plan.file.save(file.name, file, save=False)
    return save_with_user(plan, acting_user)
