from django.urls import path

from koers.core.views import imports as views_import

urlpatterns = [
    path("", views_import.import_start, name="import_start"),
    path("voorbeeld/", views_import.import_preview, name="import_preview"),
    path("bevestigen/", views_import.import_confirm, name="import_confirm"),
    path("sjabloon/<str:kind>.csv", views_import.import_template, name="import_template"),
]
