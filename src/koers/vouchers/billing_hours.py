"""The voucher programme's billable hours for the billing app (BIL-02/03), through the trajectory
core's registry `koers.trajectories.billable` (billing never imports vouchers).

Each held contact counts the minutes the voucher's judged replay gives it (LBC-02..08, in time
order over the whole voucher, so caps depend on what counted before). Three queries whatever the
number of vouchers and contacts: the vouchers, their contacts (value rows, no model instance
per contact), the contacts' proof documents.
"""

from collections.abc import Iterable
from datetime import date, datetime, time, timedelta

from django.utils import timezone

from koers.trajectories.billable import AftercareHour, BillableHour
from koers.trajectories.models import Contact, ContactOutcome
from koers.vouchers.models import AftercareEntry, Voucher
from koers.vouchers.selectors.common import ruleset_of
from koers.vouchers.selectors.rows import ContactRow, contact_rows_of
from koers.vouchers.selectors.summary import replay_rows


def _start_of(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def voucher_billable_hours(
    coach_ids: Iterable[int], since: date, until: date
) -> list[BillableHour]:
    coach_ids = set(coach_ids)
    start, end = _start_of(since), _start_of(until + timedelta(days=1))
    held = Contact.objects.filter(
        staff_id__in=coach_ids,
        outcome=ContactOutcome.HELD,
        starts_at__gte=start,
        starts_at__lt=end,
    ).values("trajectory_id")
    vouchers = list(Voucher.objects.filter(trajectory_id__in=held).select_related("client"))
    by_trajectory: dict[int, list[tuple[int | None, ContactRow]]] = {
        v.trajectory_id: [] for v in vouchers
    }
    # The whole voucher is replayed (earlier contacts decide the caps), then the period is kept.
    # Value rows, not model instances (issue 14: a busy coach's year is thousands of contacts).
    for trajectory_id, staff_id, row in contact_rows_of(by_trajectory):
        by_trajectory[trajectory_id].append((staff_id, row))
    hours: list[BillableHour] = []
    for voucher in vouchers:
        staffed = by_trajectory[voucher.trajectory_id]
        decisions, *_ = replay_rows(voucher, [row for _, row in staffed], ruleset_of(voucher))
        for (staff_id, row), decision in zip(staffed, decisions, strict=True):
            if staff_id not in coach_ids or decision.counted_minutes <= 0:
                continue
            if not start <= row.starts_at < end:
                continue
            hours.append(
                BillableHour(
                    contact_id=row.pk,
                    trajectory_id=voucher.trajectory_id,
                    coach_id=staff_id,
                    day=timezone.localtime(row.starts_at).date(),
                    minutes=decision.counted_minutes,
                    client_name=voucher.client.full_name,
                    voucher=str(voucher.number),
                    aftercare=False,
                )
            )
    return hours


def voucher_aftercare_hours(
    coach_ids: Iterable[int], since: date, until: date
) -> list[AftercareHour]:
    """LBC-18 aftercare recorded by these coaches on those days (one query): registered at VDAB
    by the coach who recorded it, never billable."""
    entries = AftercareEntry.objects.filter(
        recorded_by_id__in=set(coach_ids), on__gte=since, on__lte=until
    ).select_related("voucher__client")
    return [
        AftercareHour(
            aftercare_id=e.pk,
            trajectory_id=e.voucher.trajectory_id,
            coach_id=e.recorded_by_id,
            day=e.on,
            minutes=e.minutes,
            client_name=e.voucher.client.full_name,
            voucher=str(e.voucher.number),
        )
        for e in entries
    ]
