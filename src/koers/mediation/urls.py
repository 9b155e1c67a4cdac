from django.urls import path

from koers.mediation.views import followup_and_closing, referrals, service_page, settings, start

urlpatterns = [
    path("", referrals.dashboard, name="mediation_dashboard"),
    path("toeleiding/", referrals.refer, name="mediation_refer"),
    path("toeleidingen-importeren/", referrals.referral_import, name="mediation_import"),
    path("instellingen/", settings.settings_index, name="mediation_settings_index"),
    path("instellingen/<int:pk>/", settings.settings_page, name="mediation_settings"),
    path("<int:pk>/", service_page.detail, name="mediation_detail"),
    path("<int:pk>/toeleiding/", referrals.referral_edit, name="mediation_referral_edit"),
    path(
        "<int:pk>/afsluiten-door-vdab/",
        followup_and_closing.vdab_close,
        name="mediation_vdab_close",
    ),
    path(
        "<int:pk>/eerste-afspraak/", service_page.appointment_new, name="mediation_appointment_new"
    ),
    path("<int:pk>/afsprakenblad/", service_page.sheet_new, name="mediation_sheet_new"),
    path("<int:pk>/start/", start.start, name="mediation_start"),
    path("<int:pk>/contact/", service_page.contact_new, name="mediation_contact_new"),
    path("<int:pk>/categorie/", followup_and_closing.month_end, name="mediation_month_end"),
    path("<int:pk>/opleiding/", followup_and_closing.training_new, name="mediation_training_new"),
    path("<int:pk>/dossier/", followup_and_closing.checklist, name="mediation_checklist"),
    path("<int:pk>/ibo/", followup_and_closing.ibo, name="mediation_ibo"),
    path("<int:pk>/projectopvolger/", followup_and_closing.followup, name="mediation_followup"),
    path("<int:pk>/eindadvies/", followup_and_closing.advice, name="mediation_advice"),
    path(
        "afspraak/<int:pk>/uitkomst/",
        service_page.appointment_outcome,
        name="mediation_appointment_outcome",
    ),
    path(
        "afspraak/<int:pk>/herinplannen/",
        service_page.appointment_reschedule,
        name="mediation_appointment_reschedule",
    ),
    path(
        "afspraak/<int:pk>/uitnodiging/",
        service_page.appointment_invite,
        name="mediation_appointment_invite",
    ),
    path("blad/<int:pk>/handtekeningen/", service_page.sheet_sign, name="mediation_sheet_sign"),
    path("blad/<int:pk>/pdf/", service_page.sheet_pdf, name="mediation_sheet_pdf"),
    path(
        "opleiding/<int:pk>/annuleren/",
        followup_and_closing.training_cancel,
        name="mediation_training_cancel",
    ),
    path(
        "opleiding/<int:pk>/verloop/",
        followup_and_closing.training_progress,
        name="mediation_training_progress",
    ),
]
