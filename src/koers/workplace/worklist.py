"""The dashboards' work lists (issue 16): "what needs me now", per role, each item with its
deadline, the rule behind it and one link to act.

A work list is made of sources. A source reads one kind of work from its programme's selectors
(vouchers, mediation, transition, billing, intake), starting from what the user may see, and
answers a page of it: `(items, count)`. The dashboard shows the first few items of each source
that applies to the user's roles and links its figure to `/werklijst/<key>/`, which pages through
the same source: the figure and the list behind it are one query. Every source is a fixed number
of queries, whatever the number of rows.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.urls import reverse
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from koers.core import selectors as core_selectors
from koers.core.models import GUIDING_ROLES, Organisation, Role, User
from koers.intake.selectors import worklist as intake_work
from koers.mediation.selectors import worklist as mediation_work
from koers.trajectories.models import Assignment, AssignmentStatus
from koers.transition.selectors.followup import followups_page
from koers.vouchers.selectors import worklist as voucher_work

ASSIGNMENT_DAYS = 7  # assignments due within a week show beside the late ones


@dataclass(frozen=True)
class WorkItem:
    what: str  # what to do, in the user's words
    who: str  # the client (or lead) it is about
    url: str  # one click to act
    due: date | None = None
    rule: str = ""
    detail: str = ""  # e.g. the coach, for centre staff
    late: bool = False  # late already, whatever the day (a 24-hour clock that ran out today)

    def state(self, today: date) -> str:
        """late | soon | later: the badge the item gets."""
        if self.late:
            return "late"
        if self.due is None:
            return "later"
        if self.due < today:
            return "late"
        return "soon" if self.due <= today + timedelta(days=7) else "later"


@dataclass(frozen=True)
class Moment:
    user: User
    today: date
    now: datetime


Page = tuple[list[WorkItem], int]


@dataclass(frozen=True)
class Source:
    key: str  # the address of its full list: /werklijst/<key>/
    title: Promise  # lazy: translated when shown
    rule: str
    empty: Promise
    applies: Callable[[User], bool]
    read: Callable[[Moment, int, int], Page]  # (moment, offset, limit)


def _sliced(queryset, offset: int, limit: int, item: Callable) -> Page:
    rows = list(queryset[offset : offset + limit])
    # A short first page is the whole list: no COUNT needed.
    count = len(rows) if offset == 0 and len(rows) < limit else queryset.count()
    return [item(row) for row in rows], count


def _is_coach(user: User) -> bool:
    return Role.COACH in user.roles


def _is_staff(user: User) -> bool:
    return user.is_administrator or user.is_centre_staff


def _organisations(user: User) -> list[Organisation]:
    ids = core_selectors.staff_organisation_ids(user)
    orgs = Organisation.objects.only("pk", "stalled_after_days")
    return (
        list(orgs if ids is None else orgs.filter(pk__in=ids))
        if _is_staff(user)
        else list(orgs.filter(pk__in=user.organisation_ids(Role.COACH)))
    )


def _assignments(m: Moment, offset: int, limit: int) -> Page:
    due = (
        Assignment.objects.visible_to(m.user)
        .filter(
            trajectory__responsible=m.user,
            status=AssignmentStatus.OPEN,
            deadline__lte=m.today + timedelta(days=ASSIGNMENT_DAYS),
        )
        .select_related("trajectory__client")
        .order_by("deadline", "pk")
    )
    return _sliced(
        due,
        offset,
        limit,
        lambda a: WorkItem(
            a.title,
            a.trajectory.client.full_name,
            reverse("assignment_update", args=[a.pk]),
            a.deadline,
            "LBC-17",
        ),
    )


def _evaluations(m: Moment, offset: int, limit: int) -> Page:
    def item(voucher) -> WorkItem:
        if voucher.evaluation_invited_on is None:
            what = _("Evaluatie: uitnodiging sturen")
        else:
            what = _("Evaluatie nog niet terug")
        return WorkItem(
            str(what),
            voucher.client.full_name,
            reverse("voucher_detail", args=[voucher.pk]),
            voucher.trajectory.end_date,
            "LBC-15",
        )

    return _sliced(
        voucher_work.evaluations_out(m.user, mine=not _is_staff(m.user)), offset, limit, item
    )


def _aftercare(m: Moment, offset: int, limit: int) -> Page:
    closing = voucher_work.aftercare_closing(
        voucher_work.aftercare_candidates(m.user, m.today, mine=not _is_staff(m.user)), m.today
    )
    items = [
        WorkItem(
            str(_("Nazorg kan nog tot deze dag")),
            voucher.client.full_name,
            reverse("voucher_detail", args=[voucher.pk]),
            last_day,
            "LBC-18",
        )
        for voucher, last_day in closing[offset : offset + limit]
    ]
    return items, len(closing)


def _stalled(m: Moment, offset: int, limit: int) -> Page:
    staff = _is_staff(m.user)
    vouchers = voucher_work.stalled(m.user, _organisations(m.user), m.now, mine=not staff)

    def item(voucher) -> WorkItem:
        last = voucher.last_contact_at
        detail = (
            _("laatste contact %(day)s") % {"day": f"{last:%d/%m/%Y}"}
            if last
            else _("nog geen contact")
        )
        if staff:
            detail = f"{voucher.trajectory.responsible.get_full_name()} · {detail}"
        return WorkItem(
            str(_("Stilgevallen: plan een contact")),
            voucher.client.full_name,
            reverse("voucher_detail", args=[voucher.pk]),
            None,
            "",
            str(detail),
        )

    return _sliced(vouchers, offset, limit, item)


def _leads_late(m: Moment, offset: int, limit: int) -> Page:
    def item(lead) -> WorkItem:
        coach = lead.coach.get_full_name() if lead.coach else str(_("geen coach"))
        return WorkItem(
            str(_("Bellen: de 24 uur zijn voorbij")),
            lead.full_name,
            reverse("intake_lead_detail", args=[lead.pk]),
            intake_work.clock_due(lead, m.now),
            "INT-02",
            coach,
            late=True,
        )

    return _sliced(intake_work.late_leads(m.user, m.now), offset, limit, item)


def _leads_unassigned(m: Moment, offset: int, limit: int) -> Page:
    return _sliced(
        intake_work.unassigned_leads(m.user),
        offset,
        limit,
        lambda lead: WorkItem(
            str(_("Toewijzen aan een coach")),
            lead.full_name,
            reverse("intake_lead_detail", args=[lead.pk]),
            timezone.localdate(lead.arrived_at),
            "INT-01",
        ),
    )


def _mediation_deadlines(m: Moment, offset: int, limit: int) -> Page:
    deadlines, count = mediation_work.deadlines_soon(m.user, m.today, offset + limit)
    items = [
        WorkItem(
            d.label,
            d.service.client.full_name,
            reverse("mediation_detail", args=[d.service.pk]),
            d.due_on,
            d.rule,
        )
        for d in deadlines[offset:]
    ]
    return items, count


def _month_ends(m: Moment, offset: int, limit: int) -> Page:
    month_end = mediation_work.last_month_end(m.today)
    return _sliced(
        mediation_work.month_ends_missing(m.user, m.today),
        offset,
        limit,
        lambda s: WorkItem(
            str(_("Categorie op %(day)s ingeven") % {"day": f"{month_end:%d/%m/%Y}"}),
            s.client.full_name,
            reverse("mediation_month_end", args=[s.pk]),
            month_end,
            "MED-12",
        ),
    )


def _followups(m: Moment, offset: int, limit: int) -> Page:
    # `followups_page` pages by its own size; the dashboard's few come from its first page.
    page = followups_page(user=m.user, today=m.today, page=offset // 25 + 1)
    items = []
    for view in page.object_list[offset % 25 : offset % 25 + limit]:
        first = view.open_checkpoints[0] if view.open_checkpoints else None
        items.append(
            WorkItem(
                str(_("Opvolging: %(what)s") % {"what": first.label})
                if first
                else str(_("Opvolging")),
                view.placement.file.client.full_name,
                reverse("transition_file", args=[view.placement.file_id]),
                first.due if first else None,
                "TRN-17",
            )
        )
    return items, page.paginator.count


def _guides(user: User) -> bool:
    return bool(user.roles & GUIDING_ROLES)


SOURCES: dict[str, Source] = {
    s.key: s
    for s in (
        Source(
            "opdrachten",
            _("Opdrachten: te laat en deze week"),
            "LBC-17",
            _("Geen opdrachten die deze week vervallen."),
            _guides,
            _assignments,
        ),
        Source(
            "evaluaties",
            _("Evaluaties nog uit"),
            "LBC-15",
            _("Elke afgeronde cheque heeft zijn evaluatie terug."),
            lambda u: _is_coach(u) or _is_staff(u),
            _evaluations,
        ),
        Source(
            "nazorg",
            _("Nazorg loopt af"),
            "LBC-18",
            _("Geen nazorg die de komende 30 dagen afloopt."),
            lambda u: _is_coach(u) or _is_staff(u),
            _aftercare,
        ),
        Source(
            "stilgevallen",
            _("Stilgevallen cheques"),
            "",
            _("Geen cheque zonder recent contact."),
            lambda u: _is_coach(u) or _is_staff(u),
            _stalled,
        ),
        Source(
            "te-laat",
            _("Aanvragen te laat"),
            "INT-02",
            _("Geen aanvraag over de 24 uur."),
            _is_staff,
            _leads_late,
        ),
        Source(
            "niet-toegewezen",
            _("Aanvragen zonder coach"),
            "INT-01",
            _("Elke open aanvraag heeft een coach."),
            _is_staff,
            _leads_unassigned,
        ),
        Source(
            "bemiddeling",
            _("Bemiddeling: termijnen de komende 15 dagen"),
            "MED-02/03/05/14",
            _("Geen termijnen de komende 15 dagen."),
            lambda u: Role.MEDIATOR in u.roles or _is_staff(u),
            _mediation_deadlines,
        ),
        Source(
            "maandeinde",
            _("Categorie op het einde van de maand"),
            "MED-12",
            _("Alle categorieën van vorige maand staan erin."),
            lambda u: Role.MEDIATOR in u.roles,
            _month_ends,
        ),
        Source(
            "opvolging",
            _("Opvolging na de doorstroom"),
            "TRN-17",
            _("Geen opvolging die nu aan de beurt is."),
            lambda u: Role.JOB_COACH in u.roles or _is_staff(u),
            _followups,
        ),
    )
}


DASHBOARD_ITEMS = 5  # per source on the dashboard; the rest behind its figure
LIST_SIZE = 25  # per page of /werklijst/<key>/


@dataclass(frozen=True)
class WorkGroup:
    source: Source
    items: list[WorkItem]
    count: int


def work_groups(user: User, today: date, now: datetime) -> list[WorkGroup]:
    """The dashboard's work list: per source that applies to the user, its first items."""
    moment = Moment(user, today, now)
    return [
        WorkGroup(source, *source.read(moment, 0, DASHBOARD_ITEMS))
        for source in SOURCES.values()
        if source.applies(user)
    ]


def work_page(user: User, key: str, today: date, now: datetime, number: int) -> WorkGroup | None:
    """One page of a source's full list (`/werklijst/<key>/`); None when it does not apply."""
    source = SOURCES.get(key)
    if source is None or not source.applies(user):
        return None
    offset = (min(max(number, 1), 100_000) - 1) * LIST_SIZE  # beyond: an empty page, no overflow
    return WorkGroup(source, *source.read(Moment(user, today, now), offset, LIST_SIZE))


def dashboard_sources(user: User) -> list[Source]:
    """The sources whose panels the dashboard shows this user: no source is read here."""
    return [source for source in SOURCES.values() if source.applies(user)]


def work_group(user: User, key: str, today: date, now: datetime) -> WorkGroup | None:
    """One source's card on the dashboard (its panel): its first items and its count; None when
    the source does not apply to the user. Only this source is read."""
    source = SOURCES.get(key)
    if source is None or not source.applies(user):
        return None
    return WorkGroup(source, *source.read(Moment(user, today, now), 0, DASHBOARD_ITEMS))
