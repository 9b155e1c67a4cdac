from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OutboxConfig(AppConfig):
    name = "koers.outbox"
    verbose_name = _("Uitgaande berichten")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from koers.core.mail import register_mail_queue
        from koers.outbox import jobs  # noqa: F401  (registers the sweep jobs)
        from koers.outbox.services import mail_queue

        # The core's password-reset mail goes through the outbox too (`koers.core.mail`).
        register_mail_queue(mail_queue)
