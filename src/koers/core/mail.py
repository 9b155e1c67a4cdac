"""How the core sends its one e-mail (the forgotten-password link): through the recorded outbox.

The outbox stands above the core in the layers (it knows organisations and users), so the core
cannot import it; `koers.outbox` registers its `mail_queue` here when the apps are ready. A
message queued this way survives a mail server that is down: the outbox retries it.
"""

from collections.abc import Callable

from django.core.exceptions import ImproperlyConfigured

_queue: Callable[..., object] | None = None


def register_mail_queue(queue: Callable[..., object]) -> None:
    global _queue  # noqa: PLW0603  (set once at start-up)
    _queue = queue


def queue_mail(**message) -> object:
    """`koers.outbox.services.mail_queue(**message)`; refuses loudly if the outbox is missing."""
    if _queue is None:
        raise ImproperlyConfigured("koers.outbox is not installed: no mail can be queued.")
    return _queue(**message)
