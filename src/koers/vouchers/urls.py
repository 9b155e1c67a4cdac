from django.urls import path

from koers.vouchers import views, views_group, views_store

urlpatterns = [
    path("nieuw/", views.voucher_create, name="voucher_create"),
    path("<int:pk>/", views.voucher_detail, name="voucher_detail"),
    path("<int:pk>/contacten/", views.voucher_contact_create, name="voucher_contact_create"),
    path("<int:pk>/intake/", views.voucher_intake, name="voucher_intake"),
    path("<int:pk>/loopbaanvraag/", views.voucher_scope, name="voucher_scope"),
    path("<int:pk>/fase/", views.voucher_phase, name="voucher_phase"),
    path("<int:pk>/tussentijdse-evaluatie/", views.voucher_interim, name="voucher_interim"),
    path("<int:pk>/pop/", views.voucher_pop, name="voucher_pop"),
    path("<int:pk>/pop/finaliseren/", views.voucher_pop_finalise, name="voucher_pop_finalise"),
    path("<int:pk>/pop/gecombineerd/", views.voucher_combined_pop, name="voucher_combined_pop"),
    path("<int:pk>/documenten/", views.voucher_document, name="voucher_document"),
    path("<int:pk>/attest/", views.voucher_certificate, name="voucher_certificate"),
    path("<int:pk>/nazorg/", views.voucher_aftercare, name="voucher_aftercare"),
    path(
        "<int:pk>/nazorg/ingelicht/",
        views.voucher_aftercare_informed,
        name="voucher_aftercare_informed",
    ),
    path("<int:pk>/e-coaching/", views.voucher_video_consent, name="voucher_video_consent"),
    path(
        "<int:pk>/groepssessie-terugkoppeling/",
        views.voucher_group_feedback,
        name="voucher_group_feedback",
    ),
    path("<int:pk>/afronden/", views.voucher_close, name="voucher_close"),
    path("<int:pk>/gedragscode/", views.voucher_code_of_conduct, name="voucher_code_of_conduct"),
    path(
        "<int:pk>/evaluatie-brief/",
        views.voucher_evaluation_letter,
        name="voucher_evaluation_letter",
    ),
    path(
        "<int:pk>/evaluatie-ontvangen/",
        views.voucher_evaluation_received,
        name="voucher_evaluation_received",
    ),
]

urlpatterns += [
    path("groepssessies/", views_group.group_session_list, name="group_session_list"),
    path("groepssessies/nieuw/", views_group.group_session_new, name="group_session_new"),
]

urlpatterns += [path("pop-klanten/", views_store.pop_store, name="pop_store")]
