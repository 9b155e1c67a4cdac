from django.contrib.auth import views as django_auth
from django.urls import path

from koers.core import auth_views

urlpatterns = [
    path("login/", auth_views.KoersLoginView.as_view(), name="login"),
    path("logout/", auth_views.KoersLogoutView.as_view(), name="logout"),
    # Needs the second factor when one is due (koers.core.middleware keeps it out of the open paths).
    path(
        "wachtwoord/",
        auth_views.KoersPasswordChangeView.as_view(),
        name="password_change",
    ),
    # Forgotten password: a one-time link by e-mail (Django's token, valid PASSWORD_RESET_TIMEOUT),
    # rate limited; setting the new password lifts a lock-out.
    path(
        "wachtwoord-vergeten/",
        auth_views.KoersPasswordResetView.as_view(),
        name="password_reset",
    ),
    path(
        "wachtwoord-vergeten/verstuurd/",
        django_auth.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "wachtwoord-vergeten/<uidb64>/<token>/",
        auth_views.KoersPasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "wachtwoord-vergeten/klaar/",
        django_auth.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    path("tweestapsverificatie/", auth_views.otp_setup, name="otp_setup"),
    path("tweestapsverificatie/code/", auth_views.otp_verify, name="otp_verify"),
    path(
        "tweestapsverificatie/herstelcodes/",
        auth_views.otp_recovery_codes,
        name="otp_recovery_codes",
    ),
]
