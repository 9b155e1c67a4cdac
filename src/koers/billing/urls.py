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
from koers.billing.views import coaches

    path("coaches/", coaches.billing_coaches, name="billing_coaches"),
        "coaches/<int:pk>/ontwikkelingsplan/",
        coaches.billing_plan_receive,
        name="billing_plan_receive",
        "coaches/wijzigingen/<int:pk>/doorgegeven/",
        coaches.billing_change_passed_on,
        name="billing_change_passed_on",
        "ontwikkelingsplannen/<int:pk>/bestand/",
        coaches.billing_plan_download,
        name="billing_plan_download",
    path("mijn-gegevens/", coaches.billing_my_details, name="billing_my_details"),
    path("mijn-gegevens/locaties/", coaches.billing_location_start, name="billing_location_start"),
        "mijn-gegevens/locaties/<int:pk>/einde/",
        coaches.billing_location_end,
        name="billing_location_end",
]
