from django.contrib.auth import views as django_auth
from django.urls import path, reverse_lazy

from koers.core import auth_views

urlpatterns = [
    path("login/", auth_views.KoersLoginView.as_view(), name="login"),
    path("logout/", auth_views.KoersLogoutView.as_view(), name="logout"),
    path(
        "wachtwoord/",
        auth_views.KoersPasswordChangeView.as_view(),
        name="password_change",
    ),
    # Forgotten password: a one-time link by e-mail (Django's token, valid PASSWORD_RESET_TIMEOUT).
    path(
        "wachtwoord-vergeten/",
        django_auth.PasswordResetView.as_view(
            email_template_name="registration/password_reset_email.txt",
            subject_template_name="registration/password_reset_subject.txt",
            success_url=reverse_lazy("password_reset_done"),
        ),
        name="password_reset",
    ),
    path(
        "wachtwoord-vergeten/verstuurd/",
        django_auth.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "wachtwoord-vergeten/<uidb64>/<token>/",
        django_auth.PasswordResetConfirmView.as_view(
            success_url=reverse_lazy("password_reset_complete")
        ),
        name="password_reset_confirm",
    ),
    path(
        "wachtwoord-vergeten/klaar/",
        django_auth.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    path("tweestapsverificatie/", auth_views.otp_setup, name="otp_setup"),
    path("tweestapsverificatie/code/", auth_views.otp_verify, name="otp_verify"),
]
