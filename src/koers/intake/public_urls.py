from django.urls import path

from koers.intake.views import public

urlpatterns = [
    path("", public.public_start, name="intake_public_start"),
    path("<int:pk>/", public.public_form, name="intake_public_form"),
    path("<int:pk>/bedankt/", public.public_thanks, name="intake_public_thanks"),
    path("logo/<int:pk>/", public.public_logo, name="intake_public_logo"),
    path(
        "logo/<int:pk>/loopbaancheque/",
        public.public_voucher_logo,
        name="intake_public_voucher_logo",
    ),
]
