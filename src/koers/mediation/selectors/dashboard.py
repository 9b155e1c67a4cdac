"""The partner's dashboard "klanten opvolgen": open services, deadlines and figures (MED-01..17)."""

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import NamedTuple

from django.core.paginator import Page, Paginator
from django.db.models import Count
from django.utils import timezone

from koers.core.models import Role, User
from koers.mediation import models as m
from koers.mediation.rules import states as state_rules
from koers.mediation.selectors.deadlines import (
    Deadline,
    deadline_rows,
    deadlines_of,
    shown_services,
)
from koers.mediation.selectors.lookups import services_for_user

OPEN_STATES = tuple(m.ServiceState(s) for s in state_rules.OPEN_STATES)
PAGE_SIZE = 25  # rows per list on the dashboard

__all__ = ["OPEN_STATES", "PAGE_SIZE", "Dashboard", "Deadline", "StateCount", "dashboard"]


class StateCount(NamedTuple):
    """One figure on the dashboard: how many open services are in a state."""

    state: str
    label: str
    n: int

    @property
    def warn(self) -> bool:
        """Services waiting for their final advice (MED-14) stand out."""
        return self.state == m.ServiceState.TO_CLOSE and self.n > 0


@dataclass
class Dashboard:
    counts: list[StateCount]
    # The page shown of each list (`*_page` for its pager): `PAGE_SIZE` rows at most.
    new: list[m.MediationService] = field(default_factory=list)
    new_page: Page | None = None
    incomplete: list[m.MediationService] = field(default_factory=list)
    incomplete_page: Page | None = None
    deadlines: list[Deadline] = field(default_factory=list)
    deadlines_page: Page | None = None
    stopped: list[dict] = field(default_factory=list)
    outcomes: list[dict] = field(default_factory=list)
    state_labels: dict[str, str] = field(default_factory=dict)


def _page(queryset, number: str | None) -> Page:
    return Paginator(queryset, PAGE_SIZE).get_page(number)


def _scope_organisations(user: User) -> list[int] | None:
    if user.is_administrator:
        return None
    return user.organisation_ids(Role.MEDIATOR, Role.CENTRE_STAFF)


def dashboard(
    *, user: User, now: datetime | None = None, pages: Mapping[str, str] | None = None
) -> Dashboard:
    """The partner's "klanten opvolgen": a fixed number of queries and bounded lists, however
    many services. The figures are one grouped count; the new and incomplete referrals and the
    deadlines are pages of `PAGE_SIZE` (`pages`: the page asked per list, e.g. the query string),
    ordered by the database (`deadlines.py`, one index), of which only the shown services are
    loaded."""
    now = now or timezone.now()
    pages = pages or {}
    visible = m.MediationService.objects.visible_to(user)
    open_services = visible.filter(state__in=OPEN_STATES)
    counts = dict(
        open_services.order_by().values("state").annotate(n=Count("id")).values_list("state", "n")
    )
    board = Dashboard(
        counts=[StateCount(s.value, str(s.label), counts.get(s, 0)) for s in OPEN_STATES],
        state_labels={s.value: str(s.label) for s in m.ServiceState},
    )
    listed = services_for_user(user=user).order_by("referral_date", "pk")
    board.new_page = _page(listed.filter(state=m.ServiceState.REFERRED), pages.get("new"))
    board.new = list(board.new_page)
    board.incomplete_page = _page(
        listed.filter(state=m.ServiceState.INCOMPLETE), pages.get("incomplete")
    )
    board.incomplete = list(board.incomplete_page)
    # The deadlines as plain (due, id, …) tuples from their kept rows, paged by the database.
    board.deadlines_page = _page(deadline_rows(open_services), pages.get("page"))
    rows = list(board.deadlines_page)
    board.deadlines = deadlines_of(rows, shown_services(user, rows))
    # Stopped and closed services are no longer the partner's to see (MED-15/16): only figures,
    # no names, for the organisations the user works for.
    scope = m.MediationService.objects.all()
    orgs = _scope_organisations(user)
    if orgs is not None:
        scope = scope.filter(trajectory__organisation_id__in=orgs)
    rows = (
        scope.values("tender", "lot", "state", "closing_reason", "advice", "returned_to")
        .annotate(n=Count("id"))
        .order_by("tender", "lot")
    )
    outcomes: dict[tuple[str, str], dict] = {}
    for row in rows:
        key = (row["tender"], row["lot"])
        entry = outcomes.setdefault(
            key,
            {
                "tender": m.Tender(row["tender"]).label if row["tender"] else "—",
                "lot": row["lot"],
                "open": 0,
                "stopped": 0,
                "closed_passive": 0,
                "closed_max": 0,
                "returned": 0,
                "advice": Counter(),
            },
        )
        if row["state"] in OPEN_STATES:
            entry["open"] += row["n"]
        elif row["state"] == m.ServiceState.STOPPED:
            entry["stopped"] += row["n"]
        elif row["closing_reason"] == m.ClosingReason.PASSIVE:
            entry["closed_passive"] += row["n"]
        else:
            entry["closed_max"] += row["n"]
        if (
            row["state"] in (m.ServiceState.CLOSED, m.ServiceState.STOPPED)
            and row["returned_to"] != m.ReturnTo.NONE
        ):
            entry["returned"] += row["n"]
        if row["advice"]:
            entry["advice"][str(m.Advice(row["advice"]).label)] += row["n"]
    for entry in outcomes.values():
        entry["advice"] = sorted(entry["advice"].items())
    board.outcomes = list(outcomes.values())
    board.stopped = list(
        scope.filter(state=m.ServiceState.STOPPED, closed_at__gte=now - timedelta(days=90))
        .order_by("-closed_at")
        .values("pk", "tender", "lot", "closed_at", "vdab_signal")[:20]
    )
    for row in board.stopped:
        row["tender_label"] = m.Tender(row["tender"]).label if row["tender"] else "—"
    return board
