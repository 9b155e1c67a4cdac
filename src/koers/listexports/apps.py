from django.apps import AppConfig


class ListExportsConfig(AppConfig):
    name = "koers.listexports"
    label = "listexports"
    verbose_name = "Lijsten exporteren"

    def ready(self) -> None:
        from koers.listexports import jobs, kinds  # noqa: F401  (register the lists, the sweep)
