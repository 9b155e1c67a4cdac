from django.urls import path

from koers.trajectories.views import assignments, contacts, documents, lists, plans, trajectories

urlpatterns = [
    path("", lists.trajectory_list, name="trajectory_list"),
    path("contacten/", lists.contact_list, name="contact_list"),
    path("nieuw/", trajectories.trajectory_create, name="trajectory_create"),
    path("<int:pk>/", trajectories.trajectory_detail, name="trajectory_detail"),
    path("<int:pk>/status/", trajectories.trajectory_status, name="trajectory_status"),
    path("<int:pk>/contacten/nieuw/", contacts.contact_create, name="contact_create"),
    path("contacten/<int:pk>/bewerken/", contacts.contact_update_view, name="contact_update"),
    path(
        "<int:pk>/opdrachten/nieuw/", assignments.assignment_create_view, name="assignment_create"
    ),
    path(
        "opdrachten/<int:pk>/bewerken/",
        assignments.assignment_update_view,
        name="assignment_update",
    ),
    path("<int:pk>/plannen/nieuw/", plans.plan_create_view, name="plan_create"),
    path("plannen/<int:pk>/", plans.plan_detail, name="plan_detail"),
    path("plannen/<int:pk>/bewerken/", plans.plan_edit, name="plan_edit"),
    path("<int:pk>/documenten/nieuw/", documents.document_create, name="document_create"),
    path("documenten/<int:pk>/download/", documents.document_download, name="document_download"),
    path("documenten/<int:pk>/status/", documents.document_status, name="document_status"),
]
