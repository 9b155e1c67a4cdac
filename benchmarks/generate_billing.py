"""Billing data (BIL-02..04) for the benchmark database: each coach of the main centre gets a rate
from the rule set (€90 or €110 from its start); for the first `SETTLED_COACHES` of them, their
counted hours of the last three months are marked "ingegeven bij VDAB" (a few days after the
guidance day; the last two weeks still to enter, so the hours page has work to show), and the two
oldest of those months are settled into monthly statements. Called by `generate.py` after the
clients.

Which hours count is the programmes' own judgement (`billable_hours`, what the services read), the
entries are bulk_created from it (valid by construction: one per counted contact, never entered
before the day), and the statements come from the settlement service itself (one call per month,
one transaction per coach, as centre staff press "Afrekenen")."""

from datetime import timedelta
from decimal import Decimal

RATES = (Decimal("90.00"), Decimal("110.00"))
# Coaches whose hours are entered and settled: the settlement service takes about a second per
# coach and month, so beyond this many (at 100,000 clients: 250 coaches) the rest have rates only.
SETTLED_COACHES = 50


def generate_billing(*, centre, coaches, staff, today) -> dict[str, int]:
    from django.db import transaction

    from koers.billing.models import CoachRate, HourEntry, StatementLine
    from koers.billing.rules.periods import Month
    from koers.billing.rules.ruleset import RULESETS
    from koers.billing.services.hours import statement_settle
    from koers.trajectories.billable import billable_hours

    this_month = Month.of(today)
    months = [this_month.plus(-3), this_month.plus(-2), this_month.plus(-1)]
    since = max(months[0].first_day, RULESETS[0].valid_from)
    until = today - timedelta(days=14)
    with transaction.atomic():
        CoachRate.objects.bulk_create(
            CoachRate(
                coach=coach,
                centre=centre,
                rate=RATES[n % 2],
                valid_from=RULESETS[0].valid_from,
                set_by=staff,
            )
            for n, coach in enumerate(coaches)
        )
        entries = []
        if since <= until:
            settled = [c.pk for c in coaches[:SETTLED_COACHES]]
            for hour in billable_hours(coach_ids=settled, since=since, until=until):
                if hour.aftercare:
                    continue
                entries.append(
                    HourEntry(
                        contact_id=hour.contact_id,
                        coach_id=hour.coach_id,
                        day=hour.day,
                        entered_on=min(hour.day + timedelta(days=hour.contact_id % 4), today),
                        entered_by_id=hour.coach_id,
                    )
                )
        HourEntry.objects.bulk_create(entries, batch_size=5000)
    statements = 0
    for month in months[:2]:
        if month.first_day >= RULESETS[0].valid_from:
            statements += len(
                statement_settle(centre=centre, month=month, acting_user=staff, today=today)
            )
    return {
        "delivered dossiers": deliver_past_quarters(coaches=coaches, today=today),
        "coach rates": len(coaches),
        "hours entered": len(entries),
        "statements": statements,
        "statement lines": StatementLine.objects.filter(statement__centre=centre).count(),
    }


def deliver_past_quarters(*, coaches, today) -> int:
    """BIL-01 as a centre keeps it: every voucher dossier closed before this quarter went to the
    centre in a batch (one per coach, received); only this quarter's are still to deliver, as on
    a real dashboard. Bulk-created: a batch's rows copy the dossier's voucher and client."""
    from django.db import transaction

    from koers.billing.models import BatchDossier, BatchState, DeliveryBatch
    from koers.trajectories.models import Programme, TrajectoryStatus
    from koers.vouchers.models import Voucher

    quarter_start = today.replace(month=(today.month - 1) // 3 * 3 + 1, day=1)
    delivered = 0
    with transaction.atomic():
        for coach in coaches:
            vouchers = list(
                Voucher.objects.filter(
                    trajectory__responsible=coach,
                    trajectory__programme=Programme.VOUCHER,
                    trajectory__status=TrajectoryStatus.CLOSED,
                    trajectory__end_date__lt=quarter_start,
                ).select_related("trajectory", "client")
            )
            if not vouchers:
                continue
            batch = DeliveryBatch.objects.create(
                coach=coach,
                organisation_id=vouchers[0].trajectory.organisation_id,
                state=BatchState.RECEIVED,
            )
            BatchDossier.objects.bulk_create(
                (
                    BatchDossier(
                        batch=batch,
                        trajectory_id=v.trajectory_id,
                        voucher=str(v.number),
                        client_name=v.client.full_name,
                        closed_on=v.trajectory.end_date,
                    )
                    for v in vouchers
                ),
                batch_size=2000,
            )
            delivered += len(vouchers)
    return delivered
