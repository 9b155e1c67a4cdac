"""The transition pages under /doorstroom/ (URL names start with `transition_`)."""

from django.urls import path

from koers.transition import urls_intake as intake_urls
from koers.transition.views import (
    activities,
    assessment,
    assessment_candidate,
    checklist,
    competences,
    employers,
    files,
    followup,
    kpis,
    measures,
    plan,
    plan_settings,
)

urlpatterns = [
    path("", files.transition_home, name="transition_home"),
    path("dossier/<int:pk>/", files.transition_file, name="transition_file"),
    # intake (TRN-02, TRN-15: the referral; TRN-03: the intake and the kick-off)
    *intake_urls.urlpatterns,
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
    # plan (TRN-07)
    path("dossier/<int:pk>/pdp/", plan.transition_plan, name="transition_plan"),
    path(
        "dossier/<int:pk>/pdp/versie/<int:number>/",
        plan.transition_plan_version,
        name="transition_plan_version",
    ),
    path(
        "dossier/<int:pk>/pdp/bespreking/",
        plan.transition_plan_review,
        name="transition_plan_review",
    ),
    path("dossier/<int:pk>/pdp/pdf/", plan.transition_plan_pdf, name="transition_plan_pdf"),
    path(
        "pdp-vragen/",
        plan_settings.transition_plan_questions_index,
        name="transition_plan_questions_index",
    ),
    path(
        "pdp-vragen/<int:pk>/",
        plan_settings.transition_plan_questions,
        name="transition_plan_questions",
    ),
    # activities (TRN-08)
    path(
        "dossier/<int:pk>/acties/",
        activities.transition_activity_add,
        name="transition_activity_add",
    ),
    path(
        "dossier/<int:pk>/acties/alle/",
        activities.transition_activity_log,
        name="transition_activity_log",
    ),
    path(
        "dossier/<int:pk>/portfolio/", activities.transition_portfolio, name="transition_portfolio"
    ),
    path(
        "acties/<int:pk>/schrappen/",
        activities.transition_activity_delete,
        name="transition_activity_delete",
    ),
    # employers (TRN-08/13)
    path("werkgevers/", employers.transition_employers, name="transition_employers"),
    path("werkgevers/nieuw/", employers.transition_employer_new, name="transition_employer_new"),
    path("werkgevers/<int:pk>/", employers.transition_employer, name="transition_employer"),
    path(
        "werkgevers/<int:pk>/bewerken/",
        employers.transition_employer_edit,
        name="transition_employer_edit",
    ),
    path(
        "werkgevers/<int:pk>/contacten/",
        employers.transition_employer_contact_add,
        name="transition_employer_contact_add",
    ),
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
    # kpis
    path("kpi/", kpis.transition_kpis, name="transition_kpis"),
    path("kpi/rapport.pdf", kpis.transition_kpis_pdf, name="transition_kpis_pdf"),
    path("kpi/export/", kpis.transition_kpis_export, name="transition_kpis_export"),
    path("kpi/export/<int:pk>/", kpis.transition_kpi_export, name="transition_kpi_export"),
    path(
        "kpi/export/<int:pk>/download/",
        kpis.transition_kpi_export_download,
        name="transition_kpi_export_download",
    ),
    # checklist
    path("checklist/", checklist.checklist_list, name="transition_checklists"),
    path("checklist/nieuw/", checklist.checklist_new, name="transition_checklist_new"),
    path("checklist/<int:pk>/", checklist.checklist_detail, name="transition_checklist"),
    path("checklist/<int:pk>/wijzig/", checklist.checklist_edit, name="transition_checklist_edit"),
    path("checklist/vergelijk/", checklist.checklist_compare, name="transition_checklist_compare"),
]
