"""Page assembly for the staff's working pages that compose programmes: the dashboard, the
client list and the client file with its history. Every list starts from `visible_to(user)`."""

from collections import Counter
from datetime import date, datetime, time, timedelta

from django.core.paginator import Paginator
from django.db.models import Case, Count, Q, Value, When
from django.utils import timezone
from django.utils.translation import gettext_lazy

from koers.billing.selectors import worklist as billing_work
from koers.core import audit, permissions
from koers.core import selectors as core_selectors
from koers.core.keyset import CursorPage, cursor_page
from koers.core.models import GUIDING_ROLES, Client, Membership, Role, User
from koers.intake import selectors as intake
from koers.intake.selectors import worklist as intake_work
from koers.intake.selectors.history import lead_history_sources
from koers.trajectories.models import (
    Assignment,
    AssignmentStatus,
    Contact,
    Document,
    Plan,
    PlanVersion,
    Programme,
    Trajectory,
    TrajectoryStatus,
)
from koers.trajectories.rules import OPEN_STATUSES
from koers.trajectories.rulesets import rulesets_ending
from koers.trajectories.selectors import client_timeline, trajectories_for_client
from koers.vouchers.selectors import voucher_offer
from koers.vouchers.selectors.history import voucher_history_sources
from koers.workplace.worklist import dashboard_sources

DASHBOARD_LEADS = 10
AGENDA_ROWS = 20  # the dashboard's agenda; the whole week is in the contact list it links to
CLIENT_FILE_TRAJECTORIES = 10  # per page of the client file (`?trajectories=<page>`)


def _coach_part(user: User, today: date) -> dict:
    """The guide's own open trajectories, the first `AGENDA_ROWS` contacts of today and the
    coming 7 days (the rest in the contact list it links to), today's number of contacts and the
    number of overdue assignments (the work list shows them). A mediation service whose access
    ended (`access_until`) is gone from the dashboard too."""
    mine = Trajectory.objects.visible_to(user).filter(responsible=user, status__in=OPEN_STATUSES)
    start = timezone.make_aware(datetime.combine(today, time.min))
    week = Contact.objects.visible_to(user).filter(
        staff=user, starts_at__gte=start, starts_at__lt=start + timedelta(days=8)
    )
    contacts = list(
        week.select_related("trajectory__client").order_by("starts_at")[: AGENDA_ROWS + 1]
    )
    overdue = Assignment.objects.visible_to(user).filter(
        trajectory__responsible=user, status=AssignmentStatus.OPEN, deadline__lt=today
    )
    shown = contacts[:AGENDA_ROWS]
    return {
        "active_count": mine.count(),
        "active_trajectories": mine.select_related("client").order_by("-start_date")[:15],
        "contacts_today_count": week.filter(starts_at__lt=start + timedelta(days=1)).count(),
        "contacts_today": [c for c in shown if timezone.localtime(c.starts_at).date() == today],
        "agenda_more": len(contacts) > AGENDA_ROWS,
        "agenda_until": today + timedelta(days=7),
        "contacts_week": [c for c in shown if timezone.localtime(c.starts_at).date() != today],
        "overdue_count": overdue.count(),
        "show_coach": True,
    }


def coach_leads(user: User, now: datetime) -> dict:
    """INT-02: the coach's open leads with their 24-hour clock, the oldest clock first. A fixed
    number of queries, whatever the number of leads (the count, the page, the windows)."""
    leads = intake.leads_for_user(user=user, state="open").filter(coach=user)
    page = list(leads.order_by("clock_started_at", "pk")[:DASHBOARD_LEADS])
    return {
        "open_leads": [(lead, intake.lead_clock(lead, now)) for lead in page],
        "open_leads_count": leads.count(),
        "show_leads": True,
    }


def _counted(user: User, *fields: str, **where) -> Counter:
    """The visible trajectories (filtered by `where`) counted per value of `fields`, in the
    database."""
    counts: Counter = Counter()
    for part in Trajectory.objects.visible_parts(user):
        rows = part.filter(**where).values(*fields).annotate(n=Count("id")).order_by()
        for row in rows.values_list(*fields, "n"):
            counts[row[:-1] if len(fields) > 1 else row[0]] += row[-1]
    return counts


def _programme_rows(user: User) -> list[dict]:
    """Per programme, the number of visible trajectories in each status (the index
    `trajectory_org_programme` reads them in that order)."""
    counts = _counted(user, "programme", "status")
    statuses = [s for s, _label in TrajectoryStatus.choices]
    return [
        {
            "label": label,
            "cells": [counts.get((value, s), 0) for s in statuses],
            "total": sum(counts.get((value, s), 0) for s in statuses),
        }
        for value, label in Programme.choices
    ]


