"""The voucher work on the dashboards (issue 16): evaluations still out (LBC-15), aftercare
windows closing (LBC-18) and vouchers that have stalled (no contact for the centre's number of
days). Each is a queryset of the vouchers a user may see, so a dashboard counts it and shows a
bounded page of it: a fixed number of queries, whatever the number of vouchers."""

from datetime import date, datetime, timedelta

from django.db.models import Exists, OuterRef, Q, QuerySet, Subquery, Sum

from koers.core.models import Organisation, User
from koers.trajectories.models import Contact, ContactOutcome, Programme
from koers.trajectories.rules import OPEN_STATUSES
from koers.trajectories.rulesets import versions
from koers.vouchers.models import Voucher
from koers.vouchers.rules.aftercare import aftercare_deadline
from koers.vouchers.selectors.common import ruleset_of

AFTERCARE_WARN_DAYS = 30  # the dashboard warns a month before the aftercare window closes
# What a work item shows of a voucher: its link, the client's name, the trajectory's dates. Not
# the voucher's thirty columns and JSON documents, which decoding per row made the centre's
# work list slow (issue 14).
_ITEM = ("pk", "trajectory_id", "client__first_name", "client__last_name")


def _scope(user: User, mine: bool) -> QuerySet[Voucher]:
    vouchers = Voucher.objects.visible_by_join(user)
    return vouchers.filter(trajectory__responsible=user) if mine else vouchers


def evaluations_out(user: User, *, mine: bool) -> QuerySet[Voucher]:
    """LBC-15: ended vouchers whose evaluation has not come back and whose correspondence is not
    filed yet (the oldest end first)."""
    return (
        _scope(user, mine)
        .filter(
            trajectory__end_date__isnull=False,
            evaluation_received_on__isnull=True,
            evaluation_correspondence_added_on__isnull=True,
        )
        .select_related("trajectory", "client")
        .only(*_ITEM, "evaluation_invited_on", "trajectory__end_date")
        .order_by("trajectory__end_date", "pk")
    )


def _synthesis_window(today: date) -> Q:
    """Per rule set, the synthesis days whose aftercare window (LBC-18, whole years) closes from
    today to `AFTERCARE_WARN_DAYS` ahead, a day wider on each side for 29 February; the database
    cuts with it, `aftercare_closing` decides exactly."""
    window = Q(pk__in=[])
    for ruleset in versions(Programme.VOUCHER):
        years = ruleset.aftercare_window_years
        window |= Q(
            ruleset_version=ruleset.version,
            synthesis_date__gte=today - timedelta(days=366 * years + 1),
            synthesis_date__lte=today - timedelta(days=365 * years - AFTERCARE_WARN_DAYS - 1),
        )
    return window


def aftercare_candidates(user: User, today: date, *, mine: bool) -> QuerySet[Voucher]:
    """LBC-18: vouchers whose aftercare window may close soon, with the aftercare minutes
    registered (`aftercare_minutes`); `aftercare_closing` decides per voucher."""
    return (
        _scope(user, mine)
        .filter(_synthesis_window(today))
        .annotate(aftercare_minutes=Sum("aftercare__minutes"))
        .select_related("trajectory", "client")
        .only(*_ITEM, "ruleset_version", "synthesis_date")
        .order_by("synthesis_date", "pk")
    )


def aftercare_closing(vouchers, today: date) -> list[tuple[Voucher, date]]:
    """The vouchers whose aftercare window closes within `AFTERCARE_WARN_DAYS` while the
    client's right (LBC-18) is not used up, with the window's last day, soonest first."""
    closing = []
    for voucher in vouchers:
        ruleset = ruleset_of(voucher)
        last_day = aftercare_deadline(voucher.synthesis_date, ruleset)
        used = voucher.aftercare_minutes or 0
        if today <= last_day <= today + timedelta(days=AFTERCARE_WARN_DAYS) and (
            used < ruleset.aftercare_minutes
        ):
            closing.append((voucher, last_day))
    return sorted(closing, key=lambda pair: (pair[1], pair[0].pk))


def _contact_since(cutoff: datetime):
    """A contact of the voucher's trajectory from `cutoff` on (held or still planned)."""
    return Contact.objects.filter(
        trajectory_id=OuterRef("trajectory_id"), starts_at__gte=cutoff
    ).exclude(outcome=ContactOutcome.CANCELLED)


def _last_contact():
    """The start of the trajectory's latest contact, held or planned."""
    return (
        Contact.objects.filter(trajectory_id=OuterRef("trajectory_id"))
        .exclude(outcome=ContactOutcome.CANCELLED)
        .order_by("-starts_at")
        .values("starts_at")[:1]
    )


def stalled(
    user: User, organisations: list[Organisation], now: datetime, *, mine: bool
) -> QuerySet[Voucher]:
    """Open vouchers of these centres with no contact (held or planned) in the centre's
    `stalled_after_days` and started before that, with their last contact (`last_contact_at`),
    the longest silent first. One condition per centre, so one query whatever the number."""
    where = Q(pk__in=[])
    for organisation in organisations:
        cutoff = now - timedelta(days=organisation.stalled_after_days)
        where |= Q(
            ~Exists(_contact_since(cutoff)),
            trajectory__organisation_id=organisation.pk,
            trajectory__start_date__lt=cutoff.date(),
        )
    return (
        _scope(user, mine)
        .filter(where, trajectory__status__in=OPEN_STATUSES)
        # A subquery, not Max over a join: the count of the list then needs no GROUP BY.
        .annotate(last_contact_at=Subquery(_last_contact()))
        .select_related("trajectory__responsible", "client")
        .only(
            *_ITEM,
            "trajectory__responsible__first_name",
            "trajectory__responsible__last_name",
            "trajectory__responsible__username",
        )
        .order_by("last_contact_at", "pk")
    )
