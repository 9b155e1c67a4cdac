from django.urls import path

from koers.mediation import views

urlpatterns = [
    path("", views.dashboard, name="mediation_dashboard"),
    path("toeleiding/", views.refer, name="mediation_refer"),
    path("toeleidingen-importeren/", views.referral_import, name="mediation_import"),
    path("<int:pk>/", views.detail, name="mediation_detail"),
    path("<int:pk>/eerste-afspraak/", views.appointment_new, name="mediation_appointment_new"),
    path("<int:pk>/afsprakenblad/", views.sheet_new, name="mediation_sheet_new"),
    path("<int:pk>/start/", views.start, name="mediation_start"),
    path("<int:pk>/contact/", views.contact_new, name="mediation_contact_new"),
    path("<int:pk>/categorie/", views.month_end, name="mediation_month_end"),
    path("<int:pk>/opleiding/", views.training_new, name="mediation_training_new"),
    path("<int:pk>/dossier/", views.checklist, name="mediation_checklist"),
    path("<int:pk>/ibo/", views.ibo, name="mediation_ibo"),
    path("<int:pk>/projectopvolger/", views.followup, name="mediation_followup"),
    path("<int:pk>/eindadvies/", views.advice, name="mediation_advice"),
    path(
        "afspraak/<int:pk>/uitkomst/",
        views.appointment_outcome,
        name="mediation_appointment_outcome",
    ),
    path(
        "afspraak/<int:pk>/herinplannen/",
        views.appointment_reschedule,
        name="mediation_appointment_reschedule",
    ),
    path(
        "afspraak/<int:pk>/uitnodiging/",
        views.appointment_invite,
        name="mediation_appointment_invite",
    ),
    path("blad/<int:pk>/handtekeningen/", views.sheet_sign, name="mediation_sheet_sign"),
    path("blad/<int:pk>/pdf/", views.sheet_pdf, name="mediation_sheet_pdf"),
    path("opleiding/<int:pk>/annuleren/", views.training_cancel, name="mediation_training_cancel"),
    path(
        "opleiding/<int:pk>/verloop/", views.training_progress, name="mediation_training_progress"
    ),
]
