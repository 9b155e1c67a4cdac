"""The transition pages under /doorstroom/ (URL names start with `transition_`)."""

from django.urls import path

from koers.transition import urls_intake as intake_urls
from koers.transition.views import files

urlpatterns = [
    path("", files.transition_home, name="transition_home"),
    path("dossier/<int:pk>/", files.transition_file, name="transition_file"),
    # intake (TRN-02, TRN-15: the referral; TRN-03: the intake and the kick-off)
    *intake_urls.urlpatterns,
]
