from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "koers.core"
    label = "core"
    verbose_name = "Koers"

    def ready(self) -> None:
        from koers.core import permissions, sweep  # noqa: F401  (registers predicates and jobs)
