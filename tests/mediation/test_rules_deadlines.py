"""`rules.deadlines`: a service's deadlines from its facts (MED-02/03/05/14), without a database."""

from datetime import date

from koers.mediation.rules.deadlines import Appointment, Due, service_deadlines

DAY = date(2026, 3, 2)
FACTS = {
    "appointments": [],
    "ladder_done": False,
    "present_on": None,
    "has_first_sheet": False,
    "to_close": False,
    "advice_deadline": None,
    "replan_target_days": 7,
    "first_sheet_days": 15,
}


def _absent(number, day):
    return Appointment(number=number, kind="ordinary", pending=False, absent=True, day=day)


def test_med_02_the_lowest_pending_appointment_is_due_on_its_day_and_no_replan_beside_it():
    pending = [
        Appointment(number=3, kind="registered", pending=True, absent=False, day=date(2026, 3, 9)),
        Appointment(number=2, kind="registered", pending=True, absent=False, day=DAY),
    ]
    facts = FACTS | {"appointments": [_absent(1, date(2026, 2, 1)), *pending]}
    assert service_deadlines(**facts) == [Due(0, DAY, 2, "registered")]


def test_med_03_replan_counts_from_the_last_absence_unless_the_ladder_ended():
    facts = FACTS | {"appointments": [_absent(2, DAY), _absent(1, date(2026, 2, 1))]}
    assert service_deadlines(**facts) == [Due(1, date(2026, 3, 9))]
    assert service_deadlines(**facts | {"ladder_done": True}) == []


def test_med_05_14_a_service_can_owe_its_first_sheet_and_its_advice_in_kind_order():
    facts = FACTS | {"present_on": DAY, "to_close": True, "advice_deadline": date(2026, 3, 5)}
    assert service_deadlines(**facts) == [Due(2, date(2026, 3, 17)), Due(3, date(2026, 3, 5))]
    assert service_deadlines(**facts | {"has_first_sheet": True}) == [Due(3, date(2026, 3, 5))]
    assert service_deadlines(**facts | {"advice_deadline": None, "has_first_sheet": True}) == []
