from django.urls import path

from koers.outbox import views

urlpatterns = [
    path("", views.outbox_list, name="outbox_list"),
    path("<int:pk>/opnieuw/", views.outbox_retry, name="outbox_retry"),
]
