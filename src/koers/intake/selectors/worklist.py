"""The centre's lead work on its dashboard (issue 16): per coach the open leads whose 24-hour
clock ran out (INT-02), and the leads nobody was given yet. Counted in the database: the clock's
deadline is `clock_started_at` plus the rule set's hours, and a met clock has `clock_met_at`."""

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.db.models import Count, Q
from django.utils import timezone

from koers.core.models import User
from koers.intake import rules
from koers.intake.models import Lead
from koers.intake.selectors.leads import ruleset


@dataclass(frozen=True)
class CoachLeads:
    coach_id: int
    name: str
    late: int
    open: int


def _open(user: User):
    return Lead.objects.visible_to(user).filter(state__in=rules.states.OPEN_STATES)


def _late(now: datetime) -> Q:
    """INT-02: the clock ran out and was not met."""
    started_before = now - timedelta(hours=ruleset(now).lead_clock_hours)
    return Q(clock_met_at__isnull=True, clock_started_at__lt=started_before)


def clock_due(lead: Lead, now: datetime) -> date:
    """INT-02: the (local) day the lead's clock runs out."""
    return timezone.localtime(
        lead.clock_started_at + timedelta(hours=ruleset(now).lead_clock_hours)
    ).date()


def late_leads(user: User, now: datetime):
    """The open leads whose clock ran out, the longest late first, with their coach."""
    return _open(user).filter(_late(now)).select_related("coach").order_by("clock_started_at", "pk")


def late_leads_per_coach(user: User, now: datetime) -> list[CoachLeads]:
    """INT-02: per coach with open leads, how many are late (the most late first)."""
    late = _late(now)
    rows = (
        _open(user)
        .filter(coach__isnull=False)
        .values("coach_id", "coach__first_name", "coach__last_name", "coach__username")
        .annotate(late=Count("pk", filter=late), open=Count("pk"))
        .order_by("-late", "coach__first_name", "coach_id")
    )
    return [
        CoachLeads(
            r["coach_id"],
            f"{r['coach__first_name']} {r['coach__last_name']}".strip() or r["coach__username"],
            r["late"],
            r["open"],
        )
        for r in rows
    ]


def unassigned_leads(user: User):
    """Open leads without a coach, the oldest first (INT-01: the centre routes them)."""
    return _open(user).filter(coach__isnull=True).order_by("arrived_at", "pk")
