"""The development mailbox (issue 16): `make run` keeps every mail Koers "sends" as one `.eml`
file in the data folder instead of printing it in the request log, and `/ontwikkeling/mails/`
shows them to a signed-in user (development only), with their links clickable.

Writing and reading are the standard library's `email` package; nothing here is used in
production (`KOERS_DEV_MAILBOX` is off there)."""

import uuid
from dataclasses import dataclass
from datetime import datetime
from email import message_from_bytes, policy
from pathlib import Path

from django.conf import settings
from django.core.mail.backends.base import BaseEmailBackend
from django.utils import timezone


def mailbox_dir() -> Path:
    return Path(settings.KOERS_DEV_MAILBOX_DIR)


class MailboxBackend(BaseEmailBackend):
    """Django's e-mail backend API: each message becomes `<time>-<random>.eml`."""

    def send_messages(self, email_messages) -> int:
        folder = mailbox_dir()
        folder.mkdir(parents=True, exist_ok=True)
        for message in email_messages:
            name = f"{timezone.now():%Y%m%dT%H%M%S%f}-{uuid.uuid4().hex[:8]}.eml"
            (folder / name).write_bytes(message.message().as_bytes())
        return len(email_messages)


@dataclass(frozen=True)
class Mail:
    key: str  # the file's name without `.eml`: safe in a URL, never a path
    sent_at: datetime
    sender: str
    to: str
    subject: str
    body: str


def _read(path: Path) -> Mail:
    message = message_from_bytes(path.read_bytes(), policy=policy.default)
    part = message.get_body(preferencelist=("plain", "html"))
    return Mail(
        key=path.stem,
        sent_at=message["Date"].datetime,  # Django sets it; policy.default parses it aware
        sender=str(message.get("From", "")),
        to=str(message.get("To", "")),
        subject=str(message.get("Subject", "")),
        body=part.get_content() if part is not None else "",
    )


def mails(limit: int = 50) -> list[Mail]:
    """The newest `limit` mails, newest first."""
    folder = mailbox_dir()
    if not folder.is_dir():
        return []
    return [_read(p) for p in sorted(folder.glob("*.eml"), reverse=True)[:limit]]


def mail(key: str) -> Mail | None:
    path = mailbox_dir() / f"{key}.eml"
    if Path(key).name != key or not path.is_file():
        return None
    return _read(path)
