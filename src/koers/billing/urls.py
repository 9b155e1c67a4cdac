"""The billing pages under /facturatie/ (URL names start with `billing_`)."""

from django.urls import path

from koers.billing.views import coaches

urlpatterns: list = [
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
]
