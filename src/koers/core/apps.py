from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "koers.core"
    label = "core"
    verbose_name = "Koers"

    def ready(self) -> None:
        # Importing registers the permission predicates, the periodic sweep and the core's jobs.
        from koers.core import jobs, permissions, sweep  # noqa: F401
