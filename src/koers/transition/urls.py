"""The transition pages under /doorstroom/ (URL names start with `transition_`)."""

from django.urls import path

from koers.transition.views import files

urlpatterns = [
    path("", files.transition_home, name="transition_home"),
    path("dossier/<int:pk>/", files.transition_file, name="transition_file"),
]
