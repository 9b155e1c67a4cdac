"""The voucher programme's billable hours for the billing app (BIL-02/03), through the trajectory
core's registry `koers.trajectories.billable` (billing never imports vouchers).

Each held contact counts the minutes the voucher's judged replay gives it (LBC-02..08, in time
order over the whole voucher, so caps depend on what counted before). The replay is kept in
`CountedContact` (`services.counting`, recounted on every change of a voucher's contacts or
proofs), so a coach's year is two queries of value rows: the counted contacts, their vouchers.
"""

from collections.abc import Iterable
from datetime import date, datetime, time, timedelta

from django.utils import timezone

from koers.trajectories.billable import AftercareHour, BillableHour
from koers.vouchers.models import AftercareEntry, CountedContact, Voucher


def _start_of(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def voucher_billable_hours(
    coach_ids: Iterable[int], since: date, until: date
) -> list[BillableHour]:
    start, end = _start_of(since), _start_of(until + timedelta(days=1))
    counted = list(
        CountedContact.objects.filter(
            staff_id__in=set(coach_ids), starts_at__gte=start, starts_at__lt=end
        ).values_list("contact_id", "trajectory_id", "staff_id", "starts_at", "counted_minutes")
    )
    vouchers = {
        trajectory_id: (str(number), f"{first_name} {last_name}")
        for trajectory_id, number, first_name, last_name in Voucher.objects.filter(
            trajectory_id__in={c[1] for c in counted}
        ).values_list("trajectory_id", "number", "client__first_name", "client__last_name")
    }
    local = timezone.get_current_timezone()  # once: `localtime` looks it up on every call
    return [
        BillableHour(
            contact_id=contact_id,
            trajectory_id=trajectory_id,
            coach_id=staff_id,
            day=starts_at.astimezone(local).date(),
            minutes=minutes,
            client_name=vouchers[trajectory_id][1],
            voucher=vouchers[trajectory_id][0],
            aftercare=False,
        )
        for contact_id, trajectory_id, staff_id, starts_at, minutes in counted
    ]


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
