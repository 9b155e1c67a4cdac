"""BIL-02 and BIL-03 reads: a coach's hours to enter at VDAB, statements, rates. Each page or API
answer is a fixed number of queries whatever the number of hours, statements or rates."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.core.paginator import Page, Paginator
from django.db.models import Prefetch, QuerySet
from django.http import Http404
from django.utils import timezone

from koers.billing.models import CoachRate, HourEntry, Statement, StatementCorrection
from koers.billing.rules.hours import HourFacts, HourStatus, deadline_warning, hour_status
from koers.billing.rules.periods import Month, hours_label
from koers.billing.rules.ruleset import BillingRuleset
from koers.billing.selectors.ruleset import billing_ruleset
from koers.core.models import Organisation, Role, User
from koers.lib.rules import Reason
from koers.trajectories.billable import BillableHour, billable_hours
from koers.trajectories.models import Contact

HOURS_MONTHS_BACK = 12  # the hours page looks back a year: older hours are long paid or lost
HOURS_PAGE_SIZE = 25  # hours per page, in each of the two lists (issue 14: rendering is the cost)


@dataclass(frozen=True)
class HourRow:
    hour: BillableHour
    entry: HourEntry | None
    status: HourStatus

    @property
    def hours(self) -> str:
        return hours_label(self.hour.minutes)

    @property
    def to_enter(self) -> bool:
        return self.status.to_enter

    @property
    def settled_in(self) -> str | None:
        settled = getattr(self.entry, "settled", None) if self.entry else None
        return settled.line.statement.label if settled else None

    @property
    def paid_in(self) -> str | None:
        return self.status.paid_in.label if self.status.paid_in else None


@dataclass(frozen=True)
class HoursOverview:
    """One page of the hours still to enter and one of those entered (issue 14: a busy coach has
    thousands a year); the warning and the months to mark are over all of the year's hours."""

    to_enter: Page  # of HourRow
    entered: Page  # of HourRow
    warning: Reason | None
    months_to_enter: list[Month]  # months with hours still to enter ("mark all of a month")

    @property
    def rows(self) -> list[HourRow]:
        """The rows shown: the page of hours to enter, then the page of hours entered."""
        return [*self.to_enter, *self.entered]


# An hour of the year with the day it was entered at VDAB (None: not yet): cheap, kept for every
# hour; its `HourFacts` only for what reads them and an `HourRow` (entry with its statement,
# status and reasons) only for a row shown (issue 14: a busy coach has a thousand hours a year).
_Hour = tuple[BillableHour, date | None]


def _facts(hour: _Hour) -> HourFacts:
    h, entered_on = hour
    return HourFacts(str(h.contact_id), h.day, h.minutes, entered_on, h.aftercare)


def _hours(user: User, since: date, until: date) -> list[_Hour]:
    """The coach's counted hours from `since` to `until`, the newest first (two queries and the
    programmes' own, whatever the number of hours)."""
    hours = billable_hours(coach_ids=[user.pk], since=since, until=until)
    # The entries of the contacts of those days (the hours are such contacts: the providers'
    # contract), not of a list of every hour's id: building that IN of a year's ids cost more
    # than the rest of the page's reads (issue 14).
    entered_on = dict(
        HourEntry.objects.visible_to(user)
        .filter(
            coach=user,
            contact__starts_at__gte=_start_of(since),
            contact__starts_at__lt=_start_of(until + timedelta(days=1)),
        )
        .values_list("contact_id", "entered_on")
    )
    return [(h, entered_on.get(h.contact_id)) for h in reversed(hours)]


