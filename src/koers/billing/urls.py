"""The billing pages under /facturatie/ (URL names start with `billing_`): hours and statements,
coach administration, dossier delivery, invoices."""

from django.urls import path

from koers.billing.views import (
    aftercare,
    coaches,
    delivery,
    exports,
    hours,
    invoice_parties,
    invoices,
    statement_pdf,
)

urlpatterns = [
    path("uren/", hours.billing_hours, name="billing_hours"),
    path("uren/maand/", hours.billing_hours_month, name="billing_hours_month"),
    path("uren/<int:pk>/ingegeven/", hours.billing_hour_entered, name="billing_hour_entered"),
    path("uren/<int:pk>/terugnemen/", hours.billing_hour_unmark, name="billing_hour_unmark"),
    path(
        "uren/nazorg/<int:pk>/ingegeven/",
        aftercare.billing_aftercare_entered,
        name="billing_aftercare_entered",
    ),
    path(
        "uren/nazorg/<int:pk>/terugnemen/",
        aftercare.billing_aftercare_unmark,
        name="billing_aftercare_unmark",
    ),
    path("afrekeningen/", hours.billing_statements, name="billing_statements"),
    path("afrekeningen/afrekenen/", hours.billing_settle, name="billing_settle"),
    path("afrekeningen/<int:pk>/", hours.billing_statement, name="billing_statement"),
    path(
        "afrekeningen/<int:pk>/correctie/",
        hours.billing_statement_correct,
        name="billing_statement_correct",
    ),
    path(
        "afrekeningen/<int:pk>/pdf/",
        statement_pdf.billing_statement_pdf,
        name="billing_statement_pdf",
    ),
    path("tarieven/", hours.billing_rates, name="billing_rates"),
    path("coaches/", coaches.billing_coaches, name="billing_coaches"),
    path(
        "coaches/<int:pk>/ontwikkelingsplan/",
        coaches.billing_plan_receive,
        name="billing_plan_receive",
    ),
    path(
        "coaches/wijzigingen/<int:pk>/doorgegeven/",
        coaches.billing_change_passed_on,
        name="billing_change_passed_on",
    ),
    path(
        "ontwikkelingsplannen/<int:pk>/bestand/",
        coaches.billing_plan_download,
        name="billing_plan_download",
    ),
    path("mijn-gegevens/", coaches.billing_my_details, name="billing_my_details"),
    path("mijn-gegevens/locaties/", coaches.billing_location_start, name="billing_location_start"),
    path(
        "mijn-gegevens/locaties/<int:pk>/einde/",
        coaches.billing_location_end,
        name="billing_location_end",
    ),
    path("dossiers/", delivery.delivery_list, name="billing_delivery"),
    path("dossiers/zending/nieuw/", delivery.batch_new, name="billing_batch_new"),
    path("dossiers/zending/<int:pk>/", delivery.batch_detail, name="billing_batch_detail"),
    path("dossiers/zending/<int:pk>/voorblad/", delivery.batch_cover, name="billing_batch_cover"),
    path("dossiers/zending/<int:pk>/status/", delivery.batch_state, name="billing_batch_state"),
    path("dossiers/<int:pk>/auditpakket/", delivery.dossier_audit_pack, name="billing_audit_pack"),
    path("dossiers/audit/", delivery.audit_new, name="billing_audit_new"),
    # Exports (issue 12): ?formaat=xlsx|csv, ?maand=2026-05; the kinds are in selectors/exports.py.
    path("export/<slug:slug>/", exports.billing_export, name="billing_export"),
    # BIL-04: invoices and credit notes, and the parties they are made out by and to.
    path(
        "afrekeningen/<int:pk>/factuur/",
        invoices.billing_invoice_prepare,
        name="billing_invoice_prepare",
    ),
    path(
        "afrekeningen/<int:pk>/factuur/uitreiken/",
        invoices.billing_invoice_issue,
        name="billing_invoice_issue",
    ),
    path("facturen/", invoices.billing_invoices, name="billing_invoices"),
    path("facturen/<int:pk>/", invoices.billing_invoice, name="billing_invoice"),
    path("facturen/<int:pk>/pdf/", invoices.billing_invoice_pdf, name="billing_invoice_pdf"),
    path("facturen/<int:pk>/xml/", invoices.billing_invoice_xml, name="billing_invoice_xml"),
    path(
        "facturen/<int:pk>/creditnota/",
        invoices.billing_invoice_credit,
        name="billing_invoice_credit",
    ),
    path("mijn-gegevens/onderneming/", invoice_parties.billing_company, name="billing_company"),
    path(
        "facturatiegegevens/",
        invoice_parties.billing_centre_details,
        name="billing_centre_details",
    ),
]
