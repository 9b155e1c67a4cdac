from django.urls import path

from koers.intake import views, views_centre

urlpatterns = [
    path("", views.lead_list, name="intake_lead_list"),
    path("<int:pk>/", views.lead_detail, name="intake_lead_detail"),
    path("<int:pk>/bevestiging/", views.lead_acknowledge, name="intake_lead_acknowledge"),
    path("<int:pk>/gesprek/", views.lead_call, name="intake_lead_call"),
    path("<int:pk>/feedback/", views.lead_feedback, name="intake_lead_feedback"),
    path("<int:pk>/toewijzen/", views.lead_assign, name="intake_lead_assign"),
    path("<int:pk>/routeren/", views.lead_route, name="intake_lead_route"),
    path("<int:pk>/client/", views.lead_convert, name="intake_lead_convert"),
    path(
        "<int:pk>/kennismaking.ics",
        views.lead_introduction_ics,
        name="intake_lead_introduction_ics",
    ),
    path("afspraak/<int:pk>.ics", views.contact_ics, name="intake_contact_ics"),
    path("marketing/", views_centre.marketing, name="intake_marketing"),
    path("afwezigheden/", views_centre.unavailability, name="intake_unavailability"),
    path(
        "afwezigheden/<int:pk>/schrappen/",
        views_centre.unavailability_delete,
        name="intake_unavailability_delete",
    ),
    path("agenda/", views_centre.calendar_page, name="intake_calendar"),
    path("agenda/<str:token>.ics", views_centre.calendar_feed, name="intake_calendar_feed"),
    path("huisstijl/", views_centre.branding, name="intake_branding"),
    path("feedbackvragen/", views_centre.feedback_fields, name="intake_feedback_fields"),
    path("communicatie/", views_centre.communication, name="intake_communication"),
]