def _coaches(user: User) -> list[User]:
    """The guides of the user's organisations with their open trajectories as this user may see
    them (not those of other organisations). The guides (a membership subquery, so a guide with
    two roles is one row), then their open trajectories counted per responsible, per open status
    and over the disjoint parts of what the user sees. A COUNT(DISTINCT) over the memberships
    join was 41 times the SQL; a count per coach, or one over the OR of `visible_to`, let SQLite
    walk the organisation's trajectories per coach or in responsible order (issue 14)."""
    org_ids = core_selectors.staff_organisation_ids(user)
    guiding = Membership.objects.filter(is_active=True, role__in=list(GUIDING_ROLES))
    if org_ids is not None:
        guiding = guiding.filter(organisation_id__in=org_ids)
    coaches = list(
        User.objects.filter(is_active=True, pk__in=guiding.values("user_id"))
        .only("username", "first_name", "last_name")
        .order_by("first_name", "last_name", "pk")[:50]
    )
    # Grouped over every responsible the user may see (a few hundred rows at most), not filtered
    # to these 50 ids: an IN list checked on every trajectory row was slower than the extra groups.
    # One status at a time: the index (organisation, status, responsible) then hands the rows
    # over in responsible order; with both statuses SQLite walked the whole table in that order.
    counts = sum((_counted(user, "responsible_id", status=s) for s in OPEN_STATUSES), Counter())
    for coach in coaches:
        coach.open_count = counts.get(coach.pk, 0)
    return coaches


def _is_staff(user: User) -> bool:
    return user.is_administrator or user.is_centre_staff


def centre_context(*, user: User) -> dict | None:
    """The centre's overview on the dashboard (its panel `/dashboard/centrum/`): trajectories per
    programme and status, the coaches and the recent clients. None for a user who is not centre
    staff or administrator."""
    if not _is_staff(user):
        return None
    recent = (
        Client.objects.visible_to(user)
        .select_related("organisation")
        .only("first_name", "last_name", "created_at", "postal_code", "city", "organisation__name")
        .order_by("-created_at")[:10]
    )
    return {
        "statuses": TrajectoryStatus.choices,
        "programme_rows": _programme_rows(user),
        "coaches": _coaches(user),
        "recent_clients": recent,
    }


def centre_work_context(*, user: User, today: date, now: datetime) -> dict | None:
    """What the centre follows up (its panel `/dashboard/centrum/opvolging/`): the late leads per
    coach (INT-02) and the statements still to make (BIL-03). None for a user who is not centre
    staff or administrator."""
    if not _is_staff(user):
        return None
    month, missing = billing_work.statements_missing(user, today)
    return {
        "late_leads_per_coach": [c for c in intake_work.late_leads_per_coach(user, now) if c.late],
        "statements_month": month,
        "statements_missing": missing,
    }


def _shows_deliveries(user: User) -> bool:
    return Role.COACH in user.roles or _is_staff(user)


def deliveries_context(*, user: User, today: date) -> dict | None:
    """BIL-01 on the dashboard (its panel `/dashboard/dossiers/`): closed dossiers not yet
    delivered (a coach: their own, named), by the quarter's end. None for the other roles."""
    if not _shows_deliveries(user):
        return None
    staff = _is_staff(user)
    return {
        "deliveries": billing_work.undelivered_per_coach(user, named=not staff),
        "quarter_end": billing_work.quarter_end(today),
        "show_staff": staff,
    }


def dashboard_context(*, user: User, today: date, now: datetime) -> dict:
    """What the dashboard page itself shows this user: their own work as a guide and their leads
    as a coach, the rule sets running out for centre staff or administrator. The heavy parts are
    panels the page loads on its own (issue 14): one per work-list source that applies, the
    dossiers to deliver and the centre's overview; none of them is read here."""
    context: dict = {
        "today": today,
        "work_sources": dashboard_sources(user),
        "show_deliveries": _shows_deliveries(user),
    }
    if user.roles & GUIDING_ROLES:
        context.update(_coach_part(user, today))
    if Role.COACH in user.roles:
        context.update(coach_leads(user, now))
    if _is_staff(user):
        context["show_staff"] = True
        # The funder's numbers run out on a known day: say so before new trajectories are refused.
        context["ruleset_endings"] = rulesets_ending(today)
    return context


# The client list's order (Client.Meta.ordering, index `client_name_order`), the keyset's key.
CLIENT_ORDER = ("last_name", "first_name", "pk")
CLIENT_PAGE_SIZE = 25


