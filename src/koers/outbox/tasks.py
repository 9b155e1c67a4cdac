"""The huey task that delivers one message right after the step that queued it committed, and
schedules its own retry after a failure. The sweep (`outbox.jobs`) is the safety net: it sends
whatever a dead worker or a lost task left behind."""

import logging

from huey.contrib.djhuey import db_task

from koers.outbox.delivery import deliver, retry_wait

logger = logging.getLogger(__name__)


@db_task()
def deliver_message(message_id: int) -> bool:
    if deliver(message_id):
        return True
    wait = retry_wait(message_id)
    if wait:
        deliver_message.schedule(args=(message_id,), delay=wait)
    return False


def deliver_soon(message_id: int) -> None:
    """Hand the message to a worker; if the queue itself is unavailable, the sweep sends it."""
    try:
        deliver_message(message_id)
    except Exception:
        logger.exception(
            "outbox message %s not handed to the worker; the sweep sends it", message_id
        )
