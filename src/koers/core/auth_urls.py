from django.urls import path

from koers.core import auth_views

urlpatterns = [
    path("login/", auth_views.KoersLoginView.as_view(), name="login"),
    path("logout/", auth_views.KoersLogoutView.as_view(), name="logout"),
    path(
        "wachtwoord/",
        auth_views.KoersPasswordChangeView.as_view(),
        name="password_change",
    ),
    path("tweestapsverificatie/", auth_views.otp_setup, name="otp_setup"),
    path("tweestapsverificatie/code/", auth_views.otp_verify, name="otp_verify"),
]
