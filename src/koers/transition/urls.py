"""The transition pages under /doorstroom/ (URL names start with `transition_`)."""

from django.urls import path

from koers.transition.views import assessment, assessment_candidate, competences, files

urlpatterns = [
    path("", files.transition_home, name="transition_home"),
    path("dossier/<int:pk>/", files.transition_file, name="transition_file"),
    # competences
    path(
        "competentieprofiel/", competences.transition_profile_index, name="transition_profile_index"
    ),
    path("competentieprofiel/<int:pk>/", competences.transition_profile, name="transition_profile"),
    path(
        "competentieprofiel/<int:pk>/competentie/",
        competences.transition_profile_competence_add,
        name="transition_profile_competence_add",
    ),
    path(
        "competentieprofiel/<int:pk>/observatieformulier.pdf",
        competences.transition_observation_form,
        name="transition_observation_form",
    ),
    path("competentie/<int:pk>/", competences.transition_competence, name="transition_competence"),
    path(
        "competentie/<int:pk>/aan-uit/",
        competences.transition_competence_toggle,
        name="transition_competence_toggle",
    ),
    path(
        "competentie/<int:pk>/bewerken/",
        competences.transition_competence_edit,
        name="transition_competence_edit",
    ),
    path(
        "competentie/<int:pk>/indicator/",
        competences.transition_indicator_add,
        name="transition_indicator_add",
    ),
    path(
        "indicator/<int:pk>/",
        competences.transition_indicator_edit,
        name="transition_indicator_edit",
    ),
    # assessment
    path("assessment/", assessment.transition_sessions, name="transition_sessions"),
    path("assessment/nieuw/", assessment.transition_session_new, name="transition_session_new"),
    path("assessment/<int:pk>/", assessment.transition_session, name="transition_session"),
    path(
        "assessment/<int:pk>/proef/",
        assessment.transition_session_task_add,
        name="transition_session_task_add",
    ),
    path(
        "assessment/<int:pk>/kandidaat/",
        assessment.transition_session_candidate_add,
        name="transition_session_candidate_add",
    ),
    path(
        "assessment/<int:pk>/assessor/",
        assessment.transition_session_assessor_add,
        name="transition_session_assessor_add",
    ),
    path(
        "assessment/<int:pk>/waarneming/",
        assessment.transition_session_observation_add,
        name="transition_session_observation_add",
    ),
    path(
        "waarneming/<int:pk>/klasseren/",
        assessment.transition_observation_classify,
        name="transition_observation_classify",
    ),
    path(
        "kandidaat/<int:pk>/",
        assessment_candidate.transition_candidate,
        name="transition_candidate",
    ),
    path(
        "kandidaat/<int:pk>/voorstel/",
        assessment_candidate.transition_candidate_proposal,
        name="transition_candidate_proposal",
    ),
    path(
        "kandidaat/<int:pk>/afgesproken/",
        assessment_candidate.transition_candidate_agreed,
        name="transition_candidate_agreed",
    ),
    path(
        "kandidaat/<int:pk>/rapport/",
        assessment_candidate.transition_candidate_report,
        name="transition_candidate_report",
    ),
    path(
        "kandidaat/<int:pk>/rapport/opmaken/",
        assessment_candidate.transition_candidate_report_make,
        name="transition_candidate_report_make",
    ),
]
