"""The billing pages under /facturatie/ (URL names start with `billing_`)."""

from django.urls import path

from koers.billing.views import hours

urlpatterns: list = [
    path("uren/", hours.billing_hours, name="billing_hours"),
    path("uren/maand/", hours.billing_hours_month, name="billing_hours_month"),
    path("uren/<int:pk>/ingegeven/", hours.billing_hour_entered, name="billing_hour_entered"),
    path("uren/<int:pk>/terugnemen/", hours.billing_hour_unmark, name="billing_hour_unmark"),
    path("afrekeningen/", hours.billing_statements, name="billing_statements"),
    path("afrekeningen/afrekenen/", hours.billing_settle, name="billing_settle"),
    path("afrekeningen/<int:pk>/", hours.billing_statement, name="billing_statement"),
    path(
        "afrekeningen/<int:pk>/correctie/",
        hours.billing_statement_correct,
        name="billing_statement_correct",
    ),
    path("tarieven/", hours.billing_rates, name="billing_rates"),
]
