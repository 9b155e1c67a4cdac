"""The working pages: the dashboard at the root, the client list, a new client and the file."""

from django.urls import path

from koers.workplace import panel_views, print_views, search_views, views

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("werklijst/<slug:key>/", views.work_list, name="work_list"),
    path("werklijst/<slug:key>/paneel/", panel_views.work_panel, name="work_panel"),
    path("dashboard/dossiers/", panel_views.dashboard_deliveries, name="dashboard_deliveries"),
    path("dashboard/centrum/", panel_views.dashboard_centre, name="dashboard_centre"),
    path(
        "dashboard/centrum/opvolging/",
        panel_views.dashboard_centre_work,
        name="dashboard_centre_work",
    ),
    path("clienten/", views.client_list, name="client_list"),
    path("clienten/nieuw/", views.client_create_view, name="client_create"),
    path("clienten/<int:pk>/", views.client_detail, name="client_detail"),
    path("clienten/<int:pk>/geschiedenis/", views.client_history, name="client_history"),
    path("zoeken/", search_views.search, name="search"),
    path("clienten/<int:pk>/afdrukken/", print_views.client_print, name="client_print"),
]
