"""BIL-02 and BIL-03: marking hours entered at VDAB, the coach's rates, the monthly settlement
and its corrections; the statement mail through the outbox is `statement_mail`.

A coach's hours, rates and statements are serialised by a lock on the coach's user row: marking
or unmarking an hour, setting a rate and settling a statement of the same coach never interleave
(a settlement never reads an hour that is being taken back, two rates never overlap).
"""

from collections.abc import Iterable
from datetime import date, timedelta
from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from koers.billing.models import (
    CoachRate,
    HourEntry,
    Statement,
    StatementCorrection,
    StatementHour,
    StatementLine,
    StatementMail,
)
from koers.billing.rules import statements as rules
from koers.billing.rules.hours import HourFacts, entry_refusal, unmark_refusal
from koers.billing.rules.periods import Month
from koers.billing.selectors.ruleset import billing_ruleset
from koers.billing.services.statement_mail import (  # statement_mail_send: its old address
    statement_mail_later,
    statement_mail_send,  # noqa: F401
)
from koers.core.history import save_with_user
from koers.core.models import Organisation, Role, User
from koers.lib.refusals import refusal
from koers.trajectories.billable import BillableHour, billable_hours
from koers.trajectories.models import Contact


def _lock_coach(coach_id: int) -> User:
    # Serialises everything billing writes for one coach (see the module docstring).
    return User.objects.select_for_update().get(pk=coach_id)


def _own_hours(coach: User, contact_ids: Iterable[int] | None, since: date, until: date):
    hours = billable_hours(coach_ids=[coach.pk], since=since, until=until)
    if contact_ids is not None:
        wanted = set(contact_ids)
        hours = [h for h in hours if h.contact_id in wanted]
    return hours


def _mark(hours: list[BillableHour], *, entered_on, acting_user, today) -> list[HourEntry]:
    known = dict(
        HourEntry.objects.filter(contact_id__in=[h.contact_id for h in hours]).values_list(
            "contact_id", "entered_on"
        )
    )
    entries = []
    for hour in hours:
        facts = HourFacts(str(hour.contact_id), hour.day, hour.minutes, known.get(hour.contact_id))
        refused = entry_refusal(facts, entered_on, today)
        if refused:
            raise refusal("entered_on", refused)
        entry = HourEntry(
            contact_id=hour.contact_id,
            coach_id=hour.coach_id,
            day=hour.day,
            entered_on=entered_on,
            entered_by=acting_user,
        )
        entries.append(save_with_user(entry, acting_user))
    return entries


@transaction.atomic
def hour_mark_entered(*, contact_id: int, entered_on: date, acting_user: User, today: date):
    """BIL-02: the coach marks one of their counted hours "ingegeven bij VDAB" on `entered_on`."""
    coach = _lock_coach(acting_user.pk)
    starts_at = (
        Contact.objects.filter(pk=contact_id, staff=coach)
        .values_list("starts_at", flat=True)
        .first()
    )
    day = timezone.localdate(starts_at) if starts_at else None
    hour = next(iter(_own_hours(coach, [contact_id], day, day)), None) if day else None
    if hour is None:
        raise Http404("no counted hour of this coach")
    return _mark([hour], entered_on=entered_on, acting_user=acting_user, today=today)[0]


@transaction.atomic
def hours_mark_month_entered(
    *, month: Month, entered_on: date, acting_user: User, today: date
) -> list[HourEntry]:
    """BIL-02: "all of a month at once": every counted hour of `month` not yet entered. All or
    nothing: one hour refused (an hour after `entered_on`) marks none."""
    coach = _lock_coach(acting_user.pk)
    hours = _own_hours(coach, None, month.first_day, min(month.last_day, today))
    entered = set(
        HourEntry.objects.filter(contact_id__in=[h.contact_id for h in hours]).values_list(
            "contact_id", flat=True
        )
    )
    waiting = [h for h in hours if h.contact_id not in entered and not h.aftercare]
    return _mark(waiting, entered_on=entered_on, acting_user=acting_user, today=today)


