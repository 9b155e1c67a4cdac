from django.urls import path

from koers.vouchers.views import actions, closing, detail, group, pop, printing, store

urlpatterns = [
    path("nieuw/", detail.voucher_create, name="voucher_create"),
    path("<int:pk>/", detail.voucher_detail, name="voucher_detail"),
    path("<int:pk>/contacten/", actions.voucher_contact_create, name="voucher_contact_create"),
    path("<int:pk>/intake/", actions.voucher_intake, name="voucher_intake"),
    path("<int:pk>/loopbaanvraag/", actions.voucher_scope, name="voucher_scope"),
    path("<int:pk>/fase/", actions.voucher_phase, name="voucher_phase"),
    path("<int:pk>/tussentijdse-evaluatie/", actions.voucher_interim, name="voucher_interim"),
    path("<int:pk>/pop/", pop.voucher_pop, name="voucher_pop"),
    path("<int:pk>/pop/finaliseren/", pop.voucher_pop_finalise, name="voucher_pop_finalise"),
    path("<int:pk>/pop/gecombineerd/", pop.voucher_combined_pop, name="voucher_combined_pop"),
    path("<int:pk>/documenten/", actions.voucher_document, name="voucher_document"),
    path("<int:pk>/attest/", actions.voucher_certificate, name="voucher_certificate"),
    path("<int:pk>/nazorg/", actions.voucher_aftercare, name="voucher_aftercare"),
    path(
        "<int:pk>/nazorg/ingelicht/",
        actions.voucher_aftercare_informed,
        name="voucher_aftercare_informed",
    ),
    path("<int:pk>/e-coaching/", actions.voucher_video_consent, name="voucher_video_consent"),
    path(
        "<int:pk>/groepssessie-terugkoppeling/",
        actions.voucher_group_feedback,
        name="voucher_group_feedback",
    ),
    path("<int:pk>/afronden/", closing.voucher_close, name="voucher_close"),
    path("<int:pk>/gedragscode/", actions.voucher_code_of_conduct, name="voucher_code_of_conduct"),
    path(
        "<int:pk>/evaluatie-brief/",
        actions.voucher_evaluation_letter,
        name="voucher_evaluation_letter",
    ),
    path(
        "<int:pk>/evaluatie-ontvangen/",
        actions.voucher_evaluation_received,
        name="voucher_evaluation_received",
    ),
]

urlpatterns += [
    path("groepssessies/", group.group_session_list, name="group_session_list"),
    path("groepssessies/nieuw/", group.group_session_new, name="group_session_new"),
]

urlpatterns += [path("pop-klanten/", store.pop_store, name="pop_store")]

urlpatterns += [
    path("<int:pk>/afdrukken/", printing.voucher_print_view, name="voucher_print"),
]
