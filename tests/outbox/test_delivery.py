"""The recorded outbox: a message is a row of the step's own transaction, delivered after the
commit, retried with a growing wait while the server is down, given up after the last attempt,
taken again when its worker died, never logged with its content, and cleared once sent and
old."""

from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.db import transaction
from django.utils import timezone

from koers.outbox import sms
from koers.outbox.delivery import backoff, deliver, deliver_due
from koers.outbox.jobs import clear_sent_messages
from koers.outbox.models import OutboxMessage
from koers.outbox.services import mail_queue, sms_queue
from tests.billing.mail_backends import DOWN, LOCMEM

pytestmark = pytest.mark.django_db
NOW = timezone.datetime(2026, 6, 15, 10, 0, tzinfo=timezone.get_fixed_timezone(120))


def _queue(**extra) -> OutboxMessage:
    """A message queued at NOW."""
    with time_machine.travel(NOW, tick=False):
        return _queue_now(**extra)


def _queue_now(**extra) -> OutboxMessage:
    return mail_queue(
        kind="tests.invitation",
        to=["an.peeters@example.org"],
        subject="Uitnodiging",
        body="Dag An Peeters",
        **extra,
    )


def test_a_mail_is_sent_after_the_commit_of_its_step(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        message = _queue_now()
        assert mail.outbox == []  # nothing leaves before the step is committed
    message.refresh_from_db()
    assert len(mail.outbox) == 1 and message.sent_at is not None and message.attempts == 1


def test_a_step_rolled_back_leaves_no_message():
    with pytest.raises(RuntimeError), transaction.atomic():
        _queue_now()
        raise RuntimeError("the step failed")
    assert not OutboxMessage.objects.exists()


def test_a_mail_server_down_keeps_the_message_and_waits_longer_each_time(settings, caplog):
    settings.EMAIL_BACKEND = DOWN
    message = _queue()
    with time_machine.travel(NOW, tick=False):
        assert deliver(message.pk) is False
        message.refresh_from_db()
        assert message.attempts == 1 and message.sent_at is None and message.failed_at is None
        assert message.next_attempt_at == NOW + backoff(1)
        assert deliver(message.pk) is False  # not due yet: not even tried
    assert OutboxMessage.objects.get(pk=message.pk).attempts == 1
    assert backoff(3) == 4 * backoff(1)
    assert "Peeters" not in caplog.text and "an.peeters" not in caplog.text


def test_the_message_is_delivered_when_the_server_is_back(settings):
    settings.EMAIL_BACKEND = DOWN
    message = _queue()
    with time_machine.travel(NOW, tick=False):
        deliver(message.pk)
    settings.EMAIL_BACKEND = LOCMEM
    with time_machine.travel(NOW + timedelta(minutes=5), tick=False):
        assert deliver_due(timezone.now()) == 1
    assert [m.subject for m in mail.outbox] == ["Uitnodiging"]


def test_after_the_last_attempt_the_message_is_given_up(settings):
    settings.EMAIL_BACKEND = DOWN
    settings.KOERS_OUTBOX_MAX_ATTEMPTS = 2
    message = _queue()
    with time_machine.travel(NOW, tick=False):
        deliver(message.pk)
    with time_machine.travel(NOW + timedelta(days=1), tick=False):
        deliver(message.pk)
    message.refresh_from_db()
    assert message.failed_at is not None and message.last_error == "ConnectionRefusedError"


def test_a_message_claimed_by_a_worker_that_died_is_taken_again_after_its_lease(settings):
    message = _queue()
    lease = timedelta(seconds=settings.KOERS_OUTBOX_LEASE_SECONDS)
    OutboxMessage.objects.filter(pk=message.pk).update(claimed_until=NOW + lease, attempts=1)
    with time_machine.travel(NOW, tick=False):
        assert deliver(message.pk) is False  # someone is sending it
    with time_machine.travel(NOW + lease + timedelta(seconds=1), tick=False):
        assert deliver_due(timezone.now()) == 1
    assert len(mail.outbox) == 1


def test_a_sent_message_is_not_sent_again():
    message = _queue_now()
    assert deliver(message.pk) is True
    assert deliver(message.pk) is False
    assert len(mail.outbox) == 1


def test_an_sms_goes_through_the_configured_backend(settings):
    settings.KOERS_SMS_BACKEND = "koers.intake.sms.LocmemBackend"
    sms.outbox.clear()
    message = sms_queue(kind="tests.sms", to="+32470123456", text="Tot morgen")
    assert deliver(message.pk) is True
    assert sms.outbox == [("+32470123456", "Tot morgen")]


def test_a_login_link_is_erased_as_soon_as_it_is_sent():
    message = _queue_now(erase_when_sent=True)
    deliver(message.pk)
    message.refresh_from_db()
    assert message.sent_at is not None and message.body == "" and message.cleared_at is not None


def test_sent_messages_are_cleared_after_the_retention_period(settings):
    settings.KOERS_OUTBOX_RETENTION_DAYS = 30
    message = _queue(attachments=[("brief.pdf", b"%PDF-1.4", "application/pdf")])
    with time_machine.travel(NOW, tick=False):
        deliver(message.pk)
    assert clear_sent_messages(NOW + timedelta(days=29)) == 0
    assert clear_sent_messages(NOW + timedelta(days=31)) == 1
    message.refresh_from_db()
    assert (message.body, message.subject, message.recipients) == ("", "", [])
    assert not message.attachments.exists() and message.sent_at is not None