@transaction.atomic
def hour_unmark(*, contact_id: int, acting_user: User) -> None:
    """BIL-02: the coach takes an entry back (a wrong date) while no statement carries it."""
    _lock_coach(acting_user.pk)
    entry = (
        HourEntry.objects.filter(contact_id=contact_id, coach=acting_user)
        .select_related("settled__line__statement")
        .first()
    )
    if entry is None:
        raise Http404("no entry of this coach")
    settled = getattr(entry, "settled", None)
    refused = unmark_refusal(settled.line.statement.label if settled else None)
    if refused:
        raise refusal("contact_id", refused)
    entry._history_user = acting_user
    entry.delete()


def _require_staff(user: User, centre: Organisation) -> None:
    if not (user.is_administrator or Role.CENTRE_STAFF in user.roles_in(centre.pk)):
        raise PermissionDenied(_("Enkel centrummedewerkers van dit centrum doen dit."))


def centre_coaches(centre: Organisation):
    return User.objects.filter(
        memberships__organisation=centre, memberships__role=Role.COACH, memberships__is_active=True
    ).distinct()


def _rate_facts(rates) -> list[rules.CoachRate]:
    return [rules.CoachRate(r.rate, r.valid_from, r.valid_until) for r in rates]


@transaction.atomic
def coach_rate_set(
    *,
    centre: Organisation,
    coach_id: int,
    rate: Decimal,
    valid_from: date,
    valid_until: date | None = None,
    acting_user: User,
) -> CoachRate:
    """BIL-04: centre staff give a coach of their centre a rate from the allowed list from
    `valid_from`. A rate still open at that day ends the day before; any other overlap is refused."""
    _require_staff(acting_user, centre)
    if not centre_coaches(centre).filter(pk=coach_id).exists():
        raise refusal("coach_id", rules.Reason("BIL-04", "Deze coach werkt niet voor dit centrum."))
    _lock_coach(coach_id)
    existing = list(CoachRate.objects.filter(coach_id=coach_id, centre=centre))
    ruleset = billing_ruleset(valid_from)
    refused = rules.rate_refusal(rate, ruleset)
    if refused:
        raise refusal("rate", refused)
    closing = [r for r in existing if r.valid_from < valid_from and r.valid_until is None]
    for r in closing:
        r.valid_until = valid_from - timedelta(days=1)
    new = CoachRate(
        coach_id=coach_id,
        centre=centre,
        rate=rate,
        valid_from=valid_from,
        valid_until=valid_until,
        set_by=acting_user,
    )
    refused = rules.rates_refusal(_rate_facts([*existing, new]), ruleset)
    if refused:
        raise refusal("valid_from", refused)
    for r in closing:
        save_with_user(r, acting_user, update_fields=["valid_until"])
    return save_with_user(new, acting_user)


# ---- settlement ---------------------------------------------------------------------------------


def _entry_facts(entries: list[HourEntry], counted: dict[int, BillableHour]):
    facts = []
    for entry in entries:
        hour = counted.get(entry.contact_id)
        if hour is None:
            continue  # the contact no longer counts (LBC-02..08): nothing to pay for it
        facts.append(
            rules.EntryFacts(
                hour_id=str(entry.pk),
                client_name=hour.client_name,
                voucher=hour.voucher,
                day=hour.day,
                minutes=hour.minutes,
                entered_on=entry.entered_on,
                aftercare=hour.aftercare,
            )
        )
    return facts


