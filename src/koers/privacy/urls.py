from django.urls import path

from koers.privacy import views

urlpatterns = [
    path("", views.privacy_home, name="privacy_home"),
    path("wissen/", views.privacy_erasure_request, name="privacy_erasure_request"),
    path("wissen/<int:pk>/", views.privacy_erasure_detail, name="privacy_erasure_detail"),
    path(
        "wissen/<int:pk>/bevestigen/", views.privacy_erasure_confirm, name="privacy_erasure_confirm"
    ),
    path("wissen/<int:pk>/intrekken/", views.privacy_erasure_cancel, name="privacy_erasure_cancel"),
    path("inzage/", views.privacy_export, name="privacy_export"),
]
