"""The transition pages under /doorstroom/ (URL names start with `transition_`)."""

from django.urls import path

from koers.transition.views import activities, employers, files, plan, plan_settings

urlpatterns = [
    path("", files.transition_home, name="transition_home"),
    path("dossier/<int:pk>/", files.transition_file, name="transition_file"),
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
]
