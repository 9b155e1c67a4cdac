from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IdempotencyConfig(AppConfig):
    name = "koers.idempotency"
    verbose_name = _("Eenmalige aanvragen")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from koers.idempotency import jobs  # noqa: F401  (registers the sweep job)
