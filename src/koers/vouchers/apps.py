from django.apps import AppConfig


class VouchersConfig(AppConfig):
    name = "koers.vouchers"
    label = "vouchers"
    verbose_name = "Loopbaancheques"

    def ready(self) -> None:
        from koers.vouchers import jobs  # noqa: F401  (registers the evaluation sweep)
