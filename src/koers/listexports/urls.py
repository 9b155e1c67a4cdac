from django.urls import path

from koers.listexports import views

urlpatterns = [
    path("taken/<int:pk>/", views.list_export_job, name="list_export_job"),
    path("taken/<int:pk>/bestand/", views.list_export_file, name="list_export_file"),
    path("<slug:kind>/", views.list_export, name="list_export"),
]
