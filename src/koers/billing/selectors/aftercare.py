"""BIL-02: a coach's aftercare as the hours page shows it — to register at VDAB, never billable
("nazorg — niet factureerbaar"). Two queries whatever the number of conversations."""

from dataclasses import dataclass
from datetime import date

from koers.billing.models import HourEntry
from koers.billing.rules.hours import HourFacts, HourStatus, hour_status
from koers.billing.rules.periods import Month, hours_label
from koers.billing.selectors.hours import HOURS_MONTHS_BACK
from koers.billing.selectors.ruleset import billing_ruleset
from koers.core.models import User
from koers.trajectories.billable import AftercareHour, aftercare_hours


@dataclass(frozen=True)
class AftercareRow:
    hour: AftercareHour
    entry: HourEntry | None
    status: HourStatus

    @property
    def hours(self) -> str:
        return hours_label(self.hour.minutes)

    @property
    def to_enter(self) -> bool:
        return self.status.to_enter


def coach_aftercare(*, user: User, today: date) -> list[AftercareRow]:
    """The coach's own aftercare of the last year, newest first, entered at VDAB or not."""
    since = Month.of(today).plus(-HOURS_MONTHS_BACK).first_day
    hours = aftercare_hours(coach_ids=[user.pk], since=since, until=today)
    entries = {
        e.aftercare_id: e
        for e in HourEntry.objects.visible_to(user).filter(
            coach=user, aftercare_id__in=[h.aftercare_id for h in hours]
        )
    }
    ruleset = billing_ruleset(today)
    rows = []
    for hour in reversed(hours):
        entry = entries.get(hour.aftercare_id)
        fact = HourFacts(
            f"nazorg-{hour.aftercare_id}",
            hour.day,
            hour.minutes,
            entry.entered_on if entry else None,
            aftercare=True,
        )
        rows.append(AftercareRow(hour, entry, hour_status(fact, today, ruleset)))
    return rows


def aftercare_out(row: AftercareRow) -> dict:
    """An aftercare conversation as the API answers it."""
    h = row.hour
    return {
        "aftercare_id": h.aftercare_id,
        "trajectory_id": h.trajectory_id,
        "day": h.day,
        "minutes": h.minutes,
        "client_name": h.client_name,
        "voucher": h.voucher,
        "billable": h.billable,
        "entered_on": row.entry.entered_on if row.entry else None,
        "to_enter": row.to_enter,
        "reasons": [r.as_dict() for r in row.status.reasons],
    }
