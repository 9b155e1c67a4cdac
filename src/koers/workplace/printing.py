"""The client's file on paper (issue 16), read for the print page: the person, every trajectory
the user may see (the open ones first) and the timeline, each bounded and saying when cut. A
selector: every list starts from `visible_to(user)`, a fixed number of queries."""

from datetime import datetime

from django.db.models import Case, Value, When

from koers.core.models import Client, User
from koers.trajectories.models import Programme
from koers.trajectories.rules import OPEN_STATUSES
from koers.trajectories.selectors import client_timeline, trajectories_for_client

PRINT_TRAJECTORIES = 200  # the most trajectories a printed file lists
PRINT_TIMELINE = 200  # the most timeline entries a printed file lists (the newest)


def client_print_context(*, user: User, client: Client, now: datetime) -> dict:
    open_first = Case(When(status__in=OPEN_STATUSES, then=Value(0)), default=Value(1))
    visible = trajectories_for_client(user=user, client=client)
    shown = list(visible.order_by(open_first, "-start_date", "-pk")[:PRINT_TRAJECTORIES])
    total = visible.count() if len(shown) == PRINT_TRAJECTORIES else len(shown)
    timeline = client_timeline(user=user, client=client, limit=PRINT_TIMELINE)
    return {
        "client": client,
        "trajectories": shown,
        "trajectories_total": total,
        "trajectories_cut": total > len(shown),
        "timeline": [(e, Programme(e.programme).label) for e in timeline],
        "timeline_cut": len(timeline) == PRINT_TIMELINE,
        "printed_at": now,
    }
