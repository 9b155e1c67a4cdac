"""The SMTP backend of the fault drill: Django's, pointed at the local sink's port."""

from django.core.mail.backends.smtp import EmailBackend


class SinkBackend(EmailBackend):
    def __init__(self, **kwargs):
        super().__init__(host="127.0.0.1", port=8125, timeout=5, **kwargs)
