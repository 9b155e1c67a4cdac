from importlib.util import find_spec

from django.urls import include, path

from koers.core import views

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("clienten/", views.client_list, name="client_list"),
    path("clienten/nieuw/", views.client_create_view, name="client_create"),
    path("clienten/<int:pk>/", views.client_detail, name="client_detail"),
    path("clienten/<int:pk>/bewerken/", views.client_update_view, name="client_update"),
    path("clienten/<int:pk>/geschiedenis/", views.client_history, name="client_history"),
    path("organisaties/", views.organisation_list, name="organisation_list"),
    path("organisaties/nieuw/", views.organisation_create_view, name="organisation_create"),
    path("organisaties/<int:pk>/", views.organisation_detail, name="organisation_detail"),
    path("medewerkers/", views.staff_list, name="staff_list"),
    path("medewerkers/nieuw/", views.staff_create_view, name="staff_create"),
]

# The API-key pages are built beside this module; mount them once they exist.
if find_spec("koers.core.token_urls") is not None:
    urlpatterns.append(path("api-sleutels/", include("koers.core.token_urls")))
