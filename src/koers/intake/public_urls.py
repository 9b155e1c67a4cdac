from django.urls import path

from koers.intake import views_public

urlpatterns = [
    path("", views_public.public_start, name="intake_public_start"),
    path("<int:pk>/", views_public.public_form, name="intake_public_form"),
    path("<int:pk>/bedankt/", views_public.public_thanks, name="intake_public_thanks"),
    path("logo/<int:pk>/", views_public.public_logo, name="intake_public_logo"),
    path(
        "logo/<int:pk>/loopbaancheque/",
        views_public.public_voucher_logo,
        name="intake_public_voucher_logo",
    ),
]
