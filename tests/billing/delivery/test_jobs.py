"""BIL-01 reminder mails from the sweep (frozen clock): the quarter reminder before the quarter
ends and the audit reminder before the deadline, each sent once, only to the coach, not when
delivered and not after the deadline."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from koers.billing.jobs.delivery import delivery_reminders
from koers.billing.models import Audit, CoachReminder
from koers.billing.services.delivery import batch_create
from koers.core.sweep import registered_jobs
from koers.outbox.delivery import deliver_due
from koers.outbox.models import OutboxMessage
from tests.billing.mail_backends import DOWN, LOCMEM

pytestmark = pytest.mark.django_db
BRUSSELS = ZoneInfo("Europe/Brussels")


def _at(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 9, tzinfo=BRUSSELS)


def _sweep(day: date, capture) -> int:
    with time_machine.travel(_at(day), tick=False), capture(execute=True):
        return delivery_reminders(_at(day))


def _audit(centre, centre_staff, deadline: date) -> Audit:
    # Set a day before, as staff would: the service refuses a deadline in the past.
    return Audit.objects.create(organisation=centre, deadline=deadline, created_by=centre_staff)


def test_bil_01_the_reminder_job_is_registered_with_the_sweep():
    assert "koers.billing.jobs.delivery.delivery_reminders" in registered_jobs()


def test_bil_01_quarter_reminder_sent_once_to_the_coach_only(
    fake_dossiers, coach, other_coach, centre_staff, django_capture_on_commit_callbacks
):
    fake_dossiers.dossier(coach, name="An Peeters")
    fake_dossiers.dossier(coach, name="Bart Claes", missing=("Bewijs van de nazorg",))
    assert _sweep(date(2026, 3, 20), django_capture_on_commit_callbacks) == 1
    assert _sweep(date(2026, 3, 21), django_capture_on_commit_callbacks) == 0  # once a quarter
    [sent] = mail.outbox
    assert sent.to == [coach.email]  # not the colleague, not the centre
    assert "dit kwartaal" in sent.subject
    assert "1 dossier(s) klaar, het kwartaal eindigt op 31/03/2026" in sent.body
    assert "An Peeters, cheque 1" in sent.body and "Bart Claes" not in sent.body  # incomplete
    assert CoachReminder.objects.get().key == "delivery-quarter:2026-1"


def test_bil_01_quarter_reminder_again_the_next_quarter(
    fake_dossiers, coach, django_capture_on_commit_callbacks
):
    fake_dossiers.dossier(coach)
    assert _sweep(date(2026, 3, 20), django_capture_on_commit_callbacks) == 1
    assert _sweep(date(2026, 6, 20), django_capture_on_commit_callbacks) == 1
    assert len(mail.outbox) == 2


def test_bil_01_no_quarter_reminder_when_delivered_this_quarter(
    fake_dossiers, coach, django_capture_on_commit_callbacks
):
    delivered = fake_dossiers.dossier(coach)
    fake_dossiers.dossier(coach, name="Bart Claes")  # still waiting, but a batch went in
    with time_machine.travel(_at(date(2026, 2, 2)), tick=False):
        batch_create(trajectory_ids=[delivered.pk], acting_user=coach)
    assert _sweep(date(2026, 3, 20), django_capture_on_commit_callbacks) == 0
    assert mail.outbox == [] and not CoachReminder.objects.exists()


def test_bil_01_no_quarter_reminder_before_the_window_or_once_the_quarter_ended(
    fake_dossiers, coach, django_capture_on_commit_callbacks
):
    fake_dossiers.dossier(coach)
    assert _sweep(date(2026, 3, 10), django_capture_on_commit_callbacks) == 0  # 14 days before
    assert _sweep(date(2026, 4, 2), django_capture_on_commit_callbacks) == 0  # Q1 is over
    assert mail.outbox == []


def test_bil_01_audit_reminder_lists_the_dossiers_due_and_is_sent_once(
    fake_dossiers, coach, other_coach, centre, centre_staff, django_capture_on_commit_callbacks
):
    fake_dossiers.dossier(coach, name="An Peeters", closed_on=date(2026, 4, 1))
    fake_dossiers.dossier(coach, name="Carl Maes", missing=("Bewijs van de nazorg",))
    audit = _audit(centre, centre_staff, date(2026, 4, 24))
    assert _sweep(date(2026, 4, 10), django_capture_on_commit_callbacks) == 0  # 7 days before
    assert _sweep(date(2026, 4, 17), django_capture_on_commit_callbacks) == 1
    assert _sweep(date(2026, 4, 18), django_capture_on_commit_callbacks) == 0
    [sent] = mail.outbox
    assert sent.to == [coach.email]
    assert sent.subject == "Audit: bezorg je afgeronde dossiers ten laatste op 24/04/2026"
    assert "Audit: bezorg 1 afgerond(e) dossier(s) ten laatste op 24/04/2026." in sent.body
    assert "An Peeters, cheque 1" in sent.body and "Carl Maes" not in sent.body
    assert CoachReminder.objects.get().key == f"delivery-audit:{audit.pk}"


@override_settings(KOERS_BASE_URL="http://koers.example:8101")
def test_bil_01_quarter_reminder_comes_from_the_centre_links_to_the_page_names_no_rule_code(
    fake_dossiers, coach, django_capture_on_commit_callbacks
):
    fake_dossiers.dossier(coach, name="An Peeters")
    assert _sweep(date(2026, 3, 20), django_capture_on_commit_callbacks) == 1
    [sent] = mail.outbox
    assert sent.from_email == "Loopbaancentrum Horizon <info@horizon.example.be>"
    assert f"http://koers.example:8101{reverse('billing_delivery')}" in sent.body
    assert "BIL-" not in sent.subject + sent.body


@override_settings(KOERS_BASE_URL="http://koers.example:8101")
def test_bil_01_audit_reminder_comes_from_the_auditing_centre_with_a_link_and_no_rule_code(
    fake_dossiers, coach, centre, centre_staff, django_capture_on_commit_callbacks
):
    fake_dossiers.dossier(coach, closed_on=date(2026, 4, 1))
    _audit(centre, centre_staff, date(2026, 4, 24))
    assert _sweep(date(2026, 4, 17), django_capture_on_commit_callbacks) == 1
    [sent] = mail.outbox
    assert sent.from_email == "Loopbaancentrum Horizon <info@horizon.example.be>"
    assert f"http://koers.example:8101{reverse('billing_delivery')}" in sent.body
    assert "BIL-" not in sent.subject + sent.body


def test_bil_01_no_audit_reminder_after_the_deadline(
    fake_dossiers, coach, centre, centre_staff, django_capture_on_commit_callbacks
):
    fake_dossiers.dossier(coach, closed_on=date(2026, 4, 1))
    _audit(centre, centre_staff, date(2026, 4, 24))
    assert _sweep(date(2026, 4, 25), django_capture_on_commit_callbacks) == 0
    assert mail.outbox == [] and not CoachReminder.objects.exists()


def test_bil_01_no_audit_reminder_when_the_dossiers_are_delivered(
    fake_dossiers, coach, centre, centre_staff, django_capture_on_commit_callbacks
):
    done = fake_dossiers.dossier(coach, closed_on=date(2026, 4, 1))
    _audit(centre, centre_staff, date(2026, 4, 24))
    with time_machine.travel(_at(date(2026, 4, 15)), tick=False):
        batch_create(trajectory_ids=[done.pk], acting_user=coach)
    assert _sweep(date(2026, 4, 17), django_capture_on_commit_callbacks) == 0
    assert mail.outbox == []


def test_bil_01_only_the_newest_audit_of_the_centre_counts(
    fake_dossiers, coach, centre, centre_staff, django_capture_on_commit_callbacks
):
    fake_dossiers.dossier(coach, closed_on=date(2026, 4, 1))
    with time_machine.travel(_at(date(2026, 4, 1)), tick=False):
        _audit(centre, centre_staff, date(2026, 4, 20))
    with time_machine.travel(_at(date(2026, 4, 2)), tick=False):
        newest = _audit(centre, centre_staff, date(2026, 5, 29))  # postponed
    assert _sweep(date(2026, 4, 15), django_capture_on_commit_callbacks) == 0
    assert _sweep(date(2026, 5, 25), django_capture_on_commit_callbacks) == 1
    assert CoachReminder.objects.get().key == f"delivery-audit:{newest.pk}"


def test_bil_01_reminder_recorded_once_and_delivered_by_the_outbox_when_the_mail_server_is_back(
    fake_dossiers, coach, settings, caplog, django_capture_on_commit_callbacks
):
    fake_dossiers.dossier(coach, name="An Peeters")
    settings.EMAIL_BACKEND = DOWN
    assert _sweep(date(2026, 3, 20), django_capture_on_commit_callbacks) == 1
    message = OutboxMessage.objects.get(kind="billing.delivery_reminder")
    assert mail.outbox == [] and message.sent_at is None and message.attempts == 1
    assert "Peeters" not in caplog.text and coach.email not in caplog.text  # no personal data
    settings.EMAIL_BACKEND = LOCMEM
    assert _sweep(date(2026, 3, 21), django_capture_on_commit_callbacks) == 0  # recorded once
    with time_machine.travel(_at(date(2026, 3, 21)), tick=False):
        assert deliver_due(timezone.now()) == 1
    assert len(mail.outbox) == 1 and CoachReminder.objects.count() == 1
