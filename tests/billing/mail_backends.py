"""Mail backends for the outbox tests: a mail server that is down."""

from django.core.mail.backends.base import BaseEmailBackend

LOCMEM = "django.core.mail.backends.locmem.EmailBackend"
DOWN = "tests.billing.mail_backends.DownBackend"


class DownBackend(BaseEmailBackend):
    """Every send fails as when the SMTP server refuses the connection."""

    def send_messages(self, email_messages):
        raise ConnectionRefusedError("mail server down")
