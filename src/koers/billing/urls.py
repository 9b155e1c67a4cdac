"""The billing pages under /facturatie/ (URL names start with `billing_`)."""

from django.urls import path

from koers.billing.views import delivery

urlpatterns: list = [
    path("dossiers/", delivery.delivery_list, name="billing_delivery"),
    path("dossiers/zending/nieuw/", delivery.batch_new, name="billing_batch_new"),
    path("dossiers/zending/<int:pk>/", delivery.batch_detail, name="billing_batch_detail"),
    path("dossiers/zending/<int:pk>/voorblad/", delivery.batch_cover, name="billing_batch_cover"),
    path("dossiers/zending/<int:pk>/status/", delivery.batch_state, name="billing_batch_state"),
    path("dossiers/<int:pk>/auditpakket/", delivery.dossier_audit_pack, name="billing_audit_pack"),
    path("dossiers/audit/", delivery.audit_new, name="billing_audit_new"),
]
