"""BIL-05 and BIL-06 reminders from the sweep: sent once, recorded, never twice."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.test import override_settings
from django.urls import reverse

from koers.billing.jobs.coaches import development_plan_reminders, location_change_reminders
from koers.billing.models import CoachReminder
from koers.billing.services import coaches as services

pytestmark = pytest.mark.django_db(transaction=False)
BRUSSELS = ZoneInfo("Europe/Brussels")


def _at(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 9, tzinfo=BRUSSELS)


def test_bil_06_no_reminder_long_before_the_plan_is_due(coach, mailoutbox):
    assert development_plan_reminders(_at(date(2026, 6, 15))) == 0
    assert mailoutbox == []


def test_bil_06_coach_is_reminded_once_before_due_and_once_when_late(
    coach, other_coach, centre_staff, django_capture_on_commit_callbacks, mailoutbox
):
    services.development_plan_receive(
        coach=other_coach, year=2026, received_on=date(2026, 6, 1), acting_user=centre_staff
    )
    with time_machine.travel("2026-12-05T09:00:00+01:00", tick=False):
        with django_capture_on_commit_callbacks(execute=True):
            assert development_plan_reminders(_at(date(2026, 12, 5))) == 1
        with django_capture_on_commit_callbacks(execute=True):
            assert development_plan_reminders(_at(date(2026, 12, 6))) == 0
    assert [m.to for m in mailoutbox] == [[coach.email]]
    assert "ontwikkelingsplan 2026" in mailoutbox[0].subject
    assert "sjabloon voor de eerste keer" in mailoutbox[0].body
    with (
        time_machine.travel("2027-01-02T09:00:00+01:00", tick=False),
        django_capture_on_commit_callbacks(execute=True),
    ):
        development_plan_reminders(_at(date(2027, 1, 2)))
    # The sweep looks at this year's plan only: 2027's is not near yet. (With the placeholder
    # due date of 31/12 a "late" reminder cannot fire in the same year; see the report.)
    assert CoachReminder.objects.filter(recipient=coach).count() == 1


def test_bil_05_staff_hear_once_of_each_change_to_pass_on(
    coach, centre_staff, elsewhere_staff, deurne, django_capture_on_commit_callbacks, mailoutbox
):
    x = services.coach_location_start(
        coach=coach, location=deurne, started_on=date(2026, 6, 1), acting_user=coach
    )
    now = _at(date(2026, 6, 15))
    with django_capture_on_commit_callbacks(execute=True):
        assert location_change_reminders(now) == 1
    with django_capture_on_commit_callbacks(execute=True):
        assert location_change_reminders(now) == 0
    assert [m.to for m in mailoutbox] == [[centre_staff.email]]
    services.coach_location_end(coach_location=x, ended_on=date(2026, 6, 30), acting_user=coach)
    with django_capture_on_commit_callbacks(execute=True):
        assert location_change_reminders(now) == 1
    assert "1 nieuwe locatiewijziging" in mailoutbox[-1].body
    for change in x.changes.all():
        services.location_change_passed_on(change=change, acting_user=centre_staff)
    with django_capture_on_commit_callbacks(execute=True):
        assert location_change_reminders(now) == 0
    assert len(mailoutbox) == 2


def test_bil_06_late_reminder_once_when_the_due_day_is_earlier_in_the_year(
    coach, django_capture_on_commit_callbacks, mailoutbox, monkeypatch
):
    import dataclasses

    from koers.billing.jobs import coaches as jobs
    from koers.billing.rules.ruleset import RULESETS

    early = dataclasses.replace(RULESETS[0], development_plan_due_month=3)
    monkeypatch.setattr(jobs, "billing_ruleset", lambda day: early)
    for _ in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            jobs.development_plan_reminders(_at(date(2026, 6, 15)))
    assert len(mailoutbox) == 1 and "te laat" in mailoutbox[0].subject
    assert CoachReminder.objects.get().key == "plan-late:2026"


@override_settings(KOERS_BASE_URL="http://koers.example:8101")
def test_bil_06_plan_reminder_comes_from_the_centre_and_links_to_my_details(
    coach, django_capture_on_commit_callbacks, mailoutbox
):
    with (
        time_machine.travel("2026-12-05T09:00:00+01:00", tick=False),
        django_capture_on_commit_callbacks(execute=True),
    ):
        assert development_plan_reminders(_at(date(2026, 12, 5))) == 1
    [sent] = mailoutbox
    assert sent.from_email == "Loopbaancentrum Horizon <info@horizon.example.be>"
    assert f"http://koers.example:8101{reverse('billing_my_details')}" in sent.body
    assert "BIL-" not in sent.subject + sent.body


@override_settings(KOERS_BASE_URL="http://koers.example:8101")
def test_bil_05_location_change_mail_comes_from_the_centre_links_to_the_coaches_page(
    coach, centre_staff, deurne, django_capture_on_commit_callbacks, mailoutbox
):
    services.coach_location_start(
        coach=coach, location=deurne, started_on=date(2026, 6, 1), acting_user=coach
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert location_change_reminders(_at(date(2026, 6, 15))) == 1
    [sent] = mailoutbox
    assert sent.from_email == "Loopbaancentrum Horizon <info@horizon.example.be>"
    assert f"http://koers.example:8101{reverse('billing_coaches')}" in sent.body
    assert "BIL-" not in sent.subject + sent.body
