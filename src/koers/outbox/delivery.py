"""Deliver recorded messages, at least once.

A sender first *claims* a message with one conditional UPDATE (unsent, due, nobody else's claim
running), so the worker after commit and the sweep never send it both; the claim runs out after
`KOERS_OUTBOX_LEASE_SECONDS`, so a worker killed while sending leaves it to the next one (that
may send it twice: at least once, never lost). Sending happens outside any transaction: a slow
mail server holds no lock. A failure waits 1, 2, 4, … retry periods (at most a day) before the
next attempt, and after `KOERS_OUTBOX_MAX_ATTEMPTS` the message is given up (`failed_at`) and
shows on "Uitgaande berichten".

Logs name the message by id and kind, and the error by its class: never an address or a text.
"""

import logging
import smtplib
from datetime import datetime, timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db.models import F
from django.utils import timezone

from koers.outbox.models import Channel, OutboxMessage
from koers.outbox.sms import send_sms

logger = logging.getLogger(__name__)

MAX_BACKOFF = timedelta(days=1)


def backoff(attempts: int) -> timedelta:
    """The wait after the `attempts`-th failed attempt: one retry period, doubling each time."""
    wait = timedelta(seconds=settings.KOERS_OUTBOX_RETRY_SECONDS * 2 ** max(attempts - 1, 0))
    return min(wait, MAX_BACKOFF)


def claim(message_id: int, now: datetime) -> OutboxMessage | None:
    """Take the message for sending if it is due and free; None when sent, given up, not yet
    due or being sent by someone else."""
    lease = now + timedelta(seconds=settings.KOERS_OUTBOX_LEASE_SECONDS)
    taken = (
        OutboxMessage.objects.due(now)
        .filter(pk=message_id)
        .update(claimed_until=lease, attempts=F("attempts") + 1)
    )
    if not taken:
        return None
    return OutboxMessage.objects.prefetch_related("attachments").get(pk=message_id)


def _send(message: OutboxMessage) -> None:
    if message.channel == Channel.SMS:
        for to in message.recipients:
            send_sms(to, message.body)
        return
    mail = EmailMultiAlternatives(
        message.subject,
        message.body,
        message.sender or None,
        message.recipients,
        reply_to=message.reply_to or None,
    )
    if message.html:
        mail.attach_alternative(message.html, "text/html")
    for attachment in message.attachments.all():
        mail.attach(attachment.filename, bytes(attachment.content), attachment.mimetype)
    mail.send()


def _error_label(exc: Exception) -> str:
    code = getattr(exc, "smtp_code", None)
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        return "SMTPRecipientsRefused"
    return f"{type(exc).__name__} {code}" if code else type(exc).__name__


def _failed(message: OutboxMessage, exc: Exception, now: datetime) -> None:
    label = _error_label(exc)
    gave_up = message.attempts >= settings.KOERS_OUTBOX_MAX_ATTEMPTS
    logger.warning(
        "outbox message %s (%s) attempt %s failed: %s%s",
        message.pk,
        message.kind,
        message.attempts,
        label,
        ", given up" if gave_up else "",
    )
    OutboxMessage.objects.filter(pk=message.pk).update(
        claimed_until=None,
        last_error=label[:200],
        next_attempt_at=now + backoff(message.attempts),
        failed_at=now if gave_up else None,
    )


def deliver(message_id: int) -> bool:
    """Send one message if it is due and free. True when this call sent it."""
    message = claim(message_id, timezone.now())
    if message is None:
        return False
    try:
        _send(message)
    except Exception as exc:  # any failure of the server or backend: retried later
        _failed(message, exc, timezone.now())
        return False
    now = timezone.now()
    sent = OutboxMessage.objects.filter(pk=message.pk)
    if message.erase_when_sent:
        sent.update(sent_at=now, claimed_until=None, body="", html="", cleared_at=now)
    else:
        sent.update(sent_at=now, claimed_until=None)
    return True


def deliver_due(now: datetime, *, limit: int = 500) -> int:
    """Send what is due (oldest first, `limit` per run); the number sent."""
    due = OutboxMessage.objects.due(now).order_by("next_attempt_at").values_list("pk", flat=True)
    return sum(deliver(pk) for pk in list(due[:limit]))


def retry_wait(message_id: int) -> float | None:
    """Seconds until this unsent message's next attempt; None when there is none to make."""
    row = OutboxMessage.objects.unsent().filter(pk=message_id).values("next_attempt_at").first()
    if row is None:
        return None
    return max((row["next_attempt_at"] - timezone.now()).total_seconds(), 0.0)
