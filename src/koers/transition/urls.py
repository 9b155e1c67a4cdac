"""The transition pages under /doorstroom/ (URL names start with `transition_`)."""

from django.urls import path

from koers.transition.views import files, followup, measures

urlpatterns = [
    path("", files.transition_home, name="transition_home"),
    path("dossier/<int:pk>/", files.transition_file, name="transition_file"),
    # measures
    path(
        "dossier/<int:pk>/maatregel/nieuw/",
        measures.transition_measure_new,
        name="transition_measure_new",
    ),
    path("maatregel/<int:pk>/", measures.transition_measure, name="transition_measure"),
    path(
        "maatregel/<int:pk>/documenten/",
        measures.transition_measure_documents,
        name="transition_measure_documents",
    ),
    path(
        "maatregel/<int:pk>/starten/",
        measures.transition_measure_start,
        name="transition_measure_start",
    ),
    path(
        "maatregel/<int:pk>/evaluatie/",
        measures.transition_measure_evaluate,
        name="transition_measure_evaluate",
    ),
    path(
        "maatregel/<int:pk>/afronden/",
        measures.transition_measure_close,
        name="transition_measure_close",
    ),
    path(
        "maatregel/<int:pk>/annuleren/",
        measures.transition_measure_cancel,
        name="transition_measure_cancel",
    ),
    path(
        "maatregel/<int:pk>/checklist/",
        measures.transition_measure_checklist,
        name="transition_measure_checklist",
    ),
    # followup
    path(
        "dossier/<int:pk>/doorstroom/nieuw/",
        followup.transition_placement_new,
        name="transition_placement_new",
    ),
    path(
        "dossier/<int:pk>/opleiding/",
        followup.transition_left_for_training,
        name="transition_left_for_training",
    ),
    path("doorstroom/<int:pk>/", followup.transition_placement, name="transition_placement"),
    path(
        "doorstroom/<int:pk>/opvolging/",
        followup.transition_followup_add,
        name="transition_followup_add",
    ),
    path("opvolging/", followup.transition_followups, name="transition_followups"),
]
