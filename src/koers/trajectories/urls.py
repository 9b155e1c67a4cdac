from django.urls import path

from koers.trajectories import views

urlpatterns = [
    path("nieuw/", views.trajectory_create, name="trajectory_create"),
    path("<int:pk>/", views.trajectory_detail, name="trajectory_detail"),
    path("<int:pk>/status/", views.trajectory_status, name="trajectory_status"),
    path("<int:pk>/contacten/nieuw/", views.contact_create, name="contact_create"),
    path("contacten/<int:pk>/bewerken/", views.contact_update_view, name="contact_update"),
    path("<int:pk>/opdrachten/nieuw/", views.assignment_create_view, name="assignment_create"),
    path("opdrachten/<int:pk>/bewerken/", views.assignment_update_view, name="assignment_update"),
    path("<int:pk>/plannen/nieuw/", views.plan_create_view, name="plan_create"),
    path("plannen/<int:pk>/", views.plan_detail, name="plan_detail"),
    path("plannen/<int:pk>/bewerken/", views.plan_edit, name="plan_edit"),
    path("<int:pk>/documenten/nieuw/", views.document_create, name="document_create"),
    path("documenten/<int:pk>/download/", views.document_download, name="document_download"),
    path("documenten/<int:pk>/status/", views.document_status, name="document_status"),
]
