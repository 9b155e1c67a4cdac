"""The transition pages under /doorstroom/ (URL names start with `transition_`)."""

from django.urls import path

from koers.transition.views import checklist, files, kpis

urlpatterns = [
    path("", files.transition_home, name="transition_home"),
    path("dossier/<int:pk>/", files.transition_file, name="transition_file"),
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