def client_list_page(
    *, user: User, query: str, number: int = 1, after: int | None = None, before: int | None = None
) -> CursorPage:
    """A page of the client list: by cursor (the links it makes), so page 300 reads what page 1
    reads; `number` alone (an old link) by OFFSET."""
    return cursor_page(
        client_list(user=user, query=query),
        ordering=CLIENT_ORDER,
        size=CLIENT_PAGE_SIZE,
        number=number,
        after=after,
        before=before,
    )


def client_list(*, user: User, query: str):
    """The clients matching the search, with only the columns the list shows."""
    return core_selectors.client_search(user=user, query=query).only(
        "first_name",
        "last_name",
        "birth_date",
        "postal_code",
        "city",
        "email",
        "phone",
        "organisation__name",
    )


def client_file_context(
    *,
    user: User,
    client: Client,
    today: date,
    trajectories_page: str | None = None,
    accesses_page: str | None = None,
) -> dict:
    """The client file: a page of the visible trajectories (the open ones first, then the most
    recent), the merged timeline (bounded), what the user may do, and for centre staff a page of
    who read the file. A fixed number of queries and bounded rows, however many trajectories the
    client has (issue 14)."""
    open_first = Case(When(status__in=OPEN_STATUSES, then=Value(0)), default=Value(1))
    ordered = trajectories_for_client(user=user, client=client).order_by(
        open_first, "-start_date", "-pk"
    )
    page = Paginator(ordered, CLIENT_FILE_TRAJECTORIES).get_page(trajectories_page)
    timeline = client_timeline(user=user, client=client)
    return {
        "client": client,
        "trajectories": list(page),
        "trajectories_page": page,
        "timeline": [(e, Programme(e.programme).label) for e in timeline],
        "can_see_national_number": user.has_perm("core.view_national_number"),
        "can_view_history": user.has_perm("core.view_history"),
        # Only what this user may open here (`core/rules.py`), and why no new voucher (LBC-01).
        "voucher_offer": voucher_offer(user=user, client=client, today=today),
        "can_open_trajectory": bool(permissions.openable_programmes(user, client.organisation)),
        "access_log": audit.file_access_page(viewer=user, client=client, page=accesses_page)
        if user.has_perm("core.view_access_log")
        else None,
    }


def _history_sources(
    user: User, client: Client, trajectory_ids: list[int]
) -> list[audit.HistorySource]:
    """Every audited model of the client file: the client, what hangs under its trajectories and
    the programmes' own rows (voucher evaluations, the calls and hand-overs of its leads)."""
    under = Q(trajectory_id__in=trajectory_ids)
    return [
        audit.client_source(client),
        audit.HistorySource(
            Trajectory.history, Q(id__in=trajectory_ids), Trajectory._meta.verbose_name
        ),
        audit.HistorySource(Contact.history, under, Contact._meta.verbose_name),
        audit.HistorySource(Assignment.history, under, Assignment._meta.verbose_name),
        audit.HistorySource(Plan.history, under, Plan._meta.verbose_name),
        audit.HistorySource(Document.history, under, Document._meta.verbose_name),
        audit.HistorySource(
            PlanVersion.history,
            Q(plan__trajectory_id__in=trajectory_ids),
            gettext_lazy("planversie"),
        ),
        *voucher_history_sources(trajectory_ids),
        *lead_history_sources(user=user, client=client),
    ]


def _file_object_label(client: Client):
    def label(record) -> str:
        model = record.instance_type
        if model is Client:
            return client.full_name
        if model is Trajectory:
            return f"{record.get_programme_display()} #{record.id}"
        if model is Contact:
            return f"{record.get_form_display()} {record.starts_at:%d/%m/%Y}"
        if model is PlanVersion:
            return f"v{record.number}"
        return audit.object_label(record)

    return label


def client_history(
    *, user: User, client: Client, page: int = 1
) -> tuple[list[audit.HistoryEntry], int]:
    """One page of changes to the client and what hangs under its visible trajectories.

    Returns (entries, total count). Caller checks `core.view_history` and visibility.
    """
    trajectory_ids = list(
        Trajectory.objects.visible_to(user).filter(client=client).values_list("pk", flat=True)
    )
    return audit.history_page(
        sources=_history_sources(user, client, trajectory_ids),
        label=_file_object_label(client),
        page=page,
    )


def client_history_context(*, user: User, client: Client, page: int) -> dict:
    entries, total = client_history(user=user, client=client, page=page)
    pages = max((total + audit.HISTORY_PAGE_SIZE - 1) // audit.HISTORY_PAGE_SIZE, 1)
    return {
        "client": client,
        "entries": entries,
        "page_number": page,
        "num_pages": pages,
        "has_previous": page > 1,
        "has_next": page < pages,
        "accesses": audit.recent_file_accesses(viewer=user, client=client),
    }