def _start_of(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def _year(user: User, today: date) -> list[_Hour]:
    return _hours(user, Month.of(today).plus(-HOURS_MONTHS_BACK).first_day, today)


def _rows(user: User, hours: list[_Hour], today: date, ruleset: BillingRuleset) -> list[HourRow]:
    """These hours as the list shows them: their entries with the statement, one query."""
    if not hours:
        return []
    entries = {
        e.contact_id: e
        for e in HourEntry.objects.visible_to(user)
        .filter(coach=user, contact_id__in=[h.contact_id for h, _on in hours])
        .select_related("settled__line__statement")
    }
    return [
        HourRow(hour[0], entries.get(hour[0].contact_id), hour_status(_facts(hour), today, ruleset))
        for hour in hours
    ]


def coach_hours(
    *, user: User, today: date, to_enter_page: str | None = None, entered_page: str | None = None
) -> HoursOverview:
    """BIL-02: the coach's own counted hours of the last year, entered or not, with when each
    will be paid and the warning before VDAB's deadline; a page of each list (`HOURS_PAGE_SIZE`)."""
    year = _year(user, today)
    waiting = [h for h in year if h[1] is None]
    to_enter = Paginator(waiting, HOURS_PAGE_SIZE).get_page(to_enter_page)
    entered = Paginator([h for h in year if h[1] is not None], HOURS_PAGE_SIZE)
    entered = entered.get_page(entered_page)
    ruleset = billing_ruleset(today)
    rows = _rows(user, [*to_enter, *entered], today, ruleset)
    shown = len(to_enter.object_list)
    to_enter.object_list, entered.object_list = rows[:shown], rows[shown:]
    # Lazily: outside the days before the deadline the warning reads no hour. Only the waiting
    # hours: an entered one never counts in it.
    warning = deadline_warning(map(_facts, waiting), today, ruleset)
    months = sorted({(h.day.year, h.day.month) for h, _on in waiting}, reverse=True)
    return HoursOverview(to_enter, entered, warning, [Month(*m) for m in months])


def hours_slice(*, user: User, today: date, offset: int, limit: int) -> dict:
    """BIL-02 for the API: the year's hours newest first, `limit` of them from `offset`, with
    their count and the deadline warning over all of them (rows built only for the slice)."""
    year, ruleset = _year(user, today), billing_ruleset(today)
    return {
        "count": len(year),
        "warning": deadline_warning(map(_facts, year), today, ruleset),
        "rows": _rows(user, year[offset : offset + limit], today, ruleset),
    }


def hour_rows(
    *, user: User, today: date, contact_ids: Iterable[int], since: date, until: date
) -> list[HourRow]:
    """Some of the coach's hours from `since` to `until` as the list shows them (a write
    answers with them), without the rest of the year."""
    wanted = set(contact_ids)
    hours = [h for h in _hours(user, since, until) if h[0].contact_id in wanted]
    return _rows(user, hours, today, billing_ruleset(today))


def hour_row(*, user: User, contact_id: int, today: date) -> HourRow:
    """One of the coach's hours as the list shows it (a write answers with it): only the
    vouchers the coach held a contact of on that day are replayed, not the whole year."""
    starts_at = (
        Contact.objects.filter(pk=contact_id, staff=user)
        .values_list("starts_at", flat=True)
        .first()
    )
    if starts_at is None:
        raise Http404("no hour of this coach")
    day = timezone.localdate(starts_at)
    rows = hour_rows(user=user, today=today, contact_ids=[contact_id], since=day, until=day)
    if not rows:
        raise Http404("no counted hour of this coach")
    return rows[0]


def staff_centres(user: User) -> QuerySet[Organisation]:
    """The centres where the user settles and sets rates (centre staff; an administrator all)."""
    if user.is_administrator:
        return Organisation.objects.filter(is_active=True, memberships__role=Role.COACH).distinct()
    return Organisation.objects.filter(pk__in=user.organisation_ids(Role.CENTRE_STAFF))


def statements_for(user: User) -> QuerySet[Statement]:
    """BIL-03: a coach sees their own statements, centre staff their centre's."""
    return Statement.objects.visible_to(user).select_related("coach", "centre")


def statement_get(*, user: User, pk: int) -> Statement:
    return (
        statements_for(user)
        .prefetch_related(
            "lines",
            Prefetch(
                "corrections", queryset=StatementCorrection.objects.select_related("created_by")
            ),
        )
        .get(pk=pk)
    )


@dataclass(frozen=True)
class StatementView:
    statement: Statement
    can_correct: bool

    @property
    def lines(self):
        return list(self.statement.lines.all())

    @property
    def corrections(self):
        return list(self.statement.corrections.all())

    @property
    def hours(self) -> str:
        return hours_label(sum(x.minutes for x in self.lines))

    @property
    def corrections_total(self) -> Decimal:
        return sum((c.amount for c in self.corrections), Decimal("0.00"))

    @property
    def corrected_total(self) -> Decimal:
        """The statement's total with its correction entries (the statement stays as it was)."""
        return self.statement.total + self.corrections_total


def statement_view(*, user: User, pk: int) -> StatementView:
    statement = statement_get(user=user, pk=pk)
    staff = user.is_administrator or Role.CENTRE_STAFF in user.roles_in(statement.centre_id)
    return StatementView(statement, staff)


def statements_page(*, user: User, page: str | None, today: date) -> dict:
    statements: Page = Paginator(statements_for(user), 25).get_page(page)
    return {
        "page": statements,
        "statements": list(statements),
        "centres": list(staff_centres(user)),
        "previous_month": Month.of(today).plus(-1),
    }


def rates_for(user: User) -> QuerySet[CoachRate]:
    """BIL-04: a coach sees their own rates, centre staff their centre's."""
    return CoachRate.objects.visible_to(user).select_related("coach", "centre")


def allowed_rates(today: date) -> tuple[Decimal, ...]:
    return billing_ruleset(today).allowed_hourly_rates


def coaches_of(centres) -> QuerySet[User]:
    return (
        User.objects.filter(
            memberships__organisation__in=centres,
            memberships__role=Role.COACH,
            memberships__is_active=True,
        )
        .distinct()
        .order_by("first_name", "last_name")
    )


def rates_page(*, user: User, page: str | None, today: date) -> dict:
    centres = list(staff_centres(user))
    rates = Paginator(rates_for(user).order_by("coach__first_name", "-valid_from"), 50)
    return {
        "page": rates.get_page(page),
        "centres": centres,
        "coaches": list(coaches_of(centres)),
        "allowed_rates": allowed_rates(today),
    }


def parse_month(text: str):
    """A month as pages and the API write it ("2026-05") for the services."""
    year, month = text.split("-")
    return Month(int(year), int(month))


def hour_out(row: HourRow) -> dict:
    """An hour as the API answers it."""
    h = row.hour
    return {
        "contact_id": h.contact_id,
        "trajectory_id": h.trajectory_id,
        "day": h.day,
        "minutes": h.minutes,
        "client_name": h.client_name,
        "voucher": h.voucher,
        "aftercare": h.aftercare,
        "entered_on": row.entry.entered_on if row.entry else None,
        "to_enter": row.to_enter,
        "paid_in": row.paid_in,
        "settled_in": row.settled_in,
        "reasons": [r.as_dict() for r in row.status.reasons],
    }


def statement_out(statement: Statement) -> dict:
    return {
        "id": statement.pk,
        "coach_id": statement.coach_id,
        "centre_id": statement.centre_id,
        "month": statement.label,
        "total": statement.total,
        "created_at": statement.created_at,
    }


def statement_detail_out(view: StatementView) -> dict:
    return statement_out(view.statement) | {
        "corrected_total": view.corrected_total,
        "lines": view.lines,
        "corrections": view.corrections,
    }
