"""Queue a message (in the caller's transaction) and retry a failed one. Every e-mail and SMS
of Koers goes through `mail_queue` / `sms_queue`: the row commits with the step that caused it,
or not at all, and after the commit a worker delivers it (`outbox.delivery`)."""

from collections.abc import Iterable, Sequence
from functools import partial

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from koers.core.models import Organisation, User
from koers.outbox.models import Channel, OutboxAttachment, OutboxMessage
from koers.outbox.selectors import messages_visible_to


def _deliver_after_commit(message: OutboxMessage) -> None:
    from koers.outbox.tasks import deliver_soon

    transaction.on_commit(partial(deliver_soon, message.pk))


def mail_queue(
    *,
    kind: str,
    to: Sequence[str],
    subject: str,
    body: str,
    html: str = "",
    sender: str = "",
    reply_to: Sequence[str] = (),
    attachments: Iterable[tuple[str, bytes, str]] = (),
    organisation: Organisation | None = None,
    erase_when_sent: bool = False,
) -> OutboxMessage:
    """Record an e-mail (`attachments`: (file name, content, mime type)); it is sent after the
    surrounding transaction commits. `sender` "" is the default sender (DEFAULT_FROM_EMAIL)."""
    message = OutboxMessage.objects.create(
        channel=Channel.MAIL,
        kind=kind,
        organisation=organisation,
        sender=sender or "",
        recipients=[address for address in to if address],
        reply_to=list(reply_to),
        subject=subject,
        body=body,
        html=html,
        erase_when_sent=erase_when_sent,
        next_attempt_at=timezone.now(),
    )
    OutboxAttachment.objects.bulk_create(
        OutboxAttachment(message=message, filename=name, content=content, mimetype=mimetype)
        for name, content, mimetype in attachments
    )
    _deliver_after_commit(message)
    return message


def sms_queue(
    *, kind: str, to: str, text: str, organisation: Organisation | None = None
) -> OutboxMessage:
    """Record an SMS to `to` (E.164); it is sent after the surrounding transaction commits."""
    message = OutboxMessage.objects.create(
        channel=Channel.SMS,
        kind=kind,
        organisation=organisation,
        recipients=[to],
        body=text,
        next_attempt_at=timezone.now(),
    )
    _deliver_after_commit(message)
    return message


@transaction.atomic
def message_retry(*, message_id: int, acting_user: User) -> OutboxMessage:
    """Staff ask for another round of attempts on a message that was given up (or is waiting):
    it is due now, with its attempts counted afresh. A sent message stays sent."""
    message = messages_visible_to(acting_user).select_for_update().filter(pk=message_id).first()
    if message is None:
        raise OutboxMessage.DoesNotExist
    if message.sent_at is not None or message.cleared_at is not None:
        raise PermissionDenied
    message.failed_at = None
    message.attempts = 0
    message.next_attempt_at = timezone.now()
    message.claimed_until = None
    message.save(update_fields=["failed_at", "attempts", "next_attempt_at", "claimed_until"])
    _deliver_after_commit(message)
    return message