@transaction.atomic
def _settle_coach(
    *, coach_id: int, centre: Organisation, month: Month, acting_user, today
) -> Statement | None:
    _lock_coach(coach_id)
    existing = Statement.objects.filter(coach_id=coach_id, month=month.first_day).first()
    if existing is not None:
        return existing  # settled before (a re-run after a crash): nothing changes
    # Aftercare entries (no contact) are registered at VDAB, never billable (BIL-02).
    entries = list(
        HourEntry.objects.filter(coach_id=coach_id, settled__isnull=True, contact__isnull=False)
    )
    if not entries:
        return None
    counted = {
        h.contact_id: h
        for h in billable_hours(
            coach_ids=[coach_id],
            since=min(e.day for e in entries),
            until=max(e.day for e in entries),
        )
    }
    rates = CoachRate.objects.filter(coach_id=coach_id, centre=centre)
    built, refused = rules.build_statement(
        coach=str(coach_id),
        month=month,
        entries=_entry_facts(entries, counted),
        rates=_rate_facts(rates),
        today=today,
        ruleset=billing_ruleset(month.last_day),
    )
    if refused:
        raise refusal("month", refused)
    if not built.lines:
        return None
    statement = Statement.objects.create(
        coach_id=coach_id,
        centre=centre,
        month=month.first_day,
        total=built.total,
        created_by=acting_user,
    )
    by_id = {str(e.pk): e for e in entries}
    for line in built.lines:
        row = StatementLine.objects.create(
            statement=statement,
            client_name=line.client_name,
            voucher=line.voucher,
            rate=line.rate,
            minutes=line.minutes,
            amount=line.amount,
        )
        StatementHour.objects.bulk_create(
            StatementHour(line=row, entry=by_id[h], minutes=counted[by_id[h].contact_id].minutes)
            for h in line.hour_ids
        )
    mail = StatementMail.objects.create(statement=statement, recipient=statement.coach.email)
    transaction.on_commit(lambda: statement_mail_later(mail.pk))
    return statement


def statement_settle(
    *, centre: Organisation, month: Month, acting_user: User | None, today: date
) -> list[Statement]:
    """BIL-03: settle `month` for every coach of the centre (one click by centre staff, or the
    sweep with `acting_user=None`). One transaction per coach: a run killed half-way leaves the
    settled coaches settled, and the next run settles the rest; a coach settled before keeps the
    statement as it was (the lock, and the constraint once per coach and month)."""
    if acting_user is not None:
        _require_staff(acting_user, centre)
    refused = rules.settlement_refusal(month, today)
    if refused:
        raise refusal("month", refused)
    done = []
    for coach_id in centre_coaches(centre).order_by("pk").values_list("pk", flat=True):
        try:
            statement = _settle_coach(
                coach_id=coach_id, centre=centre, month=month, acting_user=acting_user, today=today
            )
        except IntegrityError:  # another run created it between our check and insert
            statement = Statement.objects.get(coach_id=coach_id, month=month.first_day)
        if statement is not None:
            done.append(statement)
    return done


def _statement_facts(statement: Statement) -> rules.Statement:
    lines = tuple(
        rules.StatementLine(x.client_name, x.voucher, x.minutes, x.rate, ())
        for x in statement.lines.all()
    )
    return rules.Statement(str(statement.coach_id), Month.of(statement.month), lines, (), ())


@transaction.atomic
def statement_correct(
    *, statement_id: int, line_id: int, minutes: int, note: str, acting_user: User
) -> StatementCorrection:
    """BIL-03: centre staff add a visible correction to a line's client, voucher and rate (signed
    half hours, with the reason); the statement itself is not changed."""
    # Two corrections at once would each see the other's minutes missing and could take back
    # more hours than the line carries: the statement row lock makes the second wait.
    statement = Statement.objects.select_for_update().get(pk=statement_id)
    _require_staff(acting_user, statement.centre)
    line = statement.lines.filter(pk=line_id).first()
    if line is None:
        raise refusal("line_id", rules.Reason("BIL-03", "Deze lijn staat niet op de afrekening."))
    correction = rules.Correction(
        str(statement.pk), line.client_name, line.voucher, minutes, line.rate, note
    )
    earlier = [
        rules.Correction(str(statement.pk), c.client_name, c.voucher, c.minutes, c.rate, c.note)
        for c in statement.corrections.all()
    ]
    refused = rules.correction_refusal(_statement_facts(statement), correction, earlier)
    if refused:
        field = "note" if not note.strip() else "minutes"
        raise refusal(field, refused)
    row = StatementCorrection(
        statement=statement,
        client_name=line.client_name,
        voucher=line.voucher,
        rate=line.rate,
        minutes=minutes,
        amount=correction.amount,
        note=note.strip(),
        created_by=acting_user,
    )
    return save_with_user(row, acting_user)
