"""The voucher programme's billable hours for the billing app (BIL-02/03), through the trajectory
core's registry `koers.trajectories.billable` (billing never imports vouchers).

Each held contact counts the minutes the voucher's judged replay gives it (LBC-02..08, in time
order over the whole voucher, so caps depend on what counted before). Three queries whatever the
number of vouchers and contacts: the vouchers, their contacts, the contacts' proof documents.
"""

from collections.abc import Iterable
from datetime import date, datetime, time, timedelta

from django.utils import timezone

from koers.trajectories.billable import AftercareHour, BillableHour
from koers.trajectories.models import Contact, ContactOutcome
from koers.vouchers.models import AftercareEntry, Voucher
from koers.vouchers.selectors.common import ruleset_of
from koers.vouchers.selectors.summary import replay_contacts, replay_queryset


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
    by_trajectory: dict[int, list[Contact]] = {v.trajectory_id: [] for v in vouchers}
    # The whole voucher is replayed (earlier contacts decide the caps), then the period is kept.
    for contact in replay_queryset().filter(trajectory_id__in=list(by_trajectory)):
        by_trajectory[contact.trajectory_id].append(contact)
    hours: list[BillableHour] = []
    for voucher in vouchers:
        contacts = by_trajectory[voucher.trajectory_id]
        judged, *_ = replay_contacts(voucher, contacts, ruleset_of(voucher), set())
        for j in judged:
            contact = j.contact
            if contact.staff_id not in coach_ids or j.decision.counted_minutes <= 0:
                continue
            if not start <= contact.starts_at < end:
                continue
            hours.append(
                BillableHour(
                    contact_id=contact.pk,
                    trajectory_id=voucher.trajectory_id,
                    coach_id=contact.staff_id,
                    day=timezone.localtime(contact.starts_at).date(),
                    minutes=j.decision.counted_minutes,
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
