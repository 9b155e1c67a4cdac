from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    name = "koers.documents"
    label = "documents"
    verbose_name = "Documenten"
