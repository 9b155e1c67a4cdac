"""Pluggable SMS sending. `KOERS_SMS_BACKEND` names a class with `send(to, text)`; the default
prints to the console, `FileBackend` writes to `KOERS_SMS_FILE_PATH`, `LocmemBackend` keeps a
list for tests. A real provider is a small class with the same method. Only the outbox's
delivery calls `send_sms`; everything else queues with `outbox.services.sms_queue`."""

import sys

from django.conf import settings
from django.utils import timezone
from django.utils.module_loading import import_string

outbox: list[tuple[str, str]] = []

DEFAULT_BACKEND = "koers.outbox.sms.ConsoleBackend"


class ConsoleBackend:
    def send(self, to: str, text: str) -> None:
        sys.stdout.write(f"SMS to {to}: {text}\n")


class FileBackend:
    def send(self, to: str, text: str) -> None:
        path = getattr(settings, "KOERS_SMS_FILE_PATH", settings.DATA_DIR / "sms.log")
        with open(path, "a", encoding="utf-8") as handle:
            handle.write(f"{timezone.now().isoformat()}\t{to}\t{text}\n")


class LocmemBackend:
    def send(self, to: str, text: str) -> None:
        outbox.append((to, text))


def send_sms(to: str, text: str) -> None:
    backend = import_string(getattr(settings, "KOERS_SMS_BACKEND", DEFAULT_BACKEND))
    backend().send(to, text)
