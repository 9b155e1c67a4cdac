from django.urls import path

from koers.intake.views import branding, calendar, centre, lead_actions, leads

urlpatterns = [
    path("", leads.lead_list, name="intake_lead_list"),
    path("<int:pk>/", leads.lead_detail, name="intake_lead_detail"),
    path("<int:pk>/bevestiging/", lead_actions.lead_acknowledge, name="intake_lead_acknowledge"),
    path("<int:pk>/gesprek/", lead_actions.lead_call, name="intake_lead_call"),
    path("<int:pk>/feedback/", lead_actions.lead_feedback, name="intake_lead_feedback"),
    path("<int:pk>/toewijzen/", lead_actions.lead_assign, name="intake_lead_assign"),
    path("<int:pk>/routeren/", lead_actions.lead_route, name="intake_lead_route"),
    path("<int:pk>/client/", lead_actions.lead_convert, name="intake_lead_convert"),
    path(
        "<int:pk>/kennismaking.ics",
        calendar.lead_introduction_ics,
        name="intake_lead_introduction_ics",
    ),
    path("afspraak/<int:pk>.ics", calendar.contact_ics, name="intake_contact_ics"),
    path("marketing/", centre.marketing, name="intake_marketing"),
    path("afwezigheden/", centre.unavailability, name="intake_unavailability"),
    path(
        "afwezigheden/<int:pk>/schrappen/",
        centre.unavailability_delete,
        name="intake_unavailability_delete",
    ),
    path("agenda/", calendar.calendar_page, name="intake_calendar"),
    path("agenda/<str:token>.ics", calendar.calendar_feed, name="intake_calendar_feed"),
    path("huisstijl/", branding.branding, name="intake_branding"),
    path("feedbackvragen/", branding.feedback_fields, name="intake_feedback_fields"),
    path("communicatie/", branding.communication, name="intake_communication"),
]
