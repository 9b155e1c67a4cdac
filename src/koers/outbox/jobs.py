"""The outbox's sweep jobs: send what is due, and clear the text of messages sent long ago."""

from datetime import datetime, timedelta

from django.conf import settings

from koers.core.sweep import sweep_job
from koers.outbox.delivery import deliver_due
from koers.outbox.models import OutboxAttachment, OutboxMessage


@sweep_job
def deliver_due_messages(now: datetime) -> int:
    """Send every unsent message whose attempt is due or whose sender died. Safe to run twice
    (a claimed or sent message is not taken again)."""
    return deliver_due(now)


@sweep_job
def clear_sent_messages(now: datetime) -> int:
    """Erase addresses, subject, text and attachments of messages sent more than
    `KOERS_OUTBOX_RETENTION_DAYS` ago; the row stays as proof that it was sent."""
    cutoff = now - timedelta(days=settings.KOERS_OUTBOX_RETENTION_DAYS)
    old = OutboxMessage.objects.filter(sent_at__lt=cutoff, cleared_at__isnull=True)
    OutboxAttachment.objects.filter(message__in=old).delete()
    return old.update(
        recipients=[], reply_to=[], sender="", subject="", body="", html="", cleared_at=now
    )
