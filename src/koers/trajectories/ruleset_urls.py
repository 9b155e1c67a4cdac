from django.urls import path

from koers.trajectories.views import rulesets as views

urlpatterns = [
    path("", views.ruleset_list, name="ruleset_list"),
    path("<str:programme>/nieuw/", views.ruleset_new, name="ruleset_new"),
]
