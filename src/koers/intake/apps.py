from django.apps import AppConfig


class IntakeConfig(AppConfig):
    name = "koers.intake"
    label = "intake"
    verbose_name = "Aanvragen"

    def ready(self) -> None:
        from koers.intake import jobs  # noqa: F401  (registers the 24-hour sweep)
