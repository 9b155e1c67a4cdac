"""The referral and intake pages (TRN-02, TRN-15, TRN-03), included by `urls.py`."""

from django.urls import path

from koers.transition.views import intake as intake_views
from koers.transition.views import kick_offs, referral

urlpatterns = [
    path("voorstellen/", referral.transition_propose, name="transition_propose"),
    path(
        "dossier/<int:pk>/toeleiding/",
        referral.transition_referral_edit,
        name="transition_referral_edit",
    ),
    path("dossier/<int:pk>/dialoog/", referral.transition_dialogue, name="transition_dialogue"),
    path("dossier/<int:pk>/uitnodigen/", referral.transition_invite, name="transition_invite"),
    path(
        "dossier/<int:pk>/uitnodiging/",
        referral.transition_invitation_pdf,
        name="transition_invitation_pdf",
    ),
    path("dossier/<int:pk>/afblazen/", referral.transition_call_off, name="transition_call_off"),
    path("dossier/<int:pk>/intake/", intake_views.transition_intake, name="transition_intake"),
    path(
        "dossier/<int:pk>/intake/administratief/",
        intake_views.transition_intake_administrative,
        name="transition_intake_administrative",
    ),
    path(
        "dossier/<int:pk>/intake/starr/",
        intake_views.transition_starr_new,
        name="transition_starr_new",
    ),
    path("starr/<int:pk>/", intake_views.transition_starr_edit, name="transition_starr_edit"),
    path(
        "dossier/<int:pk>/intake/beslissing/",
        intake_views.transition_intake_decision,
        name="transition_intake_decision",
    ),
    path(
        "dossier/<int:pk>/intake/feedback/",
        intake_views.transition_intake_feedback,
        name="transition_intake_feedback",
    ),
    path(
        "dossier/<int:pk>/intake/engagement/",
        intake_views.transition_engagement,
        name="transition_engagement",
    ),
    path(
        "dossier/<int:pk>/intake/engagementsverklaring/",
        intake_views.transition_engagement_pdf,
        name="transition_engagement_pdf",
    ),
    path("kickoffs/", kick_offs.transition_kick_offs, name="transition_kick_offs"),
    path("kickoffs/nieuw/", kick_offs.transition_kick_off_new, name="transition_kick_off_new"),
    path("kickoffs/<int:pk>/", kick_offs.transition_kick_off, name="transition_kick_off"),
]
