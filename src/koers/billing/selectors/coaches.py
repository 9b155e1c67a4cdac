"""Coach administration pages and lists (BIL-05, BIL-06): every list starts from `visible_to`;
each page reads a fixed number of queries, whatever the number of coaches or locations."""

from dataclasses import dataclass, field
from datetime import date

from django.core.paginator import Page, Paginator
from django.db.models import Prefetch, QuerySet
from django.http import Http404

from koers.billing.models import CoachLocation, DevelopmentPlan, LocationChange
from koers.billing.rules import coaches as rules
from koers.billing.selectors.ruleset import billing_ruleset
from koers.core.models import Location, Role, User
from koers.lib.rules import Reason

PER_PAGE = 25


@dataclass
class ChangeRow:
    change: LocationChange
    message: str


@dataclass
class CoachRow:
    coach: User
    current: list[CoachLocation] = field(default_factory=list)
    ended: list[CoachLocation] = field(default_factory=list)
    to_pass_on: list[ChangeRow] = field(default_factory=list)
    plan: rules.PlanStatus | None = None
    plan_row: DevelopmentPlan | None = None

    @property
    def template_is_first_time(self) -> bool:
        return self.plan is not None and self.plan.template == rules.FIRST_TIME


def change_message(change: LocationChange) -> Reason:
    """The rule's sentence for one start or end, as staff pass it on to VDAB."""
    where = change.coach_location.as_rule()
    if change.is_start:
        start_only = rules.CoachLocation(where.location, where.started_on)
        return rules.location_changes([start_only], since=change.on)[0]
    return rules.location_changes([where], since=change.on)[-1]


def coaches_visible_to(user: User) -> QuerySet[User]:
    """The coaches of the centres where `user` is staff (every coach, for an administrator)."""
    coaches = User.objects.filter(
        is_active=True, memberships__role=Role.COACH, memberships__is_active=True
    )
    if not user.is_administrator:
        coaches = coaches.filter(
            memberships__organisation_id__in=user.organisation_ids(Role.CENTRE_STAFF)
        )
    return coaches.distinct().order_by("first_name", "last_name", "pk")


def coach_get(*, user: User, pk: int) -> User:
    coach = coaches_visible_to(user).filter(pk=pk).first()
    if coach is None:
        raise Http404
    return coach


def locations_visible(user: User) -> QuerySet[CoachLocation]:
    return (
        CoachLocation.objects.visible_to(user)
        .select_related("coach", "location")
        .order_by("coach_id", "started_on", "pk")
    )


def location_get(*, user: User, pk: int) -> CoachLocation:
    found = locations_visible(user).filter(pk=pk).first()
    if found is None:
        raise Http404
    return found


def changes_visible(user: User, *, open_only: bool = False) -> QuerySet[LocationChange]:
    changes = LocationChange.objects.visible_to(user).select_related(
        "coach_location__location", "coach_location__coach"
    )
    if open_only:
        changes = changes.filter(passed_on_at__isnull=True)
    return changes.order_by("on", "pk")


def change_get(*, user: User, pk: int) -> LocationChange:
    found = changes_visible(user).filter(pk=pk).first()
    if found is None:
        raise Http404
    return found


def plans_visible(user: User) -> QuerySet[DevelopmentPlan]:
    return DevelopmentPlan.objects.visible_to(user).select_related("coach").order_by("-year", "pk")


def plan_get(*, user: User, pk: int) -> DevelopmentPlan:
    found = plans_visible(user).filter(pk=pk).first()
    if found is None:
        raise Http404
    return found


def _rows(user: User, coaches: list[User], today: date) -> list[CoachRow]:
    """Three queries for any number of coaches: their locations with changes, and their plans."""
    ids = [c.pk for c in coaches]
    locations = (
        CoachLocation.objects.visible_to(user)
        .filter(coach_id__in=ids)
        .select_related("location")
        .prefetch_related(Prefetch("changes", queryset=LocationChange.objects.order_by("on")))
    )
    plans = DevelopmentPlan.objects.visible_to(user).filter(coach_id__in=ids)
    rows = {c.pk: CoachRow(coach=c) for c in coaches}
    history: dict[int, list[rules.DevelopmentPlan]] = {pk: [] for pk in ids}
    for x in locations:
        row = rows[x.coach_id]
        (row.current if x.as_rule().covers(today) or x.started_on > today else row.ended).append(x)
        for change in x.changes.all():
            change.coach_location = x
            if not change.is_passed_on:
                row.to_pass_on.append(ChangeRow(change, change_message(change).message))
    for p in plans:
        history[p.coach_id].append(rules.DevelopmentPlan(p.year, p.received_on))
        if p.year == today.year:
            rows[p.coach_id].plan_row = p
    ruleset = billing_ruleset(today)
    for pk, row in rows.items():
        row.plan = rules.plan_status(today.year, history[pk], today, ruleset)
        row.to_pass_on.sort(key=lambda r: (r.change.on, r.change.pk))
    return [rows[pk] for pk in ids]


@dataclass
class CoachesPage:
    page: Page
    rows: list[CoachRow]
    open_changes: int
    plans_late: int
    year: int

    def context(self) -> dict:
        return {
            "page": self.page,
            "rows": self.rows,
            "open_changes": self.open_changes,
            "plans_late": self.plans_late,
            "year": self.year,
        }


def coaches_page(*, user: User, page_number, today: date) -> CoachesPage:
    """/facturatie/coaches/: per coach the current locations, the changes to pass on to VDAB and
    this year's development plan."""
    page = Paginator(coaches_visible_to(user), PER_PAGE).get_page(page_number)
    rows = _rows(user, list(page.object_list), today)
    return CoachesPage(
        page=page,
        rows=rows,
        open_changes=changes_visible(user, open_only=True).count(),
        plans_late=sum(1 for r in rows if r.plan.late),
        year=today.year,
    )


@dataclass
class MyDetailsPage:
    row: CoachRow
    year: int
    centre_locations: QuerySet[Location]

    def context(self) -> dict:
        return {"row": self.row, "year": self.year}


def my_details_page(*, user: User, today: date) -> MyDetailsPage:
    """/facturatie/mijn-gegevens/: the coach's own locations and this year's plan."""
    (row,) = _rows(user, [user], today)
    return MyDetailsPage(row=row, year=today.year, centre_locations=centre_locations(user))


def centre_locations(coach: User) -> QuerySet[Location]:
    """The locations of the centres the coach works for, to choose from."""
    return Location.objects.filter(organisation_id__in=coach.organisation_ids(Role.COACH))


def plan_status_of(*, user: User, coach: User, today: date) -> dict:
    """BIL-06: this year's plan of `coach`, as `user` may see it."""
    plans = DevelopmentPlan.objects.visible_to(user).filter(coach=coach)
    history = [rules.DevelopmentPlan(p.year, p.received_on) for p in plans]
    status = rules.plan_status(today.year, history, today, billing_ruleset(today))
    return {
        "year": status.year,
        "template": status.template,
        "received": status.received,
        "due_on": status.due_on,
        "reminder_due": status.reminder_due,
        "late": status.late,
        "reasons": [{"rule": r.rule, "message": r.message} for r in status.reasons],
    }
