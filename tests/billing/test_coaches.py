"""BIL-05 a coach's locations with start dates; BIL-06 the yearly development plan."""

import dataclasses
from datetime import date

from koers.billing.rules.coaches import (
    FIRST_TIME,
    RETURNING,
    CoachLocation,
    DevelopmentPlan,
    current_locations,
    location_changes,
    location_refusal,
    plan_status,
)
from koers.billing.rules.ruleset import ruleset_for

RULES = ruleset_for(date(2026, 1, 1))  # plan due 31/12, reminder 30 days before (to confirm)
DEURNE = CoachLocation("Deurne", date(2025, 9, 1))
GENT = CoachLocation("Gent", date(2026, 3, 1), reported_on=date(2026, 2, 20))


def test_bil_05_current_locations_on_a_day():
    ended = CoachLocation("Mechelen", date(2025, 1, 1), ended_on=date(2026, 2, 28))
    assert current_locations([DEURNE, GENT, ended], date(2026, 2, 15)) == ["Deurne", "Mechelen"]
    assert current_locations([DEURNE, GENT, ended], date(2026, 3, 1)) == ["Deurne", "Gent"]


def test_bil_05_staff_see_a_new_location_as_a_change_for_vdab():
    (change,) = location_changes([DEURNE, GENT], since=date(2026, 2, 1))
    assert change.rule == "BIL-05"
    assert change.message == "Nieuwe locatie Gent vanaf 01/03/2026: geef ze door aan VDAB."
    ended = dataclasses.replace(DEURNE, ended_on=date(2026, 4, 30))
    assert (
        "Werkt niet meer op Deurne na 30/04/2026"
        in location_changes([ended], date(2026, 4, 1))[0].message
    )


def test_bil_05_a_location_recorded_twice_or_ending_before_it_starts_is_refused():
    again = CoachLocation("Deurne", date(2026, 1, 10))
    assert (
        "al op Deurne sinds 01/09/2025"
        in location_refusal(again, [DEURNE], date(2026, 1, 5)).message
    )
    backwards = CoachLocation("Lier", date(2026, 2, 1), ended_on=date(2026, 1, 1))
    assert location_refusal(backwards, [], date(2026, 1, 5)).rule == "BIL-05"
    assert location_refusal(GENT, [DEURNE], date(2026, 2, 20)) is None


def test_bil_06_first_plan_uses_the_first_time_template_then_the_returning_one():
    first = plan_status(2026, [], date(2026, 6, 1), RULES)
    assert first.template == FIRST_TIME and not first.received
    assert "sjabloon voor de eerste keer" in first.reasons[0].message
    history = [DevelopmentPlan(2025, received_on=date(2025, 12, 1))]
    assert plan_status(2026, history, date(2026, 6, 1), RULES).template == RETURNING


def test_bil_06_reminder_before_the_plan_is_due_and_late_after():
    assert not plan_status(2026, [], date(2026, 11, 30), RULES).reminder_due
    assert plan_status(2026, [], date(2026, 12, 1), RULES).reminder_due
    late = plan_status(2026, [], date(2027, 1, 1), RULES)
    assert late.late and not late.reminder_due and late.reasons[-1].rule == "BIL-06"


def test_bil_06_a_received_plan_needs_no_reminder():
    plans = [DevelopmentPlan(2026, received_on=date(2026, 12, 5))]
    status = plan_status(2026, plans, date(2026, 12, 20), RULES)
    assert status.received and not status.reminder_due and not status.late
    assert status.reasons[0].message == "Ontwikkelingsplan 2026 ontvangen op 05/12/2026."


def test_bil_05_a_location_ends_once_and_not_before_it_started():
    from koers.billing.rules.coaches import location_end_refusal

    assert location_end_refusal(DEURNE, date(2026, 3, 1)) is None
    assert location_end_refusal(DEURNE, date(2025, 8, 1)).rule == "BIL-05"
    ended = dataclasses.replace(DEURNE, ended_on=date(2026, 2, 28))
    assert "sinds 28/02/2026" in location_end_refusal(ended, date(2026, 3, 1)).message


def test_bil_05_a_change_is_passed_on_once_and_only_staff_pass_it_on():
    from koers.billing.rules.coaches import actor_refusal, pass_on_refusal

    assert pass_on_refusal(False) is None
    assert pass_on_refusal(True).rule == "BIL-05"
    assert actor_refusal(is_the_coach=True, is_centre_staff=False, staff_only=False) is None
    assert actor_refusal(is_the_coach=True, is_centre_staff=False, staff_only=True) is not None
    assert actor_refusal(is_the_coach=False, is_centre_staff=False, staff_only=False) is not None
    assert actor_refusal(is_the_coach=False, is_centre_staff=True, staff_only=True) is None


def test_bil_06_a_plan_is_received_once_and_not_in_the_future():
    from koers.billing.rules.coaches import plan_receipt_refusal

    today = date(2026, 6, 1)
    assert plan_receipt_refusal(2026, today, [], today) is None
    assert plan_receipt_refusal(2026, date(2026, 6, 2), [], today).rule == "BIL-06"
    plans = [DevelopmentPlan(2026, received_on=date(2026, 5, 1))]
    assert "al ontvangen op 01/05/2026" in plan_receipt_refusal(2026, today, plans, today).message
