"""The SMS backends moved to the outbox (`koers.outbox.sms`), which alone sends; these names stay
so that `KOERS_SMS_BACKEND="koers.intake.sms.…"` settings and tests keep working."""

from koers.outbox.sms import (  # noqa: F401  (re-exported)
    DEFAULT_BACKEND,
    ConsoleBackend,
    FileBackend,
    LocmemBackend,
    outbox,
)
