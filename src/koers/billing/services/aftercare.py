"""BIL-02: aftercare marked "ingegeven bij VDAB". Aftercare is registered at VDAB like any hour,
but never paid: its entries carry no contact, so the settlement (which reads only contacts'
`billable_hours`) never puts them on a statement."""

from datetime import date

from django.db import transaction
from django.http import Http404

from koers.billing.models import HourEntry
from koers.billing.rules.hours import HourFacts, entry_refusal
from koers.billing.rules.periods import Month
from koers.billing.selectors.hours import HOURS_MONTHS_BACK
from koers.core.history import save_with_user
from koers.core.models import User
from koers.lib.refusals import refusal
from koers.trajectories.billable import aftercare_hours


def _lock_coach(coach_id: int) -> User:
    # The same lock as the hours services: a coach's billing writes never interleave.
    return User.objects.select_for_update().get(pk=coach_id)


@transaction.atomic
def aftercare_mark_entered(
    *, aftercare_id: int, entered_on: date, acting_user: User, today: date
) -> HourEntry:
    """BIL-02: the coach marks their aftercare (of the last year, as the hours page shows it)
    entered at VDAB on `entered_on`."""
    coach = _lock_coach(acting_user.pk)
    since = Month.of(today).plus(-HOURS_MONTHS_BACK).first_day
    found = aftercare_hours(coach_ids=[coach.pk], since=since, until=today)
    hour = next((h for h in found if h.aftercare_id == aftercare_id), None)
    if hour is None:
        raise Http404("no aftercare of this coach")
    known = (
        HourEntry.objects.filter(aftercare_id=aftercare_id)
        .values_list("entered_on", flat=True)
        .first()
    )
    facts = HourFacts(f"nazorg-{aftercare_id}", hour.day, hour.minutes, known, aftercare=True)
    refused = entry_refusal(facts, entered_on, today)
    if refused:
        raise refusal("entered_on", refused)
    entry = HourEntry(
        aftercare_id=aftercare_id,
        coach=coach,
        day=hour.day,
        entered_on=entered_on,
        entered_by=acting_user,
    )
    return save_with_user(entry, acting_user)


@transaction.atomic
def aftercare_unmark(*, aftercare_id: int, acting_user: User) -> None:
    """BIL-02: the coach takes an aftercare entry back (never settled, so always allowed)."""
    _lock_coach(acting_user.pk)
    entry = HourEntry.objects.filter(aftercare_id=aftercare_id, coach=acting_user).first()
    if entry is None:
        raise Http404("no aftercare entry of this coach")
    entry._history_user = acting_user
    entry.delete()
