from django.apps import AppConfig


class ListExportsConfig(AppConfig):
    name = "koers.listexports"
    label = "listexports"
    verbose_name = "Lijsten exporteren"

    def ready(self) -> None:
        # Register the lists and the sweep.
        from koers.listexports import jobs, kinds, kinds_transition  # noqa: F401
